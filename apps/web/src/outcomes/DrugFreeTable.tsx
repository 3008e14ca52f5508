import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { OutcomeReport, ProportionFigure } from '@outcomes/contracts';
import { useLocaleState, useTranslate } from 'react-admin';
import { ScrollRegion } from '../common/ScrollRegion';
import { countCell, intervalText, proportionCell } from './report-cells';
import { ReportCellText } from './ReportCellText';

/** A rate with its interval under it. */
const Rate = ({ figure, controlled }: { figure: ProportionFigure | null; controlled: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const interval = intervalText(figure, locale);
  return (
    <Box sx={{ whiteSpace: 'nowrap' }}>
      <ReportCellText cell={proportionCell(figure, controlled, locale, translate('app.outcomes.cells.of'))} />
      {interval && (
        <Typography variant="caption" component="div" color="text.secondary">
          {translate('app.outcomes.counts.ci', { interval })}
        </Typography>
      )}
    </Box>
  );
};

/** The chart's figures in full: who was due, who was assessed, and both rates: attrition in plain sight. */
export const DrugFreeTable = ({ report }: { report: OutcomeReport }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const controlled = report.disclosureControlled;
  const column = (key: string) => <TableCell align="right">{translate(`app.outcomes.drug_free.${key}`)}</TableCell>;
  return (
    <ScrollRegion labelledBy="drug-free-panel-title">
    <Table size="small" data-testid="drug-free-table">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.outcomes.drug_free.timepoint')}</TableCell>
          {column('due')}
          {column('assessed_count')}
          {column('follow_up_rate')}
          {column('rate_assessed')}
          {column('rate_all')}
        </TableRow>
      </TableHead>
      <TableBody>
        {report.drugFree.map((row) => (
          <TableRow key={row.timepoint} data-testid={`drug-free-${row.timepoint}`}>
            <TableCell>{translate(`app.outcomes.timepoints.${row.timepoint}`)}</TableCell>
            <TableCell align="right">
              <ReportCellText cell={countCell(row.due, controlled, locale)} />
            </TableCell>
            <TableCell align="right">
              <ReportCellText cell={countCell(row.assessed, controlled, locale)} />
            </TableCell>
            <TableCell align="right">
              <Rate figure={row.followUpRate} controlled={controlled} />
            </TableCell>
            <TableCell align="right">
              <Rate figure={row.rateAssessed} controlled={controlled} />
            </TableCell>
            <TableCell align="right">
              <Rate figure={row.rateAll} controlled={controlled} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
    </ScrollRegion>
  );
};
