import { copenhagenWallTimeToUtcMs } from './copenhagen-time';

const iso = (wallTime: string): string => new Date(copenhagenWallTimeToUtcMs(wallTime)).toISOString();

describe('copenhagenWallTimeToUtcMs', () => {
  it('gives the instants of hand-picked Danish times, winter UTC+1 and summer UTC+2', () => {
    expect(iso('2025-01-15 09:30')).toBe('2025-01-15T08:30:00.000Z');
    expect(iso('2025-07-01 12:00')).toBe('2025-07-01T10:00:00.000Z');
    // 2025: summer time from Sunday 30 March 02:00 (local) to Sunday 26 October 03:00 (local).
    expect(iso('2025-03-30 01:59')).toBe('2025-03-30T00:59:00.000Z');
    expect(iso('2025-03-30 03:00')).toBe('2025-03-30T01:00:00.000Z');
    expect(iso('2025-10-26 01:59')).toBe('2025-10-25T23:59:00.000Z');
    expect(iso('2025-10-26 03:00')).toBe('2025-10-26T02:00:00.000Z');
    expect(iso('1996-10-27 12:00:30')).toBe('1996-10-27T11:00:30.000Z');
  });

  it('refuses the hour that does not exist in spring, the hour that happens twice in autumn, and years before 1996', () => {
    expect(() => copenhagenWallTimeToUtcMs('2025-03-30 02:30')).toThrow(/does not exist/);
    expect(() => copenhagenWallTimeToUtcMs('2025-10-26 02:30')).toThrow(/happens twice/);
    expect(() => copenhagenWallTimeToUtcMs('1995-06-01 12:00')).toThrow(/before 1996/);
    expect(() => copenhagenWallTimeToUtcMs('2025-02-29 12:00')).toThrow(/no such time/);
    expect(() => copenhagenWallTimeToUtcMs('2025-13-01 12:00')).toThrow(/no such time/);
    expect(() => copenhagenWallTimeToUtcMs('2025-00-15 12:00')).toThrow(/no such time/);
    expect(() => copenhagenWallTimeToUtcMs('2025-06-01 24:00')).toThrow(/no such time/);
    expect(() => copenhagenWallTimeToUtcMs('2025-01-01T12:00')).toThrow(/not a wall-clock time/);
  });

  it('agrees with the time-zone database (Intl) on every day from 1996 to 2040 at six hours of the day', () => {
    const format = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const wrong: string[] = [];
    for (let day = Date.UTC(1996, 0, 1); day <= Date.UTC(2040, 11, 31); day += 86_400_000) {
      const date = new Date(day).toISOString().slice(0, 10);
      for (const hour of ['00', '01', '04', '09', '15', '23']) {
        const wallTime = `${date} ${hour}:30`;
        if (format.format(copenhagenWallTimeToUtcMs(wallTime)) !== wallTime) wrong.push(wallTime);
      }
    }
    expect(wrong).toEqual([]);
  });
});
