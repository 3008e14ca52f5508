import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ChangeFigure, OutcomeReport } from '@outcomes/contracts';
import { COMPOSITE_DOMAINS } from '@outcomes/contracts';
import { useLocaleState, useTranslate } from 'react-admin';
import { ScrollRegion } from '../common/ScrollRegion';
import { asiTimepoints } from './chart-data';
import { formatScoreChange, missingCell } from './report-cells';
import { ReportCellText } from './ReportCellText';

const Change = ({ change, controlled }: { change: ChangeFigure | null; controlled: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (change === null) return <ReportCellText cell={missingCell(controlled)} />;
  const score = (v: number) => formatScoreChange(v, locale);
  return (
    <Box sx={{ whiteSpace: 'nowrap' }}>
      {translate('app.outcomes.asi.value', { mean: score(change.mean), lower: score(change.lower), upper: score(change.upper) })}
      <Typography variant="caption" component="div" color="text.secondary">
        n = {change.n}
        {change.effectSize !== null && ` · ${translate('app.outcomes.asi.effect_size', { d: score(change.effectSize) })}`}
      </Typography>
    </Box>
  );
};

/** The change chart's figures: mean (95 % CI), pairs and effect size per domain and timepoint. */
export const AsiChangeTable = ({ report }: { report: OutcomeReport }) => {
  const translate = useTranslate();
  const timepoints = asiTimepoints(report.asiChange);
  const changeOf = (domain: string, timepoint: string) => report.asiChange.find((c) => c.domain === domain && c.timepoint === timepoint)?.change ?? null;
  return (
    <ScrollRegion labelledBy="asi-change-panel-title">
    <Table size="small" data-testid="asi-change-table">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.outcomes.asi.domain')}</TableCell>
          {timepoints.map((timepoint) => (
            <TableCell key={timepoint} align="right">
              {translate(`app.outcomes.timepoints.${timepoint}`)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {COMPOSITE_DOMAINS.map((domain) => (
          <TableRow key={domain}>
            <TableCell>{translate(`app.outcomes.domains.${domain}`)}</TableCell>
            {timepoints.map((timepoint) => (
              <TableCell key={timepoint} align="right">
                <Change change={changeOf(domain, timepoint)} controlled={report.disclosureControlled} />
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
    </ScrollRegion>
  );
};
