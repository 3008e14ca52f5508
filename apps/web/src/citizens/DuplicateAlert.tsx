import { Alert, Box } from '@mui/material';
import { useWatch } from 'react-hook-form';
import { Link, useTranslate } from 'react-admin';
import { apiErrorOf } from '../common/http-errors';

/** A save refused because the CPR number is registered already: for which number, and whose it is. */
export interface Duplicate {
  cpr: string;
  existingId: string;
}

const digits = (cpr: unknown): string => (typeof cpr === 'string' ? cpr.replace(/\D/g, '') : '');

/** The duplicate behind a refused save of `data`, if that was the reason. */
export function duplicateOf(error: unknown, data: unknown): Duplicate | undefined {
  const body = apiErrorOf(error);
  if (body.status !== 409 || body.code !== 'DUPLICATE' || !body.existingId) return undefined;
  return { cpr: digits((data as { cpr?: unknown } | undefined)?.cpr), existingId: body.existingId };
}

/** Says the CPR number is registered already and offers that citizen instead, while the number stays. */
export const DuplicateAlert = ({ duplicate }: { duplicate: Duplicate | undefined }) => {
  const translate = useTranslate();
  const cpr = useWatch({ name: 'cpr' }) as unknown;
  if (!duplicate || digits(cpr) !== duplicate.cpr) return null;
  return (
    <Box sx={{ width: '100%', mb: 1 }}>
      <Alert severity="warning" role="alert" data-testid="duplicate-cpr">
        {translate('app.citizens.duplicate')}{' '}
        <Link to={`/citizens/${duplicate.existingId}/show`}>{translate('app.citizens.open_existing')}</Link>
      </Alert>
    </Box>
  );
};

/** The save options of the citizen forms: a duplicate CPR number is shown with a link, other errors as usual. */
export function duplicateHandling(setDuplicate: (duplicate: Duplicate | undefined) => void, notifyError: (error: unknown) => void) {
  return {
    onError: (error: unknown, variables: unknown) => {
      const duplicate = duplicateOf(error, (variables as { data?: unknown } | undefined)?.data);
      setDuplicate(duplicate);
      if (!duplicate) notifyError(error);
    },
  };
}
