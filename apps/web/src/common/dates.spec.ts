import { formatDate, formatDateTime, formatDayMonth, formatLocalDateTime, formatMonth, nowLocalDateTime, parseDanishDate, parseDanishDateTime, parseDanishMonth, todayLocal, toLocalDateTime } from './dates';

describe('dates', () => {
  it("gives today and now in the browser's time zone, as the inputs take them", () => {
    const moment = new Date(2026, 0, 5, 7, 9, 30);
    expect(todayLocal(moment)).toBe('2026-01-05');
    expect(nowLocalDateTime(moment)).toBe('2026-01-05T07:09');
  });

  // Hand-written: the Danish numeric date, no leading zeros, the same in both languages.
  it.each([
    ['2026-12-05', '5.12.2026'],
    ['2026-01-01', '1.1.2026'],
    ['2026-10-31', '31.10.2026'],
    ['2024-02-29', '29.2.2024'],
    ['2026-12-05T23:30:00.000Z', '5.12.2026'],
  ])('formats the calendar date %s as %s, without moving it to another day', (date, shown) => {
    expect(formatDate(date, 'da')).toBe(shown);
    expect(formatDate(date, 'en')).toBe(shown);
  });

  it('formats nothing as nothing', () => {
    expect(formatDate(null, 'da')).toBe('');
    expect(formatDateTime(undefined, 'da')).toBe('');
  });

  // Hand-written: Danish time (CET +1 in winter, CEST +2 in summer), 24-hour clock with a full stop.
  it.each([
    ['2026-12-05T09:46:43.000Z', '5.12.2026 10.46'],
    ['2026-12-05T23:30:00.000Z', '6.12.2026 00.30'],
    ['2026-07-01T06:05:00.000Z', '1.7.2026 08.05'],
    ['2026-03-29T00:59:00.000Z', '29.3.2026 01.59'],
    ['2026-03-29T01:00:00.000Z', '29.3.2026 03.00'],
  ])('formats the moment %s as %s in Danish time', (moment, shown) => {
    expect(formatDateTime(moment, 'en')).toBe(shown);
  });

  it.each([
    ['5.12.2026', '2026-12-05'],
    ['05.12.2026', '2026-12-05'],
    [' 5-12-2026 ', '2026-12-05'],
    ['5/12/2026', '2026-12-05'],
    ['05122026', '2026-12-05'],
    ['29.2.2024', '2024-02-29'],
    ['2026-12-05', '2026-12-05'],
  ])('reads the typed date %s as %s', (typed, iso) => {
    expect(parseDanishDate(typed)).toBe(iso);
  });

  it.each(['', '2026-13-05', '2026-02-30', '12/5', '32.1.2026', '29.2.2026', '0.1.2026', '1.13.2026', '5.12.26', 'i morgen'])('refuses %p as a date', (typed) => {
    expect(parseDanishDate(typed)).toBeNull();
  });

  it('shows and reads a month as month.year', () => {
    expect(formatMonth('2026-03')).toBe('3.2026');
    expect(parseDanishMonth('3.2026')).toBe('2026-03');
    expect(parseDanishMonth('03-2026')).toBe('2026-03');
    expect(parseDanishMonth('13.2026')).toBeNull();
    expect(parseDanishMonth('2026-03')).toBe('2026-03');
    expect(parseDanishMonth('2026-13')).toBeNull();
    expect(parseDanishMonth('3.26')).toBeNull();
  });

  it('shows and reads a date-time input as "5.12.2026 10.46"', () => {
    expect(formatLocalDateTime('2026-12-05T10:46')).toBe('5.12.2026 10.46');
    expect(formatLocalDateTime('2026-01-01T00:05')).toBe('1.1.2026 00.05');
    expect(toLocalDateTime('2026-12-05T10:46')).toBe('2026-12-05T10:46');
    expect(toLocalDateTime(null)).toBe('');
    expect(parseDanishDateTime('5.12.2026 10.46')).toBe('2026-12-05T10:46');
    expect(parseDanishDateTime('05.12.2026 kl. 9:05')).toBe('2026-12-05T09:05');
    expect(parseDanishDateTime('2026-12-05T10:46')).toBe('2026-12-05T10:46');
    expect(parseDanishDateTime('5.12.2026')).toBeNull();
    expect(parseDanishDateTime('5.12.2026 24.00')).toBeNull();
    expect(parseDanishDateTime('31.11.2026 10.00')).toBeNull();
  });

  it('takes today as the Danish date, which is already tomorrow in UTC after Danish midnight', () => {
    expect(todayLocal(new Date('2026-12-04T23:30:00Z'))).toBe('2026-12-05');
    expect(todayLocal(new Date('2026-07-04T21:59:00Z'))).toBe('2026-07-04');
  });
  // Hand-written: a date's day and month; a moment's in Copenhagen time (23:30 UTC on 8 Nov is 9 Nov in Denmark).
  it.each([
    ['2026-11-09', '9.11.'],
    ['2026-01-05', '5.1.'],
    ['2026-11-08T23:30:00.000Z', '9.11.'],
    ['2026-07-04T21:59:00.000Z', '4.7.'],
    [null, ''],
  ])('writes the day %s without its year as %s', (value, shown) => {
    expect(formatDayMonth(value)).toBe(shown);
  });
});
