import { lastWeekdayBefore } from './demo-work';

describe('the demo calendar', () => {
  it.each([
    ['2026-12-05', 2, '2026-12-01'], // Saturday → the Tuesday before
    ['2026-12-01', 2, '2026-11-24'], // a Tuesday → the one a week before, never today
    ['2026-12-02', 2, '2026-12-01'], // Wednesday → yesterday
    ['2026-12-05', 6, '2026-11-28'], // Saturday → last Saturday
    ['2027-01-01', 4, '2026-12-31'], // across the new year
  ])('before %s, the latest weekday %i is %s', (today, weekday, expected) => expect(lastWeekdayBefore(today, weekday)).toBe(expected));
});
