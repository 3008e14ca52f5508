import { Box, Divider, Stack, Typography } from '@mui/material';
import type { OutcomeReport } from '@outcomes/contracts';
import { Fragment } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { Panel } from './Panel';
import { formatPercent, intervalText, missingCell, pValueText } from './report-cells';
import { ReportCellText } from './ReportCellText';

type Benchmark = OutcomeReport['benchmarks'][number];

const Published = ({ benchmark }: { benchmark: Benchmark }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { published } = benchmark;
  return (
    <Box sx={{ flex: 1 }} data-testid="benchmark-published">
      <Typography variant="overline">{translate('app.outcomes.benchmark.published')}</Typography>
      <Typography variant="h4" component="p">
        {formatPercent(published.proportion, locale)}
      </Typography>
      <Typography variant="body2">
        {translate('app.outcomes.benchmark.published_value', {
          percent: formatPercent(published.proportion, locale),
          timepoint: translate(`app.outcomes.timepoints_in_sentence.${published.timepoint}`),
          population: translate(`app.outcomes.benchmark.population.${published.population}`),
        })}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} data-testid="benchmark-source">
        {translate('app.outcomes.benchmark.source')}: {published.source}
      </Typography>
    </Box>
  );
};

const Observed = ({ benchmark, controlled }: { benchmark: Benchmark; controlled: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { observed, pValue, published } = benchmark;
  const interval = intervalText(observed, locale);
  const rate = observed?.p ?? null;
  return (
    <Box sx={{ flex: 1 }} data-testid="benchmark-observed">
      <Typography variant="overline">{translate('app.outcomes.benchmark.observed')}</Typography>
      <Typography variant="h4" component="p">
        {rate !== null ? formatPercent(rate, locale) : <ReportCellText cell={missingCell(controlled)} />}
      </Typography>
      {observed && rate !== null && (
        <Typography variant="body2">
          {translate('app.outcomes.benchmark.observed_counts', { successes: observed.successes, n: observed.n })}
        </Typography>
      )}
      {observed === null && controlled && <Typography variant="body2">{translate('app.outcomes.benchmark.observed_hidden')}</Typography>}
      {interval && <Typography variant="body2">{translate('app.outcomes.counts.ci', { interval })}</Typography>}
      {pValue !== null && (
        <>
          <Typography variant="body2" sx={{ mt: 1 }} data-testid="benchmark-p-value">
            {translate('app.outcomes.benchmark.p_value', { percent: formatPercent(published.proportion, locale), p: pValueText(pValue, locale) })}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {translate('app.outcomes.benchmark.p_value_hint')}
          </Typography>
        </>
      )}
    </Box>
  );
};

/** Each published result beside the programme's own figure, with the exact binomial test between them. */
export const BenchmarkPanel = ({ report }: { report: OutcomeReport }) => {
  const translate = useTranslate();
  return (
    <Panel title="app.outcomes.benchmark.title" testId="benchmark-panel">
      {report.benchmarks.length === 0 && <Typography variant="body2">{translate('app.outcomes.benchmark.none')}</Typography>}
      {report.benchmarks.map((benchmark, index) => (
        <Fragment key={`${benchmark.published.programmeCode}-${benchmark.published.timepoint}`}>
          {index > 0 && <Divider sx={{ my: 2 }} />}
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3}>
            <Published benchmark={benchmark} />
            <Observed benchmark={benchmark} controlled={report.disclosureControlled} />
          </Stack>
        </Fragment>
      ))}
    </Panel>
  );
};
