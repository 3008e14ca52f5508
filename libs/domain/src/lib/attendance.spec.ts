import type { Attendance, GroupAttendance } from '@outcomes/contracts';
import { attendedTowardProtocol, expectedTowardProtocol, groupMeetingCounts, protocolProgress, sessionCounts } from './attendance';

const sessions = (...a: Attendance[]) => a.map((attendance) => ({ attendance }));
const meetings = (...s: GroupAttendance[]) => s.map((status) => ({ status }));
const times = <T>(n: number, value: T): T[] => Array.from({ length: n }, () => value);

describe('attendance toward the protocol', () => {
  it('counts an attended session and a group meeting attended as present, nothing else', () => {
    expect(sessionCounts('attended')).toBe(true);
    expect(sessionCounts('no-show')).toBe(false);
    expect(sessionCounts('cancelled')).toBe(false);
    expect(groupMeetingCounts('present')).toBe(true);
    expect(groupMeetingCounts('absent')).toBe(false);
    expect(groupMeetingCounts('excused')).toBe(false);
  });

  // Hand-written: [sessions, meetings, counted].
  const table: [string, Attendance[], GroupAttendance[], number][] = [
    ['nothing yet', [], [], 0],
    ['HCS: 13 of 16 meetings present, 2 absent, 1 excused', [], [...times(13, 'present' as const), 'absent', 'absent', 'excused'], 13],
    ['HCS with one individual session besides', ['attended'], [...times(13, 'present' as const), 'absent', 'absent', 'excused'], 14],
    ['MOVE: 7 attended, 2 no-shows, 1 cancelled', [...times(7, 'attended' as const), 'no-show', 'no-show', 'cancelled'], [], 7],
    ['only no-shows and absences', ['no-show', 'cancelled'], ['absent', 'excused'], 0],
    ['SMART: 3 meetings present and 2 sessions attended', ['attended', 'attended', 'no-show'], ['present', 'present', 'present', 'absent'], 5],
  ];
  it.each(table)('%s', (_name, s, m, counted) => {
    expect(attendedTowardProtocol(sessions(...s), meetings(...m))).toBe(counted);
  });

  it('counts against the programme’s expected number, when it has one', () => {
    expect(expectedTowardProtocol({ expectedSessions: 16 })).toBe(16);
    expect(expectedTowardProtocol({ expectedSessions: null })).toBeNull();
    expect(expectedTowardProtocol({ expectedSessions: 0 })).toBeNull();
    expect(protocolProgress(13, 16)).toEqual({ attended: 13, expected: 16 });
    expect(protocolProgress(3, null)).toBeUndefined();
  });
});
