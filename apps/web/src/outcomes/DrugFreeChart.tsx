import { Typography, useTheme } from '@mui/material';
import type { OutcomeReport } from '@outcomes/contracts';
import { useLocaleState, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, ErrorBar, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { benchmarkLines, drugFreeBars } from './chart-data';
import { formatPercent } from './report-cells';

/**
 * Drug-free rates at the end and each follow-up, of those assessed and of all who were due, each with
 * its 95 % Wilson interval; the published results as dashed lines, said in words under the chart.
 * A hidden rate draws no bar. No animation: a bar growing into place reads as a changing figure.
 */
export const DrugFreeChart = ({ report }: { report: OutcomeReport }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const theme = useTheme();
  const data = drugFreeBars(report.drugFree).map((bar) => ({ ...bar, label: translate(`app.outcomes.timepoints.${bar.timepoint}`) }));
  const lines = benchmarkLines(report.benchmarks);
  const percent = (value: unknown) => (typeof value === 'number' ? formatPercent(value / 100, locale) : '');
  const legendText = (value: string) => <span style={{ color: theme.palette.text.primary }}>{value}</span>;
  return (
    <>
      <ResponsiveContainer width="100%" height={320}>
        {/* Room on the right for the published results' labels, beside their lines rather than over the bars. */}
        <BarChart data={data} margin={{ top: 16, right: lines.length > 0 ? 112 : 16, bottom: 8, left: 8 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" />
          <YAxis
            domain={[0, 100]}
            tickFormatter={percent}
            width={72}
            label={{ value: translate('app.outcomes.drug_free.axis'), angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } }}
          />
          <Tooltip formatter={percent} />
          <Legend itemSorter={null} formatter={legendText} />
          <Bar dataKey="assessed" name={translate('app.outcomes.drug_free.assessed')} fill={theme.palette.primary.main} isAnimationActive={false}>
            <ErrorBar dataKey="assessedCi" width={6} stroke={theme.palette.text.primary} isAnimationActive={false} />
          </Bar>
          <Bar dataKey="all" name={translate('app.outcomes.drug_free.all')} fill={theme.palette.primary.light} isAnimationActive={false}>
            <ErrorBar dataKey="allCi" width={6} stroke={theme.palette.text.primary} isAnimationActive={false} />
          </Bar>
          {lines.map((line) => (
            <ReferenceLine
              key={`${line.programmeCode}-${line.timepoint}`}
              y={line.percent}
              stroke={theme.palette.warning.dark}
              strokeWidth={2}
              strokeDasharray="8 4"
              label={{
                value: translate('app.outcomes.drug_free.benchmark_line', { code: line.programmeCode, percent: formatPercent(line.percent / 100, locale) }),
                position: 'right',
                fill: theme.palette.warning.dark,
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
      {lines.map((line) => (
        <Typography key={`${line.programmeCode}-${line.timepoint}`} variant="caption" component="p" color="text.secondary">
          {translate('app.outcomes.drug_free.benchmark_caption', {
            code: line.programmeCode,
            percent: formatPercent(line.percent / 100, locale),
            timepoint: translate(`app.outcomes.timepoints_in_sentence.${line.timepoint}`),
          })}
        </Typography>
      ))}
    </>
  );
};
