import type { RecordMeta } from './resources';

/** What an evaluator can export: pseudonymised microdata sets, an aggregate, and the codebook. */
export const EXPORT_DATASETS = ['enrolments', 'assessments', 'sessions', 'outreach', 'codebook'] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** queued → running → done (downloadable until expiresAt, then expired) or failed. */
export const EXPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'expired'] as const;
export type ExportJobStatus = (typeof EXPORT_JOB_STATUSES)[number];

/**
 * An evaluator's export project: which municipalities (their own and those granted to them),
 * programmes and referral period, and why. Each project has its own pseudonym key.
 */
export interface ExportProject extends RecordMeta {
  name: string;
  purpose: string;
  municipalityIds: string[];
  programmeIds: string[];
  periodFrom: string;
  periodTo: string;
  evaluatorId: string;
}

export interface ExportJob {
  id: string;
  projectId: string;
  dataset: ExportDataset;
  format: ExportFormat;
  status: ExportJobStatus;
  /** 0-100. */
  progress: number;
  rowCount: number | null;
  byteSize: number | null;
  fileName: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  expiresAt: string | null;
}
