import type { RecordMeta } from './resources';

export interface Municipality extends RecordMeta {
  /** The official three-digit municipality number (kommunekode), e.g. "101" for København. */
  code: string;
  name: string;
  /** Staff cost per hour (DKK) for the economic view; null: not configured. */
  hourlyRate: number | null;
  // --- Retention (issue 22, decision 97): years a citizen's records are kept, per record type. ---
  /** Health records (sessions and their notes, assessments): years after the last entry; at least 10 (the law). */
  retentionHealthYears: number;
  /** Social case records (requests, decisions, enrolments, plans, the rest): years after the last entry, the course closed; KL recommends 5. */
  retentionSocialYears: number;
}

export type MunicipalityInput = Pick<Municipality, 'code' | 'name'> & {
  hourlyRate?: number | null;
  // --- Retention (issue 22) ---
  retentionHealthYears?: number;
  retentionSocialYears?: number;
};
