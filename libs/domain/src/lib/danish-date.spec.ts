import { addDays, danishDate, danishDayEnd, danishDayStart, danishDaysFromToday, danishToday, isoWeekday } from './danish-date';

describe('the Danish calendar date', () => {
  // Hand-written from the Danish clock: CET is UTC+1, CEST (last Sunday of March to last Sunday of October) UTC+2.
  it.each([
    ['2026-12-04T22:59:59Z', '2026-12-04'],
    ['2026-12-04T23:00:00Z', '2026-12-05'],
    ['2026-12-04T23:30:00Z', '2026-12-05'],
    ['2026-07-04T21:59:00Z', '2026-07-04'],
    ['2026-07-04T22:00:00Z', '2026-07-05'],
    ['2026-03-28T23:30:00Z', '2026-03-29'],
    ['2026-10-24T22:30:00Z', '2026-10-25'],
    ['2026-12-31T23:00:00Z', '2027-01-01'],
  ])('%s is %s in Denmark', (instant, expected) => {
    expect(danishDate(new Date(instant))).toBe(expected);
  });

  it('takes today from the clock it is given', () => {
    expect(danishToday(new Date('2026-12-05T00:30:00Z'))).toBe('2026-12-05');
  });

  it('counts days on the calendar, across months, years and the change to summer time', () => {
    expect(addDays('2026-12-05', 1)).toBe('2026-12-06');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-12-05', 90)).toBe('2027-03-05');
    // 00:30 in Denmark on 5 December is still 4 December in UTC.
    expect(danishDaysFromToday(1, new Date('2026-12-04T23:30:00Z'))).toBe('2026-12-06');
  });
});

describe('calendar arithmetic on YYYY-MM-DD', () => {
  it.each([
    ['2026-12-05', 6], // Saturday
    ['2026-12-07', 1], // Monday
    ['2026-12-01', 2], // Tuesday
    ['2027-01-03', 7], // Sunday
  ])('%s is weekday %i', (day, weekday) => expect(isoWeekday(day)).toBe(weekday));

  it.each([
    ['2026-03-28', 1, '2026-03-29'], // across the spring clock change
    ['2026-12-05', -740, '2024-11-25'],
    ['2024-02-28', 1, '2024-02-29'],
  ])('%s plus %i days is %s', (day, days, expected) => expect(addDays(day, days)).toBe(expected));
});

describe('a Danish calendar day’s first and last instants', () => {
  // Hand-written from the Danish clock: CET is UTC+1, CEST UTC+2; in 2026 summer time runs from
  // 29 March 01:00 UTC (a day of 23 hours) to 25 October 01:00 UTC (a day of 25 hours).
  it.each([
    ['2026-12-06', '2026-12-05T23:00:00.000Z', '2026-12-06T22:59:59.999999Z'],
    ['2026-07-05', '2026-07-04T22:00:00.000Z', '2026-07-05T21:59:59.999999Z'],
    ['2026-03-29', '2026-03-28T23:00:00.000Z', '2026-03-29T21:59:59.999999Z'],
    ['2026-10-25', '2026-10-24T22:00:00.000Z', '2026-10-25T22:59:59.999999Z'],
    ['2026-12-31', '2026-12-30T23:00:00.000Z', '2026-12-31T22:59:59.999999Z'],
    ['2024-02-29', '2024-02-28T23:00:00.000Z', '2024-02-29T22:59:59.999999Z'],
    ['2023-02-28', '2023-02-27T23:00:00.000Z', '2023-02-28T22:59:59.999999Z'],
  ])('%s runs from %s to %s', (day, start, end) => {
    expect(danishDayStart(day)).toBe(start);
    expect(danishDayEnd(day)).toBe(end);
  });

  it('starts the first day PostgreSQL can hold at its first UTC instant: Danish midnight of 1 January of year 1 was in year 0 by UTC', () => {
    expect(danishDayStart('0001-01-01')).toBe('0001-01-01T00:00:00.000Z');
    expect(danishDayEnd('0001-01-01')).toMatch(/^0001-01-01T2\d:\d\d:\d\d\.999999Z$/);
  });
});
