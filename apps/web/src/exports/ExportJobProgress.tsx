import { Alert, Box, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import type { ExportJob } from '@outcomes/contracts';
import { useEffect, useRef } from 'react';
import { useGetOne, useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/dates';
import { DownloadButton } from './DownloadButton';
import { SyntaxDownloads } from './SyntaxDownloads';
import { disclosureSummary } from './disclosure-summary';
import { formatBytes, isDownloadable, isUnderWay } from './export-jobs';

const POLL_MS = 1000;

const Status = ({ job }: { job: ExportJob }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  switch (job.status) {
    case 'queued':
      return <>{translate('app.exports.job.queued')}</>;
    case 'running':
      return <>{translate('app.exports.job.running', { progress: job.progress })}</>;
    case 'done':
      return <>{translate('app.exports.job.done', { rows: job.rowCount ?? 0, size: formatBytes(job.byteSize ?? 0, locale) })}</>;
    case 'failed':
      return <Alert severity="error">{translate('app.exports.job.failed')}</Alert>;
    case 'expired':
      return <>{translate('app.exports.job.expired')}</>;
  }
};

/**
 * One export followed from the queue to its file: a progress bar fed by polling the job every second
 * while it is under way, then the download. `onFinished` tells the page once the job has ended.
 */
export const ExportJobProgress = ({ jobId, onFinished }: { jobId: string; onFinished: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data: job } = useGetOne<ExportJob>('export-jobs', { id: jobId }, {
    refetchInterval: (query) => (query.state.data && !isUnderWay(query.state.data.status) ? false : POLL_MS),
  });
  const finished = job !== undefined && !isUnderWay(job.status);
  const reported = useRef(false);
  useEffect(() => {
    if (finished && !reported.current) {
      reported.current = true;
      onFinished();
    }
  }, [finished, onFinished]);
  if (!job) return null;
  return (
    <Paper variant="outlined" sx={{ p: 2, my: 2 }} data-testid="export-job-progress">
      <Typography variant="subtitle1" component="h3">
        {translate(`app.exports.datasets.${job.dataset}`)} · {translate(`app.exports.formats.${job.format}`)}
      </Typography>
      <Box sx={{ my: 1.5 }}>
        <LinearProgress
          variant="determinate"
          value={job.status === 'done' ? 100 : job.progress}
          color={job.status === 'failed' ? 'error' : job.status === 'done' ? 'success' : 'primary'}
          aria-label={translate('app.exports.job.title')}
          sx={{ height: 10, borderRadius: 5 }}
        />
      </Box>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between' }}>
        <Typography variant="body2" component="div" data-testid="export-job-status">
          <Status job={job} />
          {job.status === 'done' && job.disclosure && (
            <Typography variant="body2" component="div" data-testid="export-disclosure">
              {disclosureSummary(job.disclosure, translate)}
            </Typography>
          )}
          {job.status === 'done' && job.expiresAt && (
            <Typography variant="caption" component="div" color="text.secondary">
              {translate('app.exports.job.expires', { time: formatDateTime(job.expiresAt, locale) })}
            </Typography>
          )}
        </Typography>
        {isDownloadable(job, new Date()) && <DownloadButton job={job} variant="contained" />}
      </Stack>
      {isDownloadable(job, new Date()) && <SyntaxDownloads job={job} />}
    </Paper>
  );
};
