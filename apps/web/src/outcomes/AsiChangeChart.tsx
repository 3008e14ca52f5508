import { useMediaQuery, useTheme } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { ChartsReferenceLine } from '@mui/x-charts/ChartsReferenceLine';
import type { OutcomeReport } from '@outcomes/contracts';
import { useLocaleState, useTranslate } from 'react-admin';
import { seriesColours } from '../common/chart-colours';
import { asiChangeRows, asiTimepoints, changeAxisLimit, ciKey, meanKey } from './chart-data';
import { ErrorBars } from './ErrorBars';
import { formatScoreChange } from './report-cells';

/** Mean change per ASI domain since intake, one bar per timepoint, with its 95 % interval. */
export const AsiChangeChart = ({ report }: { report: OutcomeReport }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const theme = useTheme();
  // The timepoints take the Okabe-Ito colours, which stay apart for colour-blind readers.
  const colours = seriesColours(theme.palette.mode);
  const rows = asiChangeRows(report.asiChange);
  const timepoints = asiTimepoints(report.asiChange);
  const score = (value: number | null) => (value === null ? '' : formatScoreChange(value, locale));
  const limit = changeAxisLimit(report.asiChange);
  // On a phone the domain names take less room (the library shortens them with "…"; the table under the chart has them whole), so the bars keep some.
  const narrow = useMediaQuery(theme.breakpoints.down('sm'));
  return (
    <BarChart
      // The chart is one image with a name and a table beside it: its own keyboard navigation would be a nameless tab stop inside that image.
      disableKeyboardNavigation
      height={380}
      skipAnimation
      layout="horizontal"
      margin={{ top: 8, right: 24, bottom: 8, left: narrow ? 0 : 8 }}
      yAxis={[{ scaleType: 'band', data: rows.map((row) => translate(`app.outcomes.domains.${row.domain}`)), width: narrow ? 110 : 190 }]}
      // Symmetric around 0, so improvement (left) and worsening (right) look alike.
      xAxis={[{ min: -limit, max: limit, tickInterval: [-limit, -limit / 2, 0, limit / 2, limit], label: translate('app.outcomes.asi.axis'), valueFormatter: score }]}
      series={timepoints.map((timepoint, index) => ({
        id: timepoint,
        label: translate(`app.outcomes.timepoints.${timepoint}`),
        color: colours[index % colours.length],
        data: rows.map((row) => row[meanKey(timepoint)]),
        // The tooltip gives the mean with its interval, as the table does.
        valueFormatter: (value: number | null, { dataIndex }: { dataIndex: number }) => {
          const interval = rows[dataIndex]?.[ciKey(timepoint)];
          if (value === null) return null;
          return interval ? translate('app.outcomes.asi.value', { mean: score(value), lower: score(interval[0]), upper: score(interval[1]) }) : score(value);
        },
      }))}
      grid={{ vertical: true }}
    >
      <ChartsReferenceLine x={0} lineStyle={{ stroke: theme.palette.text.secondary }} />
      <ErrorBars layout="horizontal" colour={theme.palette.text.primary} series={timepoints.map((timepoint) => ({ seriesId: timepoint, intervals: rows.map((row) => row[ciKey(timepoint)]) }))} />
    </BarChart>
  );
};
