import { attendanceIds, meetingDay } from './attendance-names';

describe('meetingDay', () => {
  it('gives the Danish day of the meeting, not the UTC one', () => {
    // 23:30 UTC on 8 November is 00:30 on 9 November in Copenhagen (winter time, UTC+1).
    expect(meetingDay('2026-11-08T23:30:00.000Z')).toBe('9.11.2026');
    // 22:30 UTC on 30 June is 00:30 on 1 July (summer time, UTC+2).
    expect(meetingDay('2026-06-30T22:30:00.000Z')).toBe('1.7.2026');
    expect(meetingDay('2026-11-04T12:00:00.000Z')).toBe('4.11.2026');
  });
});

describe('attendanceIds', () => {
  it('are distinct per meeting and per member', () => {
    const one = attendanceIds('m1');
    const two = attendanceIds('m2');
    expect(one.grid).not.toBe(two.grid);
    expect(one.member('e1')).not.toBe(one.member('e2'));
    expect(new Set([one.grid, one.caption, one.status, one.member('e1')]).size).toBe(4);
  });
});
