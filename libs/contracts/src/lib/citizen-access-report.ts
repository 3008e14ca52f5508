import type { AccessAction, AccessOutcome } from './access-log';
import type { Role } from './permissions';

/**
 * The citizen's own access (GDPR art. 15; docs/citizen-access-report.md): everything the municipality
 * holds about one citizen and when and why it was looked up, without who looked (Datatilsynet's
 * practice). The JSON file the admin downloads is this object as the API answered it.
 */
export const CITIZEN_ACCESS_REPORT_FORMAT = 'outcomes/citizen-access-report/v1';

/** A label in the citizen's language (Danish) and in English. */
export interface AccessReportLabel {
  da: string;
  en: string;
}

/** One table's rows about the citizen: every column as stored, encrypted ones decrypted (docs/citizen-access-report.md). */
export interface AccessReportSection {
  /** The database table (stable, for machines). */
  table: string;
  label: AccessReportLabel;
  /** Column (camelCase) to its label, for the columns the rows carry. */
  columns: Record<string, AccessReportLabel>;
  rows: Record<string, unknown>[];
}

/** One logged look-up of the citizen's data: when, what, why, by which role and municipality; never by whom. */
export interface AccessReportLookup {
  at: string;
  action: AccessAction;
  resource: string;
  /** What was looked at and why, in words (the action and the screen or route it served). */
  what: AccessReportLabel;
  why: AccessReportLabel;
  role: Role;
  municipality: string | null;
  outcome: AccessOutcome;
}

export interface CitizenAccessReport {
  format: typeof CITIZEN_ACCESS_REPORT_FORMAT;
  producedAt: string;
  /** The Danish date it was produced ("today" in Denmark). */
  producedOn: string;
  /** The day the citizen's request was received (the admin enters it), and the answer's deadline: one month later (GDPR art. 12(3)). */
  requestedOn: string;
  dueOn: string;
  municipality: { id: string; name: string };
  citizen: { id: string; firstName: string; lastName: string; cpr: string | null; birthYear: number | null };
  /** Rows per table, in the order of `sections`. */
  counts: { table: string; label: AccessReportLabel; rows: number }[];
  sections: AccessReportSection[];
  /** Every access-log row naming the citizen, oldest first (this report's own export row is written after it is read). */
  lookups: AccessReportLookup[];
}

/** Who the report is about: a CPR number, or (a citizen without one) the record's id. */
export interface CitizenAccessReportRequest {
  cpr?: string;
  citizenId?: string;
  /** The day the citizen's request was received (YYYY-MM-DD, not after today): required. */
  requestedOn: string;
}
