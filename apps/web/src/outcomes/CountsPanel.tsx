import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { OutcomeReport } from '@outcomes/contracts';
import { useLocaleState, useTranslate } from 'react-admin';
import { Panel } from './Panel';
import type { SuppressionRule } from './report-cells';
import { countCell, formatPercent, intervalText, missingCell, proportionCell } from './report-cells';
import { ReportCellText } from './ReportCellText';

type CountKey = keyof OutcomeReport['counts'];

/** The published totals are hidden only when small; the states are one table with its total. */
const COUNTS: [CountKey, SuppressionRule][] = [
  ['referred', 'threshold'],
  ['started', 'threshold'],
  ['completed', 'table'],
  ['droppedOut', 'table'],
  ['transferred', 'table'],
  ['cancelled', 'table'],
  ['open', 'table'],
];

const CompletionRate = ({ report }: { report: OutcomeReport }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const interval = intervalText(report.completionRate, locale);
  return (
    <Box data-testid="completion-rate">
      <Typography variant="subtitle2">{translate('app.outcomes.counts.completion_rate')}</Typography>
      <Typography variant="body1">
        <ReportCellText cell={proportionCell(report.completionRate, report.disclosureControlled, locale, translate('app.outcomes.cells.of'))} />
        {interval && ` · ${translate('app.outcomes.counts.ci', { interval })}`}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {translate('app.outcomes.counts.completion_rate_hint')}
      </Typography>
    </Box>
  );
};

const Retention = ({ report }: { report: OutcomeReport }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { retention } = report;
  return (
    <Box data-testid="retention">
      <Typography variant="subtitle2">{translate('app.outcomes.counts.retention')}</Typography>
      <Typography variant="body1">
        {retention ? (
          translate('app.outcomes.counts.retention_value', {
            median: formatPercent(retention.median, locale),
            q1: formatPercent(retention.q1, locale),
            q3: formatPercent(retention.q3, locale),
            n: retention.n,
          })
        ) : (
          <ReportCellText cell={missingCell(report.disclosureControlled)} />
        )}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {translate('app.outcomes.counts.retention_hint')}
      </Typography>
    </Box>
  );
};

/** Enrolments by state, the completion rate and retention. */
export const CountsPanel = ({ report }: { report: OutcomeReport }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Panel title="app.outcomes.counts.title" testId="outcome-counts">
      <Table size="small" sx={{ mb: 2 }}>
        <TableHead>
          <TableRow>
            {COUNTS.map(([key]) => (
              <TableCell key={key} align="right">
                {translate(`app.outcomes.counts.${key}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          <TableRow>
            {COUNTS.map(([key, rule]) => (
              <TableCell key={key} align="right" data-testid={`count-${key}`}>
                <ReportCellText cell={countCell(report.counts[key], report.disclosureControlled, rule, locale)} />
              </TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
        <CompletionRate report={report} />
        <Retention report={report} />
      </Box>
    </Panel>
  );
};
