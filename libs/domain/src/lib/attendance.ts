import type { Attendance, GroupAttendance } from '@outcomes/contracts';

/**
 * Attendance toward the protocol: the one rule behind "13 af 16" on the enrolment page, the citizen's
 * page and the outcome report's retention.
 *
 * - An individual session counts when the citizen attended it (a no-show or a cancelled session does not),
 *   unless it was marked entered in error.
 * - A group meeting (an HCS course meeting, a SMART meeting) counts when the citizen was present
 *   (absent or excused does not).
 * - The expected number is the programme's protocol (`expectedSessions`: 16 for HCS, one per course
 *   meeting); a programme without one counts nothing against a number.
 *
 * The API counts in SQL (apps/api/src/enrolments/rules-sql.ts), built from the two values below.
 */
export const COUNTED_SESSION_ATTENDANCE: Attendance = 'attended';
export const COUNTED_GROUP_ATTENDANCE: GroupAttendance = 'present';

export function sessionCounts(attendance: Attendance): boolean {
  return attendance === COUNTED_SESSION_ATTENDANCE;
}

export function groupMeetingCounts(status: GroupAttendance): boolean {
  return status === COUNTED_GROUP_ATTENDANCE;
}

/** Sessions and group meetings of one enrolment that count toward its protocol; a session entered in error counts toward nothing. */
export function attendedTowardProtocol(sessions: readonly { attendance: Attendance; enteredInError?: unknown }[], meetings: readonly { status: GroupAttendance }[]): number {
  return sessions.filter((s) => !s.enteredInError && sessionCounts(s.attendance)).length + meetings.filter((m) => groupMeetingCounts(m.status)).length;
}

/** The protocol's expected number of sessions and meetings; null when the programme sets none. */
export function expectedTowardProtocol(programme: { expectedSessions: number | null }): number | null {
  return programme.expectedSessions !== null && programme.expectedSessions > 0 ? programme.expectedSessions : null;
}

/** "13 of 16", when the programme has a number to count against; undefined when it has none. */
export function protocolProgress(attended: number, expectedSessions: number | null): { attended: number; expected: number } | undefined {
  const expected = expectedTowardProtocol({ expectedSessions });
  return expected === null ? undefined : { attended, expected };
}
