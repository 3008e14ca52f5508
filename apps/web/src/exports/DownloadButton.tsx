import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import type { ExportJob } from '@outcomes/contracts';
import { useTranslate } from 'react-admin';
import { downloadUrl } from './export-jobs';

/** A plain link: the browser saves the file the API sends as an attachment, with the session cookie. */
export const DownloadButton = ({ job, variant = 'outlined' }: { job: ExportJob; variant?: 'outlined' | 'contained' }) => {
  const translate = useTranslate();
  return (
    <Button component="a" href={downloadUrl(job)} download={job.fileName} variant={variant} size="small" startIcon={<DownloadIcon />} data-testid="export-download">
      {translate('app.exports.job.download')}
    </Button>
  );
};
