import { DAY_FILTERED_FIELDS, dayFilter } from './day-filter';

// Danish days, wherever the browser is: the instants below are written out by hand (CET is UTC+1,
// CEST UTC+2; summer time began on 29 March 2026, a 23-hour day, and ended on 25 October, 25 hours).
// The suite runs in whatever zone the machine has; the answers may not depend on it.
describe('dayFilter', () => {
  it('turns the access log\'s period days into instants covering whole Danish days', () => {
    expect(dayFilter({ at_gte: '2026-11-02', at_lte: '2026-11-03' }, DAY_FILTERED_FIELDS['access-log'] ?? [])).toEqual({
      at_gte: '2026-11-01T23:00:00.000Z',
      at_lte: '2026-11-03T22:59:59.999999Z',
    });
  });

  it('does the same for the sessions list, so "to" a day keeps that day\'s sessions, in summer time too', () => {
    expect(dayFilter({ startsAt_gte: '2026-06-15', startsAt_lte: '2026-06-15', attendance: 'attended' }, DAY_FILTERED_FIELDS['sessions'] ?? [])).toEqual({
      startsAt_gte: '2026-06-14T22:00:00.000Z',
      startsAt_lte: '2026-06-15T21:59:59.999999Z',
      attendance: 'attended',
    });
  });

  it('gives the days the clocks change their 23 and 25 hours', () => {
    expect(dayFilter({ at_gte: '2026-03-29', at_lte: '2026-03-29' }, ['at'])).toEqual({ at_gte: '2026-03-28T23:00:00.000Z', at_lte: '2026-03-29T21:59:59.999999Z' });
    expect(dayFilter({ at_gte: '2026-10-25', at_lte: '2026-10-25' }, ['at'])).toEqual({ at_gte: '2026-10-24T22:00:00.000Z', at_lte: '2026-10-25T22:59:59.999999Z' });
    // The last day of a year, into the next.
    expect(dayFilter({ at_lte: '2026-12-31' }, ['at'])).toEqual({ at_lte: '2026-12-31T22:59:59.999999Z' });
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
