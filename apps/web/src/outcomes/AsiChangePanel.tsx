import { Box, Typography } from '@mui/material';
import type { OutcomeReport } from '@outcomes/contracts';
import { lazy, Suspense } from 'react';
import { useTranslate } from 'react-admin';
import { AsiChangeTable } from './AsiChangeTable';
import { ChartImage } from './ChartImage';
import { Panel } from './Panel';

// The chart library is most of a chart's weight: loaded with the first report, as the citizen page's chart is.
const AsiChangeChart = lazy(() => import('./AsiChangeChart').then((module) => ({ default: module.AsiChangeChart })));

export const AsiChangePanel = ({ report }: { report: OutcomeReport }) => {
  const translate = useTranslate();
  const anyShown = report.asiChange.some((c) => c.change !== null);
  return (
    <Panel title="app.outcomes.asi.title" hint="app.outcomes.asi.hint" testId="asi-change-panel">
      {anyShown ? (
        <ChartImage title={translate('app.outcomes.asi.title')} describedBy={['asi-change-panel-hint']} testId="asi-change-chart">
          <Suspense fallback={<Box sx={{ height: 380 }} />}>
            <AsiChangeChart report={report} />
          </Suspense>
        </ChartImage>
      ) : (
        <Typography variant="body2" sx={{ mb: 1 }}>{translate('app.outcomes.asi.none')}</Typography>
      )}
      <AsiChangeTable report={report} />
    </Panel>
  );
};
