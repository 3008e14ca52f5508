import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { Button, MenuItem, Stack, TextField } from '@mui/material';
import type { ExportDataset, ExportFormat, ExportJob } from '@outcomes/contracts';
import { EXPORT_DATASETS, EXPORT_FORMATS } from '@outcomes/contracts';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { createHttpClient } from '../data/http-client';

const httpClient = createHttpClient();

/** POST /api/export-jobs: 201 with a new job, 200 with the one already under way for the project. */
async function requestExport(input: { projectId: string; dataset: ExportDataset; format: ExportFormat }): Promise<{ job: ExportJob; isNew: boolean }> {
  const { status, json } = await httpClient('/api/export-jobs', { method: 'POST', body: JSON.stringify(input) });
  return { job: json as ExportJob, isNew: status === 201 };
}

/** Starts an export of the project; `onStarted` gets the new job, or the one that was already under way. */
export const StartExport = ({ projectId, busy, onStarted }: { projectId: string; busy: boolean; onStarted: (job: ExportJob) => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [dataset, setDataset] = useState<ExportDataset>('enrolments');
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [sending, setSending] = useState(false);
  const start = async () => {
    setSending(true);
    try {
      const { job, isNew } = await requestExport({ projectId, dataset, format });
      notify(isNew ? 'app.exports.start.started' : 'app.exports.start.already_running', { type: isNew ? 'success' : 'info' });
      onStarted(job);
    } catch (error) {
      notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setSending(false);
    }
  };
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' } }} data-testid="start-export">
      <TextField select size="small" label={translate('app.exports.start.dataset')} value={dataset} onChange={(e) => setDataset(e.target.value as ExportDataset)} sx={{ minWidth: 320 }}>
        {EXPORT_DATASETS.map((d) => (
          <MenuItem key={d} value={d}>
            {translate(`app.exports.datasets.${d}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField select size="small" label={translate('app.exports.start.format')} value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)} sx={{ minWidth: 160 }}>
        {EXPORT_FORMATS.map((f) => (
          <MenuItem key={f} value={f}>
            {translate(`app.exports.formats.${f}`)}
          </MenuItem>
        ))}
      </TextField>
      <Button variant="contained" startIcon={<PlayArrowIcon />} disabled={busy || sending} onClick={() => void start()} sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
        {translate('app.exports.start.button')}
      </Button>
    </Stack>
  );
};
