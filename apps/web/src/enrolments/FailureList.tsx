import { Alert, AlertTitle, Box } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDate } from '../common/dates';
import type { Failure } from './eligibility';
import { failureText } from './eligibility';

/** Each eligibility rule the citizen fails, in words, and what to do about it. */
export const FailureList = ({ failures }: { failures: readonly Failure[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Alert severity="warning" role="alert" data-testid="eligibility-failures" sx={{ width: '100%', boxSizing: 'border-box' }}>
      <AlertTitle>{translate('resources.enrolments.eligibility.title')}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {failures.map((failure) => {
          const { key, args, attestationKey } = failureText(failure);
          const date = typeof args['date'] === 'string' ? formatDate(args['date'], locale) : undefined;
          return (
            <li key={failure.rule}>
              {translate(key, { ...args, ...(date ? { date } : {}), ...(attestationKey ? { attestation: translate(attestationKey) } : {}) })}
            </li>
          );
        })}
      </Box>
      {translate('resources.enrolments.eligibility.override_hint')}
    </Alert>
  );
};
