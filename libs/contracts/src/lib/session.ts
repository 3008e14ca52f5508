import type { RecordMeta } from './resources';

export const ATTENDANCE = ['attended', 'no-show', 'cancelled'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

/** Longest plausible session or contact: 12 hours. */
export const MAX_DURATION_MINUTES = 720;

/** An individual session on an enrolment (a MOVE session, a case-management meeting, ...). */
export interface TreatmentSession extends RecordMeta {
  municipalityId: string;
  enrolmentId: string;
  citizenId: string;
  startsAt: string;
  /** Staff time, in minutes (for the economic view). */
  durationMinutes: number;
  staffUserId: string;
  /** What kind of session, e.g. "move-session", "case-management-meeting". */
  kind: string;
  /** The protocol's session number (MOVE 1-12), when the programme counts them. */
  sessionNumber: number | null;
  attendance: Attendance;
  /** Free text; encrypted at rest and never exported. */
  note: string | null;
}
