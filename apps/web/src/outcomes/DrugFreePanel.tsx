import { Alert } from '@mui/material';
import type { OutcomeReport } from '@outcomes/contracts';
import { useTranslate } from 'react-admin';
import { DrugFreeChart } from './DrugFreeChart';
import { DrugFreeTable } from './DrugFreeTable';
import { Panel } from './Panel';

const anyRateShown = (report: OutcomeReport): boolean =>
  report.drugFree.some((row) => typeof row.rateAssessed?.p === 'number' || typeof row.rateAll?.p === 'number');

export const DrugFreePanel = ({ report }: { report: OutcomeReport }) => {
  const translate = useTranslate();
  return (
    <Panel title="app.outcomes.drug_free.title" hint="app.outcomes.drug_free.hint" testId="drug-free-panel">
      {report.disclosureControlled && !anyRateShown(report) && (
        <Alert severity="info" sx={{ mb: 1 }}>
          {translate('app.outcomes.drug_free.none_hidden')}
        </Alert>
      )}
      <DrugFreeChart report={report} />
      <Alert severity="warning" variant="outlined" sx={{ my: 1.5 }}>
        {translate('app.outcomes.drug_free.attrition_hint')}
      </Alert>
      <DrugFreeTable report={report} />
    </Panel>
  );
};
