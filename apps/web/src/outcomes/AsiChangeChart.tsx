import { useTheme } from '@mui/material';
import type { OutcomeReport } from '@outcomes/contracts';
import { useLocaleState, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, ErrorBar, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { asiChangeRows, asiTimepoints, changeAxisLimit, ciKey, meanKey } from './chart-data';
import { formatScoreChange } from './report-cells';

/** Mean change per ASI domain since intake, one bar per timepoint, with its 95 % interval. */
export const AsiChangeChart = ({ report }: { report: OutcomeReport }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const theme = useTheme();
  const colours = [theme.palette.primary.main, theme.palette.secondary.main, theme.palette.success.main, theme.palette.info.main];
  const data = asiChangeRows(report.asiChange).map((row) => ({ ...row, label: translate(`app.outcomes.domains.${row.domain}`) }));
  const score = (value: unknown) => (typeof value === 'number' ? formatScoreChange(value, locale) : '');
  const limit = changeAxisLimit(report.asiChange);
  const legendText = (value: string) => <span style={{ color: theme.palette.text.primary }}>{value}</span>;
  return (
    <ResponsiveContainer width="100%" height={380}>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 24, left: 8 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[-limit, limit]} ticks={[-limit, -limit / 2, 0, limit / 2, limit]} tickFormatter={score} label={{ value: translate('app.outcomes.asi.axis'), position: 'bottom', offset: 4 }} />
        <YAxis type="category" dataKey="label" width={190} />
        <Tooltip formatter={score} />
        <Legend verticalAlign="top" itemSorter={null} formatter={legendText} />
        <ReferenceLine x={0} stroke={theme.palette.text.secondary} />
        {asiTimepoints(report.asiChange).map((timepoint, index) => (
          <Bar
            key={timepoint}
            dataKey={meanKey(timepoint)}
            name={translate(`app.outcomes.timepoints.${timepoint}`)}
            fill={colours[index % colours.length]}
            isAnimationActive={false}
          >
            <ErrorBar dataKey={ciKey(timepoint)} width={5} stroke={theme.palette.text.primary} isAnimationActive={false} />
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
};
