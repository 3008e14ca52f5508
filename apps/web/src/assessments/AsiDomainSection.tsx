import { Divider, Paper, Typography } from '@mui/material';
import type { AsiDomain } from '@outcomes/domain';
import { ASI_ITEMS } from '@outcomes/domain';
import { Fragment } from 'react';
import { useTranslate } from 'react-admin';
import { AsiItemInput } from './AsiItemInput';

/** One problem area of the interview: its items in the order of the definitions. */
export const AsiDomainSection = ({ domain }: { domain: AsiDomain }) => {
  const translate = useTranslate();
  const items = ASI_ITEMS.filter((item) => item.domain === domain);
  return (
    <Paper variant="outlined" component="section" aria-labelledby={`asi-domain-${domain}`} sx={{ p: 2 }} data-testid={`asi-domain-${domain}`}>
      <Typography id={`asi-domain-${domain}`} variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate(`resources.assessments.domains.${domain}`)}
      </Typography>
      {items.map((item, index) => (
        <Fragment key={item.code}>
          {index > 0 && <Divider />}
          <AsiItemInput item={item} />
          {item.code === 'E5' && (
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: -0.5, mb: 0.5 }}>
              {translate('resources.assessments.hints.e5_without_licence')}
            </Typography>
          )}
        </Fragment>
      ))}
    </Paper>
  );
};
