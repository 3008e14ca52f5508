import { addDays, dayKey, isoWeek, lastSlot, mondayOf, parseDay, placeInLanes, slotInWeek, weekdayName, weekFilter } from './week';

describe('calendar weeks', () => {
  it('finds the Monday of any day of the week, across a month', () => {
    expect(dayKey(mondayOf(new Date(2026, 10, 25, 15, 0)))).toBe('2026-11-23');
    expect(dayKey(mondayOf(new Date(2026, 10, 29, 23, 59)))).toBe('2026-11-23');
    expect(dayKey(mondayOf(new Date(2026, 10, 30, 0, 0)))).toBe('2026-11-30');
    expect(dayKey(mondayOf(new Date(2026, 2, 1)))).toBe('2026-02-23');
    expect(dayKey(addDays(parseDay('2026-12-28'), 7))).toBe('2027-01-04');
  });

  it('numbers weeks as ISO 8601 does (Danish week numbers)', () => {
    expect(isoWeek(new Date(2026, 0, 1))).toBe(1);
    expect(isoWeek(new Date(2026, 10, 25))).toBe(48);
    expect(isoWeek(new Date(2027, 0, 3))).toBe(53);
    expect(isoWeek(new Date(2027, 0, 4))).toBe(1);
  });

  it('filters a whole local week, Monday midnight to just before the next', () => {
    const week = weekFilter(parseDay('2026-11-23'));
    expect(new Date(week.startsAt_gte).getTime()).toBe(new Date(2026, 10, 23).getTime());
    expect(new Date(week.startsAt_lte).getTime()).toBe(new Date(2026, 10, 30).getTime() - 1);
  });

  it("places a standing group's slot in a week, and finds the last one begun", () => {
    const slot = slotInWeek(parseDay('2026-11-23'), 3, '19:00');
    expect(slot.getTime()).toBe(new Date(2026, 10, 25, 19, 0).getTime());
    expect(lastSlot(3, '19:00', new Date(2026, 10, 25, 20, 0)).getTime()).toBe(slot.getTime());
    expect(lastSlot(3, '19:00', new Date(2026, 10, 25, 18, 0)).getTime()).toBe(new Date(2026, 10, 18, 19, 0).getTime());
  });

  it('names weekdays in Danish and English', () => {
    expect(weekdayName(1, 'da')).toBe('mandag');
    expect(weekdayName(7, 'en')).toBe('Sunday');
  });

  it('puts overlapping meetings side by side and lone ones full width', () => {
    const placed = placeInLanes([
      { start: 600, end: 690, id: 'a' },
      { start: 630, end: 720, id: 'b' },
      { start: 700, end: 760, id: 'c' },
      { start: 900, end: 960, id: 'd' },
    ]);
    const byId = Object.fromEntries(placed.map((p) => [p.item.id, [p.lane, p.lanes]]));
    expect(byId).toEqual({ a: [0, 2], b: [1, 2], c: [0, 2], d: [0, 1] });
  });
});
