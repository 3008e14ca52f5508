import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { OutcomeReport } from '@outcomes/contracts';
import { useLocaleState, useTranslate } from 'react-admin';
import { ScrollRegion } from '../common/ScrollRegion';
import { intlLocale } from '../common/dates';
import { economyRows } from './economy';
import { Panel } from './Panel';
import { currencyCell, formatKroner, missingCell } from './report-cells';
import { ReportCellText } from './ReportCellText';

/** "615 min (10,3 timer)" */
const useMinutesText = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const format = (value: number, digits: number) => new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: digits }).format(value);
  return (minutes: number) => translate('app.outcomes.economy.minutes_value', { minutes: format(minutes, 0), hours: format(minutes / 60, 1) });
};

/** Staff time per citizen, completer and drug-free completer, and its cost at the municipality's hourly rate. */
export const EconomyPanel = ({ report }: { report: OutcomeReport }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const minutesText = useMinutesText();
  const controlled = report.disclosureControlled;
  const { economy } = report;
  const rateKnown = economy.hourlyRate !== null;
  return (
    <Panel title="app.outcomes.economy.title" hint="app.outcomes.economy.hint" testId="economy-panel">
      {economy.staffMinutes === null ? (
        // Evaluators get no totals: a total is exact, and two of them differ by one person's minutes.
        <Typography variant="body1" data-testid="economy-total">
          {translate('app.outcomes.economy.totals_hidden')}
        </Typography>
      ) : (
        <Typography variant="body1" data-testid="economy-total">
          {translate('app.outcomes.economy.staff_minutes')}: {minutesText(economy.staffMinutes)}
          {rateKnown && (
            <>
              {' · '}
              {translate('app.outcomes.economy.total_cost')}: <ReportCellText cell={currencyCell(economy.cost, controlled, locale)} />
            </>
          )}
        </Typography>
      )}
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {economy.hourlyRate === null
          ? translate('app.outcomes.economy.no_rate')
          : translate('app.outcomes.economy.hourly_rate', { rate: formatKroner(economy.hourlyRate, locale) })}
      </Typography>
      <ScrollRegion labelledBy="economy-panel-title">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.outcomes.economy.measure')}</TableCell>
            <TableCell align="right">{translate('app.outcomes.economy.minutes')}</TableCell>
            {rateKnown && <TableCell align="right">{translate('app.outcomes.economy.cost')}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {economyRows(economy).map((row) => (
            <TableRow key={row.measure} data-testid={`economy-${row.measure}`}>
              <TableCell>{translate(`app.outcomes.economy.${row.measure}`)}</TableCell>
              <TableCell align="right">
                {row.minutes === null ? <ReportCellText cell={missingCell(controlled)} /> : minutesText(row.minutes)}
              </TableCell>
              {rateKnown && (
                <TableCell align="right">
                  <ReportCellText cell={currencyCell(row.cost, controlled, locale)} />
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      </ScrollRegion>
    </Panel>
  );
};
