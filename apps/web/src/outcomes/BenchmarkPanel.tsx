import { Box, Chip, Divider, Stack, Typography } from '@mui/material';
import type { BenchmarkFigure, OutcomeReport, ProportionFigure } from '@outcomes/contracts';
import { Fragment } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { benchmarkTimeText, publishedSourceText, publishedValueText } from './benchmark-text';
import { Panel } from './Panel';
import { formatPercent, intervalText, missingCell, pValueText } from './report-cells';
import { ReportCellText } from './ReportCellText';

type Counted = BenchmarkFigure['compared'];

const Published = ({ benchmark }: { benchmark: BenchmarkFigure }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { published } = benchmark;
  return (
    <Box data-testid="benchmark-published">
      <Typography variant="overline">{translate('app.outcomes.benchmark.published')}</Typography>
      <Typography variant="h4" component="p">
        {formatPercent(published.proportion, locale)}
      </Typography>
      <Typography variant="body2">{publishedValueText(published, formatPercent(published.proportion, locale), translate)}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} data-testid="benchmark-source">
        {translate('app.outcomes.benchmark.source')}: {publishedSourceText(published, translate)}
      </Typography>
    </Box>
  );
};

/** The programme's figure counted one way: its rate, what it rests on and its interval. */
const Figure = ({ counted, figure, compared, controlled }: { counted: Counted; figure: ProportionFigure | null; compared: boolean; controlled: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const interval = intervalText(figure, locale);
  const rate = figure?.p ?? null;
  return (
    <Box data-testid={`benchmark-${counted}`} sx={{ flex: 1, minWidth: 0 }}>
      <Typography variant="subtitle2">{translate(`app.outcomes.benchmark.counted.${counted}`)}</Typography>
      <Typography variant="caption" component="p" color="text.secondary" sx={{ minHeight: '2.5em' }}>
        {translate(`app.outcomes.benchmark.counted_hint.${counted}`)}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="p">
          {rate !== null ? formatPercent(rate, locale) : <ReportCellText cell={missingCell(controlled)} />}
        </Typography>
        {compared && <Chip size="small" color="primary" variant="outlined" label={translate('app.outcomes.benchmark.compared')} data-testid="benchmark-compared" />}
      </Stack>
      {figure && rate !== null && (
        <Typography variant="body2">
          {translate(`app.outcomes.benchmark.counts.${counted}`, { successes: figure.successes, n: figure.n })}
          {interval && (
            <Typography variant="caption" component="span" color="text.secondary" sx={{ display: 'block' }}>
              {translate('app.outcomes.counts.ci', { interval })}
            </Typography>
          )}
        </Typography>
      )}
      {figure === null && controlled && <Typography variant="body2">{translate('app.outcomes.benchmark.observed_hidden')}</Typography>}
    </Box>
  );
};

const Observed = ({ benchmark, controlled }: { benchmark: BenchmarkFigure; controlled: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { pValue, published, compared } = benchmark;
  return (
    <Box data-testid="benchmark-observed">
      <Typography variant="overline">{translate('app.outcomes.benchmark.observed')}</Typography>
      <Stack direction="row" spacing={2} sx={{ mb: 1.5 }}>
        <Figure counted="intentionToTreat" figure={benchmark.intentionToTreat} compared={compared === 'intentionToTreat'} controlled={controlled} />
        <Figure counted="assessed" figure={benchmark.assessed} compared={compared === 'assessed'} controlled={controlled} />
      </Stack>
      {pValue !== null && (
        <>
          <Typography variant="body2" data-testid="benchmark-p-value">
            {translate('app.outcomes.benchmark.p_value', {
              figure: translate(`app.outcomes.benchmark.p_value_of.${compared}`),
              percent: formatPercent(published.proportion, locale),
              p: pValueText(pValue, locale),
            })}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {translate('app.outcomes.benchmark.p_value_hint')}
          </Typography>
        </>
      )}
    </Box>
  );
};

/**
 * Each published result beside the programme's own figure counted as the publication counts: the
 * same population, the nearest timepoint (said in words when it is not the same), both the
 * intention-to-treat and the assessed rate, and the exact binomial test of the one that matches.
 */
export const BenchmarkPanel = ({ report }: { report: OutcomeReport }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Panel title="app.outcomes.benchmark.title" testId="benchmark-panel">
      {report.benchmarks.length === 0 && <Typography variant="body2">{translate('app.outcomes.benchmark.none')}</Typography>}
      {report.benchmarks.map((benchmark, index) => (
        <Fragment key={`${benchmark.published.programmeCode}-${benchmark.published.population}-${benchmark.published.publishedFrom}-${benchmark.published.publishedMonths}`}>
          {index > 0 && <Divider sx={{ my: 2 }} />}
          <Typography
            variant="body2"
            data-testid="benchmark-time"
            sx={{ mb: 1.5, ...(benchmark.sameTime ? {} : { fontWeight: 500, color: 'warning.dark' }) }}
          >
            {benchmarkTimeText(benchmark, translate, locale)}
          </Typography>
          <Stack spacing={2} divider={<Divider flexItem />}>
            <Published benchmark={benchmark} />
            <Observed benchmark={benchmark} controlled={report.disclosureControlled} />
          </Stack>
        </Fragment>
      ))}
    </Panel>
  );
};
