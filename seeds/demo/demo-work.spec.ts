import { addDays, isoWeekday, lastWeekdayBefore } from './demo-work';

describe('the demo calendar', () => {
  it.each([
    ['2026-12-05', 6], // Saturday
    ['2026-12-07', 1], // Monday
    ['2026-12-01', 2], // Tuesday
    ['2027-01-03', 7], // Sunday
  ])('%s is weekday %i', (day, weekday) => expect(isoWeekday(day)).toBe(weekday));

  it.each([
    ['2026-12-05', 2, '2026-12-01'], // Saturday → the Tuesday before
    ['2026-12-01', 2, '2026-11-24'], // a Tuesday → the one a week before, never today
    ['2026-12-02', 2, '2026-12-01'], // Wednesday → yesterday
    ['2026-12-05', 6, '2026-11-28'], // Saturday → last Saturday
    ['2027-01-01', 4, '2026-12-31'], // across the new year
  ])('before %s, the latest weekday %i is %s', (today, weekday, expected) => expect(lastWeekdayBefore(today, weekday)).toBe(expected));

  it.each([
    ['2026-03-28', 1, '2026-03-29'], // across the spring clock change
    ['2026-12-05', -740, '2024-11-25'],
    ['2024-02-28', 1, '2024-02-29'],
  ])('%s plus %i days is %s', (day, days, expected) => expect(addDays(day, days)).toBe(expected));
});
