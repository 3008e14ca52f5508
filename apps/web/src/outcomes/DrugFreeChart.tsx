import { Typography, useTheme } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { ChartsReferenceLine } from '@mui/x-charts/ChartsReferenceLine';
import type { OutcomeReport, ProportionFigure } from '@outcomes/contracts';
import { useLocaleState, useTranslate } from 'react-admin';
import { OKABE_ITO } from '../common/chart-colours';
import { publishedValueText } from './benchmark-text';
import { benchmarkLines, drugFreeBars } from './chart-data';
import { ErrorBars } from './ErrorBars';
import { formatPercent, intervalText } from './report-cells';

/** Those assessed and all who were due: one measure, two denominators, so two blues far apart in lightness. */
const ASSESSED = OKABE_ITO.blue;
const ALL = OKABE_ITO.skyBlue;
/** The published results stand apart from both blues. */
const BENCHMARK = OKABE_ITO.vermillion;

/**
 * Drug-free rates at the end and each follow-up, of those assessed and of all who were due, each with
 * its 95 % Wilson interval; the published results as dashed lines, said in words under the chart.
 * A hidden rate draws no bar. No animation: a bar growing into place reads as a changing figure.
 */
export const DrugFreeChart = ({ report }: { report: OutcomeReport }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const theme = useTheme();
  const bars = drugFreeBars(report.drugFree);
  const lines = benchmarkLines(report.benchmarks);
  const percent = (value: number | null) => (value === null ? '' : formatPercent(value / 100, locale));
  // The tooltip gives the rate with its interval; the table under the chart has them all as text.
  const withInterval = (figureOf: (row: OutcomeReport['drugFree'][number]) => ProportionFigure | null) => (value: number | null, { dataIndex }: { dataIndex: number }) => {
    const row = report.drugFree[dataIndex];
    const interval = row ? intervalText(figureOf(row), locale) : null;
    return value === null ? null : interval ? `${percent(value)} (${translate('app.outcomes.counts.ci', { interval })})` : percent(value);
  };
  return (
    <>
      <BarChart
        // The chart is one image with a name and a table beside it: its own keyboard navigation would be a nameless tab stop inside that image.
        disableKeyboardNavigation
        height={320}
        skipAnimation
        // Room on the right for the published results' labels, beside their lines rather than over the bars.
        margin={{ top: 8, right: lines.length > 0 ? 112 : 16, bottom: 8, left: 8 }}
        xAxis={[{ scaleType: 'band', data: bars.map((bar) => translate(`app.outcomes.timepoints.${bar.timepoint}`)) }]}
        yAxis={[{ min: 0, max: 100, tickInterval: [0, 20, 40, 60, 80, 100], width: 72, label: translate('app.outcomes.drug_free.axis'), valueFormatter: percent }]}
        series={[
          { id: 'assessed', label: translate('app.outcomes.drug_free.assessed'), color: ASSESSED, data: bars.map((bar) => bar.assessed), valueFormatter: withInterval((row) => row.rateAssessed) },
          { id: 'all', label: translate('app.outcomes.drug_free.all'), color: ALL, data: bars.map((bar) => bar.all), valueFormatter: withInterval((row) => row.rateAll) },
        ]}
        grid={{ horizontal: true }}
      >
        <ErrorBars
          layout="vertical"
          colour={theme.palette.text.primary}
          series={[
            { seriesId: 'assessed', intervals: bars.map((bar) => bar.assessedCi) },
            { seriesId: 'all', intervals: bars.map((bar) => bar.allCi) },
          ]}
        />
        {lines.map((line, index) => (
          <ChartsReferenceLine
            key={`${line.programmeCode}-${index}`}
            y={line.percent}
            label={translate('app.outcomes.drug_free.benchmark_line', { code: line.programmeCode, percent: percent(line.percent) })}
            // In the right margin, level with the line; in the text colour, as the vermillion is too light for small text.
            labelAlign="end"
            spacing={{ x: -8, y: 0 }}
            labelStyle={{ textAnchor: 'start', dominantBaseline: 'central', fill: theme.palette.text.primary, fontSize: 13 }}
            lineStyle={{ stroke: BENCHMARK, strokeWidth: 2, strokeDasharray: '8 4' }}
          />
        ))}
      </BarChart>
      {lines.map((line, index) => (
        <Typography key={`${line.programmeCode}-${index}`} variant="caption" component="p" color="text.secondary">
          {translate('app.outcomes.drug_free.benchmark_caption', {
            code: line.programmeCode,
            published: publishedValueText(line.published, percent(line.percent), translate),
            here: translate(`app.outcomes.benchmark.used.${line.timepoint}`),
          })}
        </Typography>
      ))}
    </>
  );
};
