import { msUntilNextRun } from './retention-schedule';

describe('the retention job’s schedule', () => {
  it('runs at the next 02:30 Danish time', () => {
    // 6 December 2026 07:00 UTC is 08:00 in Denmark (winter time): 18 h 30 min to 02:30.
    expect(msUntilNextRun(new Date('2026-12-06T07:00:00Z'))).toBe((18 * 60 + 30) * 60_000);
    // 1 July 2026 00:00 UTC is 02:00 in Denmark (summer time): 30 min.
    expect(msUntilNextRun(new Date('2026-07-01T00:00:00Z'))).toBe(30 * 60_000);
    // Exactly 02:30 Danish time: the next day's.
    expect(msUntilNextRun(new Date('2026-12-06T01:30:00Z'))).toBe(24 * 60 * 60_000);
  });
});
