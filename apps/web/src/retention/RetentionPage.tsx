import DeleteSweepIcon from '@mui/icons-material/DeleteSweep';
import { Alert, Box, Button, Card, CardContent, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import type { Programme, RetentionOverview } from '@outcomes/contracts';
import type { ReactNode } from 'react';
import { useCallback, useEffect, useState } from 'react';
import { Link, Loading, Title, useGetMany, useNotify, useTranslate } from 'react-admin';
import { formatDate, formatDateTime } from '../common/dates';
import { ScrollRegion } from '../common/ScrollRegion';
import { apiErrorOf } from '../common/http-errors';
import { fetchRetention, runRetention } from './api';
import { shortId, totalRows } from './retention-text';

const Panel = ({ title, testId, children }: { title: string; testId: string; children: ReactNode }) => (
  <Card variant="outlined" data-testid={testId}>
    <CardContent>
      <Typography variant="h6" component="h2" id={`${testId}-title`} gutterBottom>
        {title}
      </Typography>
      {children}
    </CardContent>
  </Card>
);

/**
 * The referral years whose outcome figures the run keeps before it erases (decision 166): programme
 * names and years, no citizen. The kept figures are read on the outcomes page.
 */
const KeptYears = ({ years }: { years: RetentionOverview['keptYears'] }) => {
  const translate = useTranslate();
  const { data: programmes } = useGetMany<Programme>('programmes', { ids: [...new Set(years.map((y) => y.programmeId))] }, { enabled: years.length > 0 });
  if (years.length === 0) return null;
  const nameOf = (id: string): string => programmes?.find((p) => p.id === id)?.name ?? shortId(id);
  return (
    <Typography variant="body2" sx={{ mt: 1 }} data-testid="retention-kept-years">
      {translate('app.retention.kept_years', { years: years.map((y) => `${nameOf(y.programmeId)} ${y.year}`).join(', ') })}
    </Typography>
  );
};

/** The periods in force and what they mean, with the way to change them (the municipality's settings). */
const Settings = ({ overview }: { overview: RetentionOverview }) => {
  const translate = useTranslate();
  return (
    <Panel title={translate('app.retention.settings')} testId="retention-settings">
      <Typography>{translate('app.retention.health_rule', { years: overview.healthYears })}</Typography>
      <Typography>{translate('app.retention.social_rule', { years: overview.socialYears })}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {translate('app.retention.rule_hint')}
      </Typography>
      <Box sx={{ mt: 1 }}>
        <Link to={`/municipalities/${overview.municipalityId}`}>{translate('app.retention.change_settings')}</Link>
      </Box>
    </Panel>
  );
};

/** Rows per table: what the next run erases. */
const Rows = ({ rows }: { rows: Record<string, number> }) => {
  const translate = useTranslate();
  const tables = Object.entries(rows).filter(([, n]) => n > 0);
  if (tables.length === 0) return null;
  return (
    <ScrollRegion labelledBy="retention-rows-title">
      <Typography variant="subtitle1" component="h3" id="retention-rows-title" sx={{ mt: 2 }}>
        {translate('app.retention.rows_title')}
      </Typography>
      <Table size="small" data-testid="retention-rows">
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.retention.table')}</TableCell>
            <TableCell align="right">{translate('app.retention.rows')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {tables.map(([table, n]) => (
            <TableRow key={table}>
              <TableCell>{translate(`app.retention.tables.${table}`, { _: table })}</TableCell>
              <TableCell align="right">{n}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
};

/** The dry run: the citizens the next run erases, by record id and dates only (the admin reads no citizen). */
const DryRun = ({ overview, onRun, running }: { overview: RetentionOverview; onRun: (expectedCount: number) => void; running: boolean }) => {
  const translate = useTranslate();
  const [confirming, setConfirming] = useState(false);
  // The admin types the count they read; the run erases only when the dry run still lists that many (decision 118).
  const [typed, setTyped] = useState('');
  const typedCount = /^\d+$/.test(typed.trim()) ? Number(typed.trim()) : null;
  const close = () => {
    setConfirming(false);
    setTyped('');
  };
  return (
    <Panel title={translate('app.retention.dry_run')} testId="retention-dry-run">
      <Typography data-testid="retention-due-summary">
        {translate('app.retention.due_summary', { smart_count: overview.dueTotal, rows: totalRows(overview.rows) })}
      </Typography>
      {overview.held > 0 && (
        <Typography variant="body2" color="text.secondary" data-testid="retention-held">
          {translate('app.retention.held', { smart_count: overview.held })}
        </Typography>
      )}
      <KeptYears years={overview.keptYears} />
      <Rows rows={overview.rows} />
      {overview.due.length > 0 && (
        <ScrollRegion labelledBy="retention-due-title">
          <Typography variant="subtitle1" component="h3" id="retention-due-title" sx={{ mt: 2 }}>
            {translate('app.retention.due_title')}
          </Typography>
          {overview.dueTotal > overview.due.length && (
            <Typography variant="body2">{translate('app.retention.showing', { shown: overview.due.length, total: overview.dueTotal })}</Typography>
          )}
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.retention.record')}</TableCell>
                <TableCell>{translate('app.retention.last_entry')}</TableCell>
                <TableCell>{translate('app.retention.kind')}</TableCell>
                <TableCell>{translate('app.retention.due_at')}</TableCell>
                <TableCell align="right">{translate('app.retention.rows')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {overview.due.map((d) => (
                <TableRow key={d.citizenId} data-testid="retention-due-row" data-citizen-id={d.citizenId}>
                  <TableCell sx={{ fontFamily: 'monospace' }}>{shortId(d.citizenId)}</TableCell>
                  <TableCell>{formatDate(d.lastEntryAt.slice(0, 10))}</TableCell>
                  <TableCell>{translate(d.health ? 'app.retention.kind_health' : 'app.retention.kind_social')}</TableCell>
                  <TableCell>{formatDate(d.dueAt.slice(0, 10))}</TableCell>
                  <TableCell align="right">{totalRows(d.rows)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
      )}
      <Stack direction="row" sx={{ mt: 2 }}>
        <Button variant="contained" color="error" startIcon={<DeleteSweepIcon />} onClick={() => setConfirming(true)} disabled={running || overview.dueTotal === 0} data-testid="retention-run">
          {translate('app.retention.run_now')}
        </Button>
      </Stack>
      <Dialog open={confirming} onClose={close} aria-labelledby="retention-confirm-title">
        <DialogTitle id="retention-confirm-title">{translate('app.retention.confirm_title')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('app.retention.confirm_text', { smart_count: overview.dueTotal })}</DialogContentText>
          <TextField
            sx={{ mt: 2 }}
            size="small"
            fullWidth
            label={translate('app.retention.confirm_count')}
            helperText={typed !== '' && typedCount !== overview.dueTotal ? translate('app.retention.confirm_count_differs', { smart_count: overview.dueTotal }) : translate('app.retention.confirm_count_hint')}
            error={typed !== '' && typedCount !== overview.dueTotal}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'retention-confirm-count' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{translate('ra.action.cancel')}</Button>
          <Button
            color="error"
            variant="contained"
            data-testid="retention-confirm"
            disabled={typedCount !== overview.dueTotal}
            onClick={() => {
              if (typedCount === null) return;
              close();
              onRun(typedCount);
            }}
          >
            {translate('app.retention.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Panel>
  );
};

const Runs = ({ overview }: { overview: RetentionOverview }) => {
  const translate = useTranslate();
  return (
    <Panel title={translate('app.retention.runs')} testId="retention-runs">
      {overview.runs.length === 0 ? (
        <Typography>{translate('app.retention.no_runs')}</Typography>
      ) : (
        <ScrollRegion labelledBy="retention-runs-title">
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.retention.run_at')}</TableCell>
                <TableCell>{translate('app.retention.trigger')}</TableCell>
                <TableCell align="right">{translate('app.retention.citizens')}</TableCell>
                <TableCell align="right">{translate('app.retention.rows')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {overview.runs.map((run) => (
                <TableRow key={run.id} data-testid="retention-run-row">
                  <TableCell>{formatDateTime(run.startedAt)}</TableCell>
                  <TableCell>{translate(`app.retention.triggers.${run.trigger}`)}</TableCell>
                  <TableCell align="right">{run.citizens}</TableCell>
                  <TableCell align="right">{totalRows(run.erased)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
      )}
    </Panel>
  );
};

/** "Sletning": what the municipality's retention will erase next, and what it erased. */
export const RetentionPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [overview, setOverview] = useState<RetentionOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const load = useCallback(() => {
    fetchRetention().then(setOverview, (e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);
  const run = (expectedCount: number) => {
    setRunning(true);
    runRetention(expectedCount).then(
      (done) => {
        notify('app.retention.ran', { type: 'success', messageArgs: { smart_count: done.citizens } });
        setRunning(false);
        load();
      },
      (e: Error) => {
        // The dry run changed since it was read (409 COUNT_CHANGED): nothing was erased; show it again.
        const changed = apiErrorOf(e).code === 'COUNT_CHANGED';
        notify(changed ? 'app.retention.count_changed' : e.message, { type: 'error' });
        setRunning(false);
        if (changed) load();
      },
    );
  };
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('app.retention.title')} />
      <Typography sx={{ mb: 2, maxWidth: '70ch' }}>{translate('app.retention.intro')}</Typography>
      {error && <Alert severity="error">{error}</Alert>}
      {!overview && !error && <Loading />}
      {overview && (
        <Stack spacing={2}>
          <Settings overview={overview} />
          <DryRun overview={overview} onRun={run} running={running} />
          <Runs overview={overview} />
        </Stack>
      )}
    </Box>
  );
};
