import type { ExportJob, ExportJobStatus, ExportLabelLanguage, ExportSyntaxFormat } from '@outcomes/contracts';
import { intlLocale } from '../common/dates';

/** Still working: the progress bar polls these. */
export const isUnderWay = (status: ExportJobStatus): boolean => status === 'queued' || status === 'running';

/** The job of a project that is queued or running, if any (the API runs one at a time per project). */
export const jobUnderWay = (jobs: readonly ExportJob[]): ExportJob | undefined => jobs.find((job) => isUnderWay(job.status));

/** Finished and not yet past its expiry. */
export const isDownloadable = (job: ExportJob, now: Date): boolean =>
  job.status === 'done' && (job.expiresAt === null || new Date(job.expiresAt).getTime() > now.getTime());

/** The file, through the session cookie: the link carries only the job's id, nothing personal. */
export const downloadUrl = (job: Pick<ExportJob, 'id'>): string => `/api/export-jobs/${encodeURIComponent(job.id)}/download`;

/** A syntax file (R, Stata, SPSS) that reads the job's CSV, with labels in one language; made by the API from the codebook. */
export const syntaxUrl = (job: Pick<ExportJob, 'id'>, format: ExportSyntaxFormat, lang: ExportLabelLanguage): string =>
  `/api/export-jobs/${encodeURIComponent(job.id)}/syntax/${format}?lang=${lang}`;

/** Syntax files read CSV: an XLSX export carries its codebook as a sheet instead. */
export const hasSyntaxFiles = (job: Pick<ExportJob, 'format'>): boolean => job.format === 'csv';

/** "12,3 kB": files of a few bytes to many megabytes. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)}\u00a0${units[unit]}`;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The municipalities a 403 names as not granted ("not granted to you: <id>, <id>"). */
export const ungrantedIds = (message: string | undefined): string[] => (message ?? '').match(UUID) ?? [];
