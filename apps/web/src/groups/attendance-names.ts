import { formatDateTime } from '../common/dates';

/**
 * A meeting's day in Danish time, "9.11.2026", for the names of its attendance controls. Not the ISO
 * moment's own date: a meeting at 00:30 Danish time is the day before in UTC.
 */
export function meetingDay(startsAt: string): string {
  return formatDateTime(startsAt).split(' ')[0] ?? '';
}

/** The ids that tie a meeting's attendance button to the grid it opens, and the grid's parts to its names. */
export const attendanceIds = (meetingId: string) => ({
  grid: `attendance-${meetingId}`,
  caption: `attendance-${meetingId}-caption`,
  member: (enrolmentId: string) => `attendance-${meetingId}-${enrolmentId}-name`,
  status: `attendance-${meetingId}-status`,
});
