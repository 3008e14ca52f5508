import type { RecordMeta } from './resources';

/** What an evaluator can export: pseudonymised microdata sets, an aggregate, and the codebook. */
export const EXPORT_DATASETS = ['enrolments', 'assessments', 'sessions', 'outreach', 'codebook'] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Syntax files beside a finished CSV export (GET /api/export-jobs/:id/syntax/:format?lang=): programs
 * that read the CSV with the codebook's types, variable labels and value labels, in Danish or English.
 */
export const EXPORT_SYNTAX_FORMATS = ['r', 'stata', 'spss'] as const;
export type ExportSyntaxFormat = (typeof EXPORT_SYNTAX_FORMATS)[number];
export const EXPORT_LABEL_LANGUAGES = ['da', 'en'] as const;
export type ExportLabelLanguage = (typeof EXPORT_LABEL_LANGUAGES)[number];

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
  /**
   * The smallest group of people any combination of quasi-identifiers in the project's files may
   * describe: 5 at least (the default), 11 for anything published more widely. Periods are whole
   * calendar months. A change of the scope (municipalities, programmes, period) gives the project a
   * new pseudonym key: its next files do not link to its earlier ones.
   */
  k: number;
}

/** The smallest k a project may have; 11 is the precedent for wider release (docs/disclosure.md). */
export const EXPORT_MIN_K = 5;

/**
 * What disclosure control did to one export run (the same for every file of a run): the one
 * generalisation scheme (codes, explained in the codebook: 'birth-year-5y', 'months-to-quarters'),
 * how many quasi-identifier values local suppression emptied, and how many people's rows were left
 * out because no suppression could hide them among k (or give their group two outcome states).
 */
export interface ExportDisclosure {
  k: number;
  l: number;
  generalisation: string[];
  suppressedValues: number;
  withheldRows: number;
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
  /** Null for a run that has not finished, and for the codebook and the aggregated outreach file. */
  disclosure: ExportDisclosure | null;
}
