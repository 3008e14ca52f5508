import { firstDayOf, isFirstDay, isLastDay, lastDayOf, monthOf, monthsSpanned, previousMonth } from './months';

describe('whole months', () => {
  it('give a month’s first and last day, leap years included', () => {
    expect(firstDayOf('2025-02')).toBe('2025-02-01');
    expect(lastDayOf('2025-02')).toBe('2025-02-28');
    expect(lastDayOf('2024-02')).toBe('2024-02-29');
    expect(lastDayOf('1900-02')).toBe('1900-02-28');
    expect(lastDayOf('2000-02')).toBe('2000-02-29');
    expect(lastDayOf('2025-04')).toBe('2025-04-30');
    expect(lastDayOf('2025-12')).toBe('2025-12-31');
  });

  it('give nothing for what is not a month (a half-typed input)', () => {
    expect(firstDayOf('')).toBe('');
    expect(lastDayOf('2025-13')).toBe('');
    expect(lastDayOf('2025-2')).toBe('');
    expect(monthOf('2025-02')).toBe('');
    expect(monthOf(undefined)).toBe('');
  });

  it('read a date’s month and whether it is the first or last day', () => {
    expect(monthOf('2025-02-14')).toBe('2025-02');
    expect(isFirstDay('2025-02-01')).toBe(true);
    expect(isFirstDay('2025-02-02')).toBe(false);
    expect(isLastDay('2025-02-28')).toBe(true);
    expect(isLastDay('2024-02-28')).toBe(false);
    expect(isLastDay('2025-06-30')).toBe(true);
  });

  it('count the months of a period, both ends included', () => {
    // February, March, April.
    expect(monthsSpanned('2025-02-01', '2025-04-30')).toBe(3);
    expect(monthsSpanned('2025-02-01', '2025-03-31')).toBe(2);
    // November, December, January across the new year.
    expect(monthsSpanned('2024-11-01', '2025-01-31')).toBe(3);
    expect(monthsSpanned('2025-02-01', '2025-02-28')).toBe(1);
    expect(monthsSpanned('2025-03-01', '2025-02-28')).toBe(0);
    expect(monthsSpanned('', '2025-02-28')).toBe(0);
  });

  it('know the last month that is over', () => {
    expect(previousMonth('2026-12-05')).toBe('2026-11');
    expect(previousMonth('2026-01-31')).toBe('2025-12');
  });
});
