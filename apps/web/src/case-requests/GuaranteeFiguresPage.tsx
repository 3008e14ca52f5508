import { Stack, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { GuaranteeFiguresPanel } from './GuaranteeFiguresPanel';

/**
 * "Behandlingsgaranti": the treatment guarantee's figures as the municipality's management sees them
 * (the admin's menu; staff have it too). Aggregates of the own municipality only: no request, no citizen.
 */
export const GuaranteeFiguresPage = () => {
  const translate = useTranslate();
  return (
    <Stack sx={{ p: 2 }} data-testid="guarantee-figures-page">
      <Title title="resources.guarantee-figures.name" />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('app.caseRequests.figures.page_intro')}
      </Typography>
      <GuaranteeFiguresPanel />
    </Stack>
  );
};
