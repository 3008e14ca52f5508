import type { Attendance } from './session';
import type { EnrolmentState } from './enrolment';
import type { GroupAttendance } from './group';
import type { ContactType, PlaceType } from './outreach';

/** One event on a citizen's timeline, newest first. */
export type TimelineEvent =
  | { kind: 'enrolment'; at: string; id: string; enrolmentId: string; programmeId: string; from: EnrolmentState | null; to: EnrolmentState; reason: string | null }
  | { kind: 'session'; at: string; id: string; enrolmentId: string; sessionKind: string; sessionNumber: number | null; durationMinutes: number; attendance: Attendance; enteredInError: boolean; enteredInErrorReason: string | null }
  /** A note corrected (or a typo fixed): the original stays; this event says who changed it, when and why. */
  | { kind: 'note-correction'; at: string; id: string; recordKind: 'session'; recordId: string; enrolmentId: string | null; correction: 'correction' | 'typo'; reason: string | null; byName: string }
  | { kind: 'group-meeting'; at: string; id: string; groupId: string; groupName: string; number: number | null; durationMinutes: number; attendance: GroupAttendance }
  | { kind: 'outreach-contact'; at: string; id: string; placeType: PlaceType; contactType: ContactType; durationMinutes: number };
