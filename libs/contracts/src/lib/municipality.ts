import type { ConsentNotAskedRule } from './consent';
import type { RecordMeta } from './resources';

export interface Municipality extends RecordMeta {
  /** The official three-digit municipality number (kommunekode), e.g. "101" for København. */
  code: string;
  name: string;
  /** Staff cost per hour (DKK) for the economic view; null: not configured. */
  hourlyRate: number | null;
  // --- Consent by purpose (issue 22): how a citizen never asked about evaluation counts in exports.
  consentNotAsked: ConsentNotAskedRule;
  // --- Merging duplicate records (issue 22) ---
  /** Days a merge of two citizens' records can be undone (1-365, default 30). */
  mergeUndoDays: number;
  // --- Retention (issue 22, decision 97): years a citizen's records are kept, per record type. ---
  /** Health records (sessions and their notes, assessments): years after the last entry; at least 10 (the law). */
  retentionHealthYears: number;
  /** Social case records (requests, decisions, enrolments, plans, the rest): years after the last entry, the course closed; KL recommends 5. */
  retentionSocialYears: number;
  // --- Emergency access (issue 22) ---
  /** Hours an emergency access to this municipality's citizens lasts (1-72; default 24); set by its admin. */
  emergencyAccessHours: number;
  // --- Moves between municipalities (issue 22) ---
  /** Days the new municipality may read this municipality's record of a citizen whose hand-over it accepted (1-365; default 90). */
  handoverReadDays: number;
  // --- Personal API tokens (issue 24) ---
  /** The longest a user of this municipality may make an API token live, in days (1-365; default 365). */
  apiTokenMaxDays: number;
}

/** What a form sends: the operator's code and name, the admin's settings. */
export type MunicipalityInput = Pick<Municipality, 'code' | 'name'> & {
  hourlyRate?: number | null;
  consentNotAsked?: ConsentNotAskedRule;
  mergeUndoDays?: number;
  // --- Retention (issue 22) ---
  retentionHealthYears?: number;
  retentionSocialYears?: number;
  // --- Emergency access (issue 22) ---
  emergencyAccessHours?: number;
  // --- Moves between municipalities (issue 22) ---
  handoverReadDays?: number;
  // --- Personal API tokens (issue 24) ---
  apiTokenMaxDays?: number;
};
