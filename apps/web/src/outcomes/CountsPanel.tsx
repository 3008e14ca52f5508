import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { OutcomeReport } from '@outcomes/contracts';
import { useLocaleState, useTranslate } from 'react-admin';
import { ScrollRegion } from '../common/ScrollRegion';
import { Panel } from './Panel';
import { countCell, formatPercent, intervalText, missingCell, proportionCell } from './report-cells';
import { ReportCellText } from './ReportCellText';

type CountKey = keyof OutcomeReport['counts'];

const COUNTS: CountKey[] = ['referred', 'started', 'completed', 'droppedOut', 'transferred', 'cancelled', 'open'];

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
  // A quartile too few people share or lie beside is hidden on its own (the rule in docs/disclosure.md).
  const quartile = (value: number | null) => (value === null ? translate('app.outcomes.cells.suppressed') : formatPercent(value, locale));
  return (
    <Box data-testid="retention">
      <Typography variant="subtitle2">{translate('app.outcomes.counts.retention')}</Typography>
      <Typography variant="body1">
        {retention ? (
          translate('app.outcomes.counts.retention_value', {
            median: quartile(retention.median),
            q1: quartile(retention.q1),
            q3: quartile(retention.q3),
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
      <ScrollRegion labelledBy="outcome-counts-title">
      {/* Narrow cells: seven columns fit beside the benchmark panel at 1,280 px. */}
      <Table size="small" sx={{ mb: 2, '& td, & th': { px: 1 } }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.outcomes.counts.kind')}</TableCell>
            {COUNTS.map((key) => (
              <TableCell key={key} align="right">
                {translate(`app.outcomes.counts.${key}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          <TableRow>
            <TableCell component="th" scope="row">{translate('app.outcomes.counts.row_ordinary')}</TableCell>
            {COUNTS.map((key) => (
              <TableCell key={key} align="right" data-testid={`count-${key}`}>
                <ReportCellText cell={countCell(report.counts[key], report.disclosureControlled, locale)} />
              </TableCell>
            ))}
          </TableRow>
          <TableRow data-testid="anonymous-counts">
            <TableCell component="th" scope="row">{translate('app.outcomes.counts.row_anonymous')}</TableCell>
            {COUNTS.map((key) => (
              <TableCell key={key} align="right" data-testid={`anonymous-count-${key}`}>
                <ReportCellText cell={countCell(report.anonymousCounts[key], report.disclosureControlled, locale)} />
              </TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
      </ScrollRegion>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 2 }}>
        {translate('app.outcomes.counts.anonymous_hint')}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
        <CompletionRate report={report} />
        <Retention report={report} />
      </Box>
    </Panel>
  );
};
