import { nextMeetingToLog } from './next-meeting';

// Local times (the browser's time zone): 2026-12-01 is a Tuesday, 2026-12-05 a Saturday.
const at = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);
const iso = (date: Date) => date.toISOString();
const saturday = at(2026, 12, 5, 12);

describe('nextMeetingToLog (Tuesdays at 17:00)', () => {
  it.each([
    ['nothing logged: the latest Tuesday', [], at(2026, 12, 1, 17), true],
    ['the latest Tuesday logged: next Tuesday, not yet due', [at(2026, 12, 1, 17)], at(2026, 12, 8, 17), false],
    ['a week forgotten: the Tuesday after the latest logged one', [at(2026, 11, 17, 17)], at(2026, 11, 24, 17), true],
    ['logged out of order: after the latest', [at(2026, 11, 24, 17), at(2026, 11, 10, 17)], at(2026, 12, 1, 17), true],
    ['moved to a Wednesday: the Tuesday after', [at(2026, 11, 25, 18)], at(2026, 12, 1, 17), true],
    ['logged on a Monday: the next day, Tuesday', [at(2026, 11, 30, 19)], at(2026, 12, 1, 17), true],
  ])('%s', (_label, logged, slot, due) => {
    const sut = nextMeetingToLog(2, '17:00', logged.map((d) => ({ startsAt: iso(d), status: 'held' })), saturday);
    expect(sut.slot).toEqual(slot);
    expect(sut.due).toBe(due);
  });

  it('ignores a cancelled meeting', () => {
    const sut = nextMeetingToLog(2, '17:00', [{ startsAt: iso(at(2026, 11, 24, 17)), status: 'held' }, { startsAt: iso(at(2026, 12, 1, 17)), status: 'cancelled' }], saturday);
    expect(sut).toEqual({ slot: at(2026, 12, 1, 17), due: true });
  });

  it('on the Tuesday itself: due once 17:00 has come', () => {
    const logged = [{ startsAt: iso(at(2026, 11, 24, 17)) }];
    expect(nextMeetingToLog(2, '17:00', logged, at(2026, 12, 1, 16, 59)).due).toBe(false);
    expect(nextMeetingToLog(2, '17:00', logged, at(2026, 12, 1, 17, 0)).due).toBe(true);
  });
});
