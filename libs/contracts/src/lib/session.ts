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
  /** Free text; encrypted at rest and never exported. The current version: every earlier one is kept (GET /sessions/:id/note-versions). */
  note: string | null;
  /** How many times the note was changed after it was first written (corrections and typo fixes). */
  noteChanges: number;
  /** Set when the session was marked entered in error: it stays visible, marked, and leaves every figure. */
  enteredInError: EnteredInError | null;
}

/** A record marked "entered in error" (fejlregistreret): never deleted, kept with who, when and why. */
export interface EnteredInError {
  at: string;
  byUserId: string;
  byName: string;
  reason: string;
}

export const NOTE_VERSION_KINDS = ['original', 'correction', 'typo'] as const;
/** original: the first text; correction: a change with its reason; typo: the author's own fix within the window. */
export type NoteVersionKind = (typeof NOTE_VERSION_KINDS)[number];

/** One version of a free-text note, oldest first; none is ever changed or removed. */
export interface NoteVersion {
  id: string;
  field: string;
  text: string | null;
  kind: NoteVersionKind;
  reason: string | null;
  writtenAt: string;
  writtenByUserId: string;
  writtenByName: string;
}

/** GET /sessions/:id/note-versions: the note's whole history (the citizen is named for the access log). */
export interface NoteHistory {
  id: string;
  citizenId: string;
  versions: NoteVersion[];
}
