import AddIcon from '@mui/icons-material/PostAdd';
import { Box, Stack, Typography } from '@mui/material';
import type { Assessment } from '@outcomes/contracts';
import { lazy, Suspense, useMemo } from 'react';
import { useCanAccess, useGetList, useTranslate } from 'react-admin';
import { LinkButton } from '../common/LinkButton';
import { ChartImage } from '../outcomes/ChartImage';
import { ScrollRegion } from '../common/ScrollRegion';
import { compositeHistory } from './assessment-history';
import { AssessmentTable } from './AssessmentTable';

// The chart library is most of a chart's weight: loaded with the first citizen page that has one.
const CompositeChart = lazy(() => import('./CompositeChart').then((module) => ({ default: module.CompositeChart })));

/** The citizen page's ASI section: the composites over time as a chart and a table, and a new interview. */
export const CitizenAssessments = ({ citizenId }: { citizenId: string }) => {
  const translate = useTranslate();
  const { canAccess: canCreate } = useCanAccess({ resource: 'assessments', action: 'create' });
  const { data } = useGetList<Assessment>('assessments', {
    filter: { citizenId },
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'date', order: 'ASC' },
  });
  const assessments = useMemo(() => data ?? [], [data]);
  const history = useMemo(() => compositeHistory(assessments), [assessments]);
  if (!data) return null;
  return (
    <Box component="section" aria-labelledby="asi-history-title" data-testid="citizen-assessments" sx={{ mt: 3 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography id="asi-history-title" variant="h6" component="h2">
          {translate('resources.assessments.chart.title')}
        </Typography>
        {canCreate && <LinkButton to="/assessments/create" state={{ record: { citizenId } }} label="resources.assessments.record" icon={<AddIcon />} />}
      </Stack>
      {assessments.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('resources.assessments.chart.empty')}
        </Typography>
      ) : (
        <>
          <Typography variant="caption" color="text.secondary" component="p" id="asi-history-hint">
            {translate('resources.assessments.chart.hint')}
          </Typography>
          <ChartImage title={translate('resources.assessments.chart.title')} describedBy={['asi-history-hint']} testId="composite-chart">
            <Suspense fallback={<Box sx={{ height: 320 }} />}>
              <CompositeChart history={history} />
            </Suspense>
          </ChartImage>
          <ScrollRegion label={translate('resources.assessments.chart.table')}>
            <AssessmentTable assessments={assessments} caption="resources.assessments.chart.table" />
          </ScrollRegion>
        </>
      )}
    </Box>
  );
};
