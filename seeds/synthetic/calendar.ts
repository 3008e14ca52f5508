import { addMonths, isoWeekday } from '@outcomes/domain';

// Dates as day numbers, memoised both ways: the generator adds days millions of times at national
// scale, and a Date round trip per call was its largest cost. The caches hold at most a few
// thousand distinct days.
const dayOf = new Map<string, number>();
const dateOf = new Map<number, string>();

function toDay(date: string): number {
  let day = dayOf.get(date);
  if (day === undefined) {
    day = Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
    dayOf.set(date, day);
  }
  return day;
}

function fromDay(day: number): string {
  let date = dateOf.get(day);
  if (date === undefined) {
    date = new Date(day * 86_400_000).toISOString().slice(0, 10);
    dateOf.set(day, date);
  }
  return date;
}

/** Calendar arithmetic on YYYY-MM-DD strings, in UTC so no time zone moves a date. */
export function addDays(date: string, days: number): string {
  return fromDay(toDay(date) + days);
}

export function daysBetween(from: string, to: string): number {
  return toDay(to) - toDay(from);
}

/** The first date on or after `date` that falls on `weekday`. */
export function nextWeekday(date: string, weekday: number): string {
  return addDays(date, (weekday - isoWeekday(date) + 7) % 7);
}

/** A Danish local wall-clock time; the loader turns it into an instant with the right DST offset (copenhagen-time.ts). */
export function localTime(date: string, hour: number, minute = 0): string {
  return `${date} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

export { addMonths };
