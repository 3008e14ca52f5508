import type { RecordMeta } from './resources';

export const GROUP_KINDS = ['course', 'standing'] as const;
/** `course`: a closed cohort with a fixed number of weekly meetings (HCS); `standing`: an open group (SMART Recovery). */
export type GroupKind = (typeof GROUP_KINDS)[number];

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const GROUP_ATTENDANCE = ['present', 'absent', 'excused'] as const;
export type GroupAttendance = (typeof GROUP_ATTENDANCE)[number];

export interface Group extends RecordMeta {
  municipalityId: string;
  programmeId: string;
  centreId: string;
  kind: GroupKind;
  name: string;
  /** First meeting day of a course. */
  startDate: string | null;
  /** Local time of day the meetings start, HH:MM. */
  startTime: string;
  place: string | null;
  /** Standing groups: the day of the week they meet, 1 = Monday ... 7 = Sunday. */
  weekday: number | null;
  /** The enrolments in the cohort (courses). */
  memberEnrolmentIds: string[];
}

export interface GroupMeetingAttendance {
  enrolmentId: string;
  status: GroupAttendance;
}

export interface GroupMeeting extends RecordMeta {
  municipalityId: string;
  groupId: string;
  /** 1..n within a course, by the protocol. */
  number: number | null;
  startsAt: string;
  durationMinutes: number;
  status: MeetingStatus;
  /** Anonymous participants (SMART Recovery), besides registered citizens. */
  anonymousHeadcount: number | null;
  attendance: GroupMeetingAttendance[];
}
