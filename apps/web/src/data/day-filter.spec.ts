import { DAY_FILTERED_FIELDS, dayFilter } from './day-filter';

/** An instant as the browser's clock shows it: year, month (1-12), day, hour, minute, second, millisecond. */
function onTheClock(iso: unknown): number[] {
  const at = new Date(iso as string);
  return [at.getFullYear(), at.getMonth() + 1, at.getDate(), at.getHours(), at.getMinutes(), at.getSeconds(), at.getMilliseconds()];
}

describe('dayFilter', () => {
  it('turns the access log\'s period days into instants covering whole days on the user\'s clock', () => {
    const filter = dayFilter({ at_gte: '2026-11-02', at_lte: '2026-11-03' }, DAY_FILTERED_FIELDS['access-log'] ?? []);
    expect(filter['at_gte']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(onTheClock(filter['at_gte'])).toEqual([2026, 11, 2, 0, 0, 0, 0]);
    expect(onTheClock(filter['at_lte'])).toEqual([2026, 11, 3, 23, 59, 59, 999]);
    // The next millisecond is the next day.
    expect(onTheClock(new Date(new Date(filter['at_lte'] as string).getTime() + 1).toISOString())).toEqual([2026, 11, 4, 0, 0, 0, 0]);
  });

  it('does the same for the sessions list, so "to" a day keeps that day\'s sessions, in summer time too', () => {
    const filter = dayFilter({ startsAt_gte: '2026-06-15', startsAt_lte: '2026-06-15', attendance: 'attended' }, DAY_FILTERED_FIELDS['sessions'] ?? []);
    expect(onTheClock(filter['startsAt_gte'])).toEqual([2026, 6, 15, 0, 0, 0, 0]);
    expect(onTheClock(filter['startsAt_lte'])).toEqual([2026, 6, 15, 23, 59, 59, 999]);
    expect(filter['attendance']).toBe('attended');
  });

  it('passes the other filters on and drops emptied inputs', () => {
    expect(
      dayFilter({ userId: 'u1', action: 'search', outcome: 'ok', resource: '', recordId: null, citizenId: undefined }, ['at']),
    ).toEqual({ userId: 'u1', action: 'search', outcome: 'ok' });
  });

  it('leaves instants that are already instants, and fields that are not listed, alone', () => {
    expect(dayFilter({ at_gte: '2026-11-02T10:00:00.000Z', referralDate_lte: '2026-11-02' }, ['at'])).toEqual({ at_gte: '2026-11-02T10:00:00.000Z', referralDate_lte: '2026-11-02' });
  });
});
