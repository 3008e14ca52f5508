import { formatDate, nowLocalDateTime, todayLocal } from './dates';

describe('dates', () => {
  it("gives today and now in the browser's time zone, as the inputs take them", () => {
    const moment = new Date(2026, 0, 5, 7, 9, 30);
    expect(todayLocal(moment)).toBe('2026-01-05');
    expect(nowLocalDateTime(moment)).toBe('2026-01-05T07:09');
  });

  it('formats a calendar date without moving it to another day', () => {
    expect(formatDate('2026-01-01', 'en')).toBe('1 Jan 2026');
    expect(formatDate(null, 'da')).toBe('');
  });

  it('takes today as the Danish date, which is already tomorrow in UTC after Danish midnight', () => {
    expect(todayLocal(new Date('2026-12-04T23:30:00Z'))).toBe('2026-12-05');
    expect(todayLocal(new Date('2026-07-04T21:59:00Z'))).toBe('2026-07-04');
  });
});
