/** Import (issue 24): a CSV or XLSX of citizens, enrolments, sessions or ASI assessments, checked in a dry run first. */
export const IMPORT_KINDS = ['citizens', 'enrolments', 'sessions', 'assessments'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** valid-rows: every row that passes is imported, the others are listed; all-or-nothing: one failing row imports nothing. */
export const IMPORT_MODES = ['valid-rows', 'all-or-nothing'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/**
 * uploaded: read and waiting for a mapping; checking / running: a dry run or the import is under way (progress);
 * checked: the dry run's result is ready; done: imported (or nothing, in all-or-nothing with a failing row); failed: an error stopped it.
 */
/** `expired`: an upload not imported within seven days, its rows emptied (decision 165). */
export const IMPORT_STATUSES = ['uploaded', 'checking', 'checked', 'running', 'done', 'failed', 'expired'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** The accepted date formats of an import's date columns, as the errors name them. */
export const IMPORT_DATE_FORMATS = ['yyyy-mm-dd', 'dd-mm-yyyy', 'dd.mm.yyyy'] as const;

/** One of a product field an import column can be mapped to. */
export interface ImportField {
  field: string;
  required: boolean;
  da: string;
  en: string;
}

/** A column → field mapping: the file's column header to the product's field (a column left out is not imported). */
export type ImportMapping = Record<string, string>;

export interface ImportRowError {
  /** The file's row number (1 is the header; the first data row is 2), as a spreadsheet shows it. */
  row: number;
  /** The file's column header, or null when the rule concerns the whole row. */
  column: string | null;
  field: string | null;
  rule: string;
  ruleDa: string;
}

export interface ImportRowResult {
  row: number;
  /** What the row does (or would do, in a dry run); `error` when it cannot be imported. */
  action: 'create' | 'update' | 'error';
  /** The record made or updated (only after the import, not in a dry run). */
  recordId: string | null;
  errors: ImportRowError[];
}

export interface ImportJob {
  id: string;
  kind: ImportKind;
  /** What the file was read as (its content, not its name: a file name may carry a person's name, so it is not kept). */
  format: 'csv' | 'xlsx';
  status: ImportStatus;
  /** 'dry-run' or 'import': what the status and progress are about. */
  phase: 'dry-run' | 'import' | null;
  mode: ImportMode | null;
  progress: number;
  columns: string[];
  rowCount: number;
  /** The mapping in use: the one given for the dry run, else this user's saved one for the kind, else the headers matched by name. */
  mapping: ImportMapping;
  fields: ImportField[];
  created: number;
  updated: number;
  failed: number;
  /** After all-or-nothing with a failing row: nothing was imported. */
  rolledBack: boolean;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface ImportDryRunInput {
  mapping: ImportMapping;
}

export interface ImportRunInput {
  mode: ImportMode;
}
