import type { AsiAnswer } from '@outcomes/domain';

/**
 * The generated rows, in the clear: identifiers are encrypted only when rows are written for
 * loading (see copy-encoder.ts), so the generator itself stays deterministic and testable.
 * Dates are YYYY-MM-DD; `startsAt`-like times are Danish local wall-clock times `YYYY-MM-DD HH:MM`.
 */
export interface CitizenRow {
  id: string;
  municipalityId: string;
  createdAt: string;
  cpr: string | null;
  cprReplacement: boolean;
  firstName: string;
  lastName: string;
  birthYear: number;
  sex: 'male' | 'female';
  phone: string | null;
  address: string | null;
}

/** The citizen's answer about evaluation, as the first entry of their consent history (none: not asked). */
export interface ConsentRow {
  id: string;
  municipalityId: string;
  citizenId: string;
  purpose: 'evaluation';
  entry: number;
  event: 'given' | 'refused';
  onDate: string;
  recordedByUserId: string;
}

export type EnrolmentStateName = 'referred' | 'active' | 'completed' | 'dropped_out' | 'transferred' | 'cancelled';

export interface EnrolmentRow {
  id: string;
  municipalityId: string;
  citizenId: string;
  programmeId: string;
  centreId: string;
  staffUserId: string;
  referralDate: string;
  referralSource: string;
  startDate: string | null;
  endDate: string | null;
  endReason: string | null;
  /** The register's status at the end (a code of register_end_status), for a course that started and ended. */
  endStatus: string | null;
  state: EnrolmentStateName;
  attestations: readonly string[];
}

export interface TransitionRow {
  id: string;
  municipalityId: string;
  enrolmentId: string;
  fromState: EnrolmentStateName | null;
  toState: EnrolmentStateName;
  onDate: string;
  reason: string | null;
  userId: string;
}

export interface SessionRow {
  id: string;
  municipalityId: string;
  enrolmentId: string;
  citizenId: string;
  startsAt: string;
  durationMinutes: number;
  staffUserId: string;
  kind: string;
  sessionNumber: number | null;
  attendance: 'attended' | 'no-show' | 'cancelled';
  note: string | null;
}

export interface GroupRow {
  id: string;
  municipalityId: string;
  programmeId: string;
  centreId: string;
  kind: 'course' | 'standing';
  name: string;
  startDate: string | null;
  startTime: string;
  place: string | null;
  weekday: number | null;
}

export interface MemberRow {
  groupId: string;
  enrolmentId: string;
  municipalityId: string;
}

export interface MeetingRow {
  id: string;
  municipalityId: string;
  groupId: string;
  number: number | null;
  startsAt: string;
  durationMinutes: number;
  status: 'planned' | 'held' | 'cancelled';
  anonymousHeadcount: number | null;
}

export interface AttendanceRow {
  meetingId: string;
  enrolmentId: string;
  municipalityId: string;
  status: 'present' | 'absent' | 'excused';
}

export interface OutreachRow {
  id: string;
  municipalityId: string;
  contactAt: string;
  staffUserId: string;
  placeType: string;
  durationMinutes: number;
  contactType: string;
  citizenId: string | null;
  /** Already in the API's normalised form (lower case, single spaces), so its keyed hash matches a search. */
  alias: string | null;
  referredProgrammeId: string | null;
  referralStarted: boolean | null;
  referralStartedDate: string | null;
}

export type TimepointName = 'intake' | 'end' | 'follow-up-3' | 'follow-up-6' | 'follow-up-9' | 'follow-up-12' | 'ad-hoc';

export interface AssessmentRow {
  id: string;
  municipalityId: string;
  enrolmentId: string;
  citizenId: string;
  timepoint: TimepointName;
  assessedOn: string;
  interviewerUserId: string;
  items: Record<string, AsiAnswer>;
}

export interface AttemptRow {
  id: string;
  municipalityId: string;
  enrolmentId: string;
  timepoint: TimepointName;
  attemptedOn: string;
  channel: 'phone' | 'sms' | 'e-mail' | 'letter' | 'visit';
  reached: boolean;
  userId: string;
}

/** Every generated table and its row type, in an order that respects the foreign keys. */
export interface SyntheticRows {
  citizen: CitizenRow;
  citizen_consent: ConsentRow;
  enrolment: EnrolmentRow;
  enrolment_transition: TransitionRow;
  treatment_group: GroupRow;
  group_member: MemberRow;
  group_meeting: MeetingRow;
  group_attendance: AttendanceRow;
  treatment_session: SessionRow;
  outreach_contact: OutreachRow;
  assessment: AssessmentRow;
  follow_up_attempt: AttemptRow;
}
export type SyntheticTable = keyof SyntheticRows;

export const TABLES_IN_LOAD_ORDER: readonly SyntheticTable[] = [
  'citizen',
  'citizen_consent',
  'enrolment',
  'enrolment_transition',
  'treatment_group',
  'group_member',
  'group_meeting',
  'group_attendance',
  'treatment_session',
  'outreach_contact',
  'assessment',
  'follow_up_attempt',
];

/** Where generated rows go: collected for a test, or encoded for COPY by the loader. */
export interface RowSink {
  add<T extends SyntheticTable>(table: T, row: SyntheticRows[T]): void;
}
