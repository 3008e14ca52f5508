import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Button, FormControl, FormControlLabel, FormLabel, LinearProgress, MenuItem, Paper, Radio, RadioGroup, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { IMPORT_KINDS, IMPORT_MODES } from '@outcomes/contracts';
import type { ImportJob, ImportKind, ImportMode, ImportRowResult } from '@outcomes/contracts';
import { useEffect, useState } from 'react';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { TableRegion } from '../common/TableRegion';
import { cleanMapping, errorLines, getImport, importResults, isBusy, startDryRun, startImport, uploadImport } from './import-api';

const POLL_MS = 700;

/** Polls the job while it is being worked on; answers it as it stands. */
function useFollowed(job: ImportJob | null, onChange: (job: ImportJob) => void): void {
  useEffect(() => {
    if (!job || !isBusy(job)) return;
    const timer = setTimeout(() => {
      getImport(job.id).then(onChange, () => undefined);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job, onChange]);
}

const Problems = ({ lines }: { lines: string[] }) =>
  lines.length === 0 ? null : (
    <Alert severity="error" sx={{ my: 1 }} data-testid="import-problems">
      {lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
    </Alert>
  );

const Progress = ({ job }: { job: ImportJob }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ my: 2 }} data-testid="import-progress">
      <Typography variant="body2">{translate(job.phase === 'import' ? 'app.imports.running' : 'app.imports.checking', { progress: job.progress })}</Typography>
      <LinearProgress variant="determinate" value={job.progress} aria-label={translate('app.imports.progress')} sx={{ height: 10, borderRadius: 5, mt: 1 }} />
    </Box>
  );
};

/** The rows' outcomes: what each would do (dry run) or did, and every error with its row, column and rule. */
const Results = ({ job, rows, total }: { job: ImportJob; rows: ImportRowResult[]; total: number }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Box data-testid="import-results">
      <Typography variant="body1" sx={{ my: 1 }} data-testid="import-summary">
        {translate(job.status === 'checked' ? 'app.imports.summary_dry' : job.rolledBack ? 'app.imports.summary_rolled_back' : 'app.imports.summary_done', { created: job.created, updated: job.updated, failed: job.failed, rows: job.rowCount })}
      </Typography>
      {total > rows.length && <Typography variant="caption">{translate('app.imports.shown', { shown: rows.length, total })}</Typography>}
      <TableRegion>
        <Table size="small" aria-label={translate('app.imports.results')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.imports.row')}</TableCell>
              <TableCell>{translate('app.imports.action')}</TableCell>
              <TableCell>{translate('app.imports.column')}</TableCell>
              <TableCell>{translate('app.imports.rule')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.flatMap((row) =>
              row.errors.length === 0
                ? [
                    <TableRow key={row.row}>
                      <TableCell>{row.row}</TableCell>
                      <TableCell>{translate(`app.imports.actions.${row.action}`)}</TableCell>
                      <TableCell />
                      <TableCell />
                    </TableRow>,
                  ]
                : row.errors.map((error, i) => (
                    <TableRow key={`${row.row}-${i}`} sx={{ '& td': { color: 'error.dark', fontWeight: 500 } }}>
                      <TableCell>{row.row}</TableCell>
                      <TableCell>{translate('app.imports.actions.error')}</TableCell>
                      <TableCell>{error.column ?? '—'}</TableCell>
                      <TableCell>{locale === 'da' ? error.ruleDa : error.rule}</TableCell>
                    </TableRow>
                  )),
            )}
          </TableBody>
        </Table>
      </TableRegion>
    </Box>
  );
};

/**
 * "Indlæs" / "Import": upload a CSV or XLSX, map its columns (the saved mapping preselected), see the
 * dry run row by row with every error, choose the mode, run it with a progress bar, see the result.
 */
export const ImportCreate = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [kind, setKind] = useState<ImportKind>('citizens');
  const [file, setFile] = useState<File | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [mode, setMode] = useState<ImportMode>('valid-rows');
  const [problems, setProblems] = useState<string[]>([]);
  const [results, setResults] = useState<{ total: number; rows: ImportRowResult[] } | null>(null);
  const [sending, setSending] = useState(false);

  useFollowed(job, setJob);
  const settled = job && (job.status === 'checked' || job.status === 'done');
  useEffect(() => {
    if (job && settled) importResults(job.id).then(setResults, (error: unknown) => setProblems(errorLines(error)));
  }, [job, settled]);

  const act = async (work: () => Promise<ImportJob>) => {
    setSending(true);
    setProblems([]);
    try {
      const next = await work();
      setResults(null);
      setJob(next);
      return next;
    } catch (error) {
      setProblems(errorLines(error));
      return null;
    } finally {
      setSending(false);
    }
  };

  const upload = async () => {
    if (!file) return;
    const next = await act(() => uploadImport(kind, file));
    if (next) setMapping(Object.fromEntries(next.columns.map((column) => [column, next.mapping[column] ?? ''])));
  };

  const used = new Map<string, number>();
  for (const field of Object.values(mapping)) if (field) used.set(field, (used.get(field) ?? 0) + 1);

  return (
    <Paper sx={{ p: 2, mt: 2 }}>
      <Title title={translate('app.imports.title')} />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('app.imports.title')}
      </Typography>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {translate('app.imports.intro')}
      </Typography>

      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' } }}>
        <TextField select size="small" label={translate('app.imports.kind')} value={kind} onChange={(e) => setKind(e.target.value as ImportKind)} sx={{ minWidth: 220 }} disabled={job !== null} data-testid="import-kind">
          {IMPORT_KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {translate(`app.imports.kinds.${k}`)}
            </MenuItem>
          ))}
        </TextField>
        <Button component="label" variant="outlined" startIcon={<UploadFileIcon />} disabled={job !== null} sx={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
          {translate('app.imports.choose_file')}
          <input hidden type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-testid="import-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Button>
        <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>{file ? translate('app.imports.file_chosen', { size: Math.ceil(file.size / 1024) }) : translate('app.imports.no_file')}</Typography>
        <Button variant="contained" onClick={() => void upload()} disabled={!file || sending || job !== null} sx={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
          {translate('app.imports.upload')}
        </Button>
      </Stack>
      <Typography variant="caption" color="text.secondary">
        {translate('app.imports.formats_hint')}
      </Typography>
      <Problems lines={problems} />

      {job && (
        <Box sx={{ mt: 3 }}>
          <Typography variant="h6" component="h2">
            {translate('app.imports.mapping_title', { rows: job.rowCount })}
          </Typography>
          <TableRegion>
            <Table size="small" aria-label={translate('app.imports.mapping_title', { rows: job.rowCount })} data-testid="import-mapping">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.imports.file_column')}</TableCell>
                  <TableCell>{translate('app.imports.field')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {job.columns.map((column) => {
                  const field = mapping[column] ?? '';
                  const twice = field !== '' && (used.get(field) ?? 0) > 1;
                  return (
                    <TableRow key={column}>
                      <TableCell>{column}</TableCell>
                      <TableCell>
                        <TextField
                          select
                          size="small"
                          value={field}
                          error={twice}
                          helperText={twice ? translate('app.imports.mapped_twice') : undefined}
                          onChange={(e) => setMapping({ ...mapping, [column]: e.target.value })}
                          disabled={job.status !== 'uploaded' && job.status !== 'checked'}
                          sx={{ minWidth: 280 }}
                          slotProps={{ htmlInput: { 'aria-label': translate('app.imports.field_for', { column }) }, select: { displayEmpty: true } }}
                        >
                          <MenuItem value="">{translate('app.imports.not_imported')}</MenuItem>
                          {job.fields.map((f) => (
                            <MenuItem key={f.field} value={f.field}>
                              {`${locale === 'da' ? f.da : f.en}${f.required ? ' *' : ''}`}
                            </MenuItem>
                          ))}
                        </TextField>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </TableRegion>
          <Button sx={{ mt: 2 }} variant="contained" disabled={sending || isBusy(job) || job.status === 'done' || job.status === 'expired'} onClick={() => void act(() => startDryRun(job.id, cleanMapping(mapping)))}>
            {translate('app.imports.dry_run')}
          </Button>
        </Box>
      )}

      {job && isBusy(job) && <Progress job={job} />}
      {job?.status === 'failed' && <Alert severity="error">{translate('app.imports.failed')}</Alert>}
      {job && settled && results && <Results job={job} rows={results.rows} total={results.total} />}

      {job?.status === 'checked' && (
        <Box sx={{ mt: 2 }}>
          <FormControl>
            <FormLabel id="import-mode">{translate('app.imports.mode')}</FormLabel>
            <RadioGroup aria-labelledby="import-mode" value={mode} onChange={(e) => setMode(e.target.value as ImportMode)}>
              {IMPORT_MODES.map((m) => (
                <FormControlLabel key={m} value={m} control={<Radio />} label={translate(`app.imports.modes.${m}`)} />
              ))}
            </RadioGroup>
          </FormControl>
          <Box>
            <Button variant="contained" color="primary" disabled={sending} onClick={() => void act(() => startImport(job.id, mode))}>
              {translate('app.imports.run')}
            </Button>
          </Box>
        </Box>
      )}
    </Paper>
  );
};
