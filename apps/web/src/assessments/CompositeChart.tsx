import { useTheme } from '@mui/material';
import { LineChart } from '@mui/x-charts/LineChart';
import type { AxisValueFormatterContext } from '@mui/x-charts/models';
import { COMPOSITE_DOMAINS } from '@outcomes/contracts';
import { useLocaleState, useTranslate } from 'react-admin';
import { seriesColours } from '../common/chart-colours';
import { formatDate, intlLocale } from '../common/dates';
import type { CompositeHistory } from './assessment-history';
import { formatScore } from './scores';

/**
 * The seven composites over time. One point per interview, spaced by its date; an absent composite
 * leaves a gap rather than a line through it. The table beside it carries the same numbers as text.
 */
export const CompositeChart = ({ history }: { history: CompositeHistory }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const theme = useTheme();
  const dates = history.dates.map((d) => new Date(`${d}T00:00:00Z`));
  const isoOf = (value: Date) => value.toISOString().slice(0, 10);
  return (
    <LineChart
      // The chart is one image with a name and a table beside it: its own keyboard navigation would be a nameless tab stop inside that image.
      disableKeyboardNavigation
      height={320}
      skipAnimation
      // Seven lines need seven colours that stay apart, also for colour-blind readers.
      colors={seriesColours(theme.palette.mode).slice(0, COMPOSITE_DOMAINS.length)}
      xAxis={[
        {
          data: dates,
          scaleType: 'utc',
          label: translate('resources.assessments.chart.date_axis'),
          valueFormatter: (value: Date) => formatDate(isoOf(value), locale),
          tickNumber: Math.min(6, dates.length),
        },
      ]}
      yAxis={[
        {
          min: history.range.min,
          max: history.range.max,
          label: translate('resources.assessments.chart.score_axis'),
          // Ticks read 0,2 and 0,4; the exact three decimals are in the tooltip and the table.
          valueFormatter: (v: number, context: AxisValueFormatterContext) => (context.location === 'tick' ? new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(v) : formatScore(v, locale)),
        },
      ]}
      series={COMPOSITE_DOMAINS.map((domain) => ({
        id: domain,
        data: history.series[domain],
        showMark: true,
        label: translate(`resources.assessments.domains.${domain}`),
        valueFormatter: (v: number | null) => formatScore(v, locale),
      }))}
      grid={{ horizontal: true }}
    />
  );
};
