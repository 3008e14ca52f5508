/**
 * Merging a citizen registered without a CPR number into the record with the person's CPR number
 * (issue 22). The tables are the ones holding a citizen's data (apps/api database/citizen-data-tables.ts).
 */

/** How many rows of each of the citizen's tables moved (or would move), by table name. */
export type MergeCounts = Record<string, number>;

/** `POST /api/citizen-merges/preview`: the record a CPR number finds, and what a merge into it would move. */
export interface CitizenMergePreview {
  target: { id: string; version: number; firstName: string; lastName: string; cprMasked: string | null; birthYear: number | null };
  source: { id: string; version: number };
  counts: MergeCounts;
}

export interface CitizenMerge {
  id: string;
  version: number;
  sourceCitizenId: string;
  targetCitizenId: string;
  /** The merged-away record's name, as it was registered (the alias). */
  sourceName: string;
  mergedAt: string;
  mergedBy: string;
  reason: string;
  counts: MergeCounts;
  undoUntil: string;
  /** Whether an undo would be accepted now (not undone, period not ended). */
  undoable: boolean;
  undoneAt: string | null;
  undoneBy: string | null;
  undoReason: string | null;
}

/** The tables a merge moves, in the order the web shows their counts. */
export const MERGE_COUNTED_TABLES = ['case_request', 'case_decision', 'enrolment', 'treatment_session', 'treatment_plan_revision', 'note_version', 'assessment', 'outreach_contact', 'youth_consent'] as const;
