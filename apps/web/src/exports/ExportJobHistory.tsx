import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ExportJob, ExportJobStatus } from '@outcomes/contracts';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/dates';
import { DownloadButton } from './DownloadButton';
import { SyntaxDownloads } from './SyntaxDownloads';
import { disclosureSummary } from './disclosure-summary';
import { formatBytes, isDownloadable } from './export-jobs';

const STATUS_COLOURS: Record<ExportJobStatus, 'default' | 'info' | 'success' | 'error'> = {
  queued: 'info',
  running: 'info',
  done: 'success',
  failed: 'error',
  expired: 'default',
};

/** Every export of the project, newest first, with what it held, what disclosure control did, and until when it can be fetched. */
export const ExportJobHistory = ({ jobs }: { jobs: ExportJob[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const now = new Date();
  if (jobs.length === 0) return <Typography variant="body2">{translate('app.exports.history.empty')}</Typography>;
  return (
    <Table size="small" data-testid="export-history">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.exports.history.created')}</TableCell>
          <TableCell>{translate('app.exports.history.dataset')}</TableCell>
          <TableCell>{translate('app.exports.history.status')}</TableCell>
          <TableCell align="right">{translate('app.exports.history.rows')}</TableCell>
          <TableCell>{translate('app.exports.history.expires')}</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {jobs.map((job) => (
          <TableRow key={job.id} data-testid="export-history-row">
            <TableCell>{formatDateTime(job.createdAt, locale)}</TableCell>
            <TableCell>
              {translate(`app.exports.datasets.${job.dataset}`)} · {translate(`app.exports.formats.${job.format}`)}
              {job.disclosure && (
                <Typography variant="caption" component="div" color="text.secondary" data-testid="export-history-disclosure">
                  {disclosureSummary(job.disclosure, translate)}
                </Typography>
              )}
            </TableCell>
            <TableCell>
              <Chip size="small" color={STATUS_COLOURS[job.status]} label={translate(`app.exports.statuses.${job.status}`)} />
            </TableCell>
            <TableCell align="right">
              {job.rowCount ?? ''}
              {job.byteSize !== null && (
                <Typography variant="caption" component="div" color="text.secondary">
                  {formatBytes(job.byteSize, locale)}
                </Typography>
              )}
            </TableCell>
            <TableCell>{job.status === 'done' && job.expiresAt ? formatDateTime(job.expiresAt, locale) : ''}</TableCell>
            <TableCell align="right">
              {isDownloadable(job, now) && (
                <>
                  <DownloadButton job={job} />
                  <SyntaxDownloads job={job} compact />
                </>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
