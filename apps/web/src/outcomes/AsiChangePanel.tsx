import { Typography } from '@mui/material';
import type { OutcomeReport } from '@outcomes/contracts';
import { useTranslate } from 'react-admin';
import { AsiChangeChart } from './AsiChangeChart';
import { AsiChangeTable } from './AsiChangeTable';
import { Panel } from './Panel';

export const AsiChangePanel = ({ report }: { report: OutcomeReport }) => {
  const translate = useTranslate();
  const anyShown = report.asiChange.some((c) => c.change !== null);
  return (
    <Panel title="app.outcomes.asi.title" hint="app.outcomes.asi.hint" testId="asi-change-panel">
      {anyShown ? <AsiChangeChart report={report} /> : <Typography variant="body2" sx={{ mb: 1 }}>{translate('app.outcomes.asi.none')}</Typography>}
      <AsiChangeTable report={report} />
    </Panel>
  );
};
