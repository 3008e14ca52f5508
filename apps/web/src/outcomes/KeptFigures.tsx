import { Alert, Box, Button, LinearProgress, List, ListItem, Typography } from '@mui/material';
import type { KeptOutcomeReport, OutcomeReport } from '@outcomes/contracts';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { formatDate } from '../common/dates';
import { createHttpClient } from '../data/http-client';
import { Panel } from './Panel';
import { failureMessage, reportFailure } from './report-errors';
import type { ReportFailure } from './report-errors';

const httpClient = createHttpClient();

type KeptState = { status: 'idle' } | { status: 'loading' } | { status: 'done'; kept: KeptOutcomeReport[] } | { status: 'failed'; failure: ReportFailure };

/** A programme's kept years in a municipality (GET /api/outcomes/kept); ids only in the query string. */
function useKeptReports(programmeId: string, municipalityId: string): KeptState {
  const [state, setState] = useState<KeptState>({ status: 'idle' });
  useEffect(() => {
    if (!programmeId || !municipalityId) {
      setState({ status: 'idle' });
      return;
    }
    let current = true;
    setState({ status: 'loading' });
    httpClient(`/api/outcomes/kept?${new URLSearchParams({ programmeId, municipalityId }).toString()}`)
      .then(({ json }) => current && setState({ status: 'done', kept: json as KeptOutcomeReport[] }))
      .catch((error: unknown) => {
        if (current) setState({ status: 'failed', failure: reportFailure(error) });
      });
    return () => {
      current = false;
    };
  }, [programmeId, municipalityId]);
  return state;
}

/** Above a report whose period holds kept years: where the erased courses' figures went. */
export const KeptYearsNote = ({ report }: { report: OutcomeReport }) => {
  const translate = useTranslate();
  if (report.keptYears.length === 0) return null;
  return (
    <Alert severity="info" data-testid="kept-years-note">
      {translate('app.outcomes.kept.in_period', { years: report.keptYears.join(', ') })}
    </Alert>
  );
};

/**
 * "Figures kept from erased courses": the programme's referral years whose courses retention has
 * begun to erase, each openable in the same report view (`renderReport`), as it was kept (decision
 * 166), disclosure-controlled for every reader (decision 182).
 */
export const KeptFigures = ({ programmeId, municipalityId, renderReport }: { programmeId: string; municipalityId: string; renderReport: (report: OutcomeReport) => ReactNode }) => {
  const translate = useTranslate();
  const state = useKeptReports(programmeId, municipalityId);
  const [open, setOpen] = useState<number | null>(null);
  useEffect(() => setOpen(null), [programmeId, municipalityId]);
  if (state.status === 'idle') return null;
  const shown = state.status === 'done' ? state.kept.find((k) => k.year === open) : undefined;
  return (
    <Panel title="app.outcomes.kept.title" hint="app.outcomes.kept.hint" testId="kept-figures">
      {state.status === 'loading' && <LinearProgress aria-label={translate('app.outcomes.loading')} />}
      {state.status === 'failed' && <Alert severity="error">{translate(...failureMessage(state.failure))}</Alert>}
      {state.status === 'done' && state.kept.length === 0 && <Typography color="text.secondary">{translate('app.outcomes.kept.none')}</Typography>}
      {state.status === 'done' && state.kept.length > 0 && (
        <List dense disablePadding>
          {state.kept.map((k) => (
            <ListItem key={k.year} disableGutters sx={{ gap: 2, flexWrap: 'wrap' }} data-testid={`kept-year-${k.year}`}>
              <Typography>{translate('app.outcomes.kept.year', { year: k.year, keptAt: formatDate(k.keptAt.slice(0, 10)) })}</Typography>
              <Button size="small" variant="outlined" aria-expanded={open === k.year} aria-controls="kept-report" onClick={() => setOpen(open === k.year ? null : k.year)}>
                {translate(open === k.year ? 'app.outcomes.kept.close' : 'app.outcomes.kept.open', { year: k.year })}
              </Button>
            </ListItem>
          ))}
        </List>
      )}
      {shown && (
        <Box id="kept-report" sx={{ mt: 2, display: 'grid', gap: 1 }} data-testid="kept-report">
          <Typography variant="h6" component="h3">
            {translate('app.outcomes.kept.report_title', { year: shown.year })}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('app.outcomes.kept.report_hint')}
          </Typography>
          {renderReport(shown.report)}
        </Box>
      )}
    </Panel>
  );
};
