import { Alert, Box } from '@mui/material';
import type { OutcomeReport } from '@outcomes/contracts';
import { lazy, Suspense } from 'react';
import { useTranslate } from 'react-admin';
import { ChartImage } from './ChartImage';
import { DrugFreeTable } from './DrugFreeTable';
import { Panel } from './Panel';

// The chart library is most of a chart's weight: loaded with the first report, as the citizen page's chart is.
const DrugFreeChart = lazy(() => import('./DrugFreeChart').then((module) => ({ default: module.DrugFreeChart })));

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
      <ChartImage title={translate('app.outcomes.drug_free.title')} describedBy={['drug-free-panel-hint']} testId="drug-free-chart">
        <Suspense fallback={<Box sx={{ height: 320 }} />}>
          <DrugFreeChart report={report} />
        </Suspense>
      </ChartImage>
      <Alert severity="warning" variant="outlined" sx={{ my: 1.5 }}>
        {translate('app.outcomes.drug_free.attrition_hint')}
      </Alert>
      <DrugFreeTable report={report} />
    </Panel>
  );
};
