/**
 * "Today" is the Danish calendar date, wherever the server or the browser runs. The UTC date
 * (`toISOString().slice(0, 10)`) is yesterday between midnight and 01:00 (winter) or 02:00
 * (summer) in Denmark, which made an assessment dated today look like the future.
 */
export const DANISH_TIME_ZONE = 'Europe/Copenhagen';

const calendarDate = new Intl.DateTimeFormat('en-CA', { timeZone: DANISH_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Danish calendar date of an instant, as YYYY-MM-DD. */
export function danishDate(at: Date): string {
  const parts = Object.fromEntries(calendarDate.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

/** Today's date in Denmark, as YYYY-MM-DD. */
export function danishToday(now: Date = new Date()): string {
  return danishDate(now);
}

/** The calendar date `days` after (or before, when negative) a date, both YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 1 = Monday ... 7 = Sunday (ISO 8601, as the groups table counts) of a YYYY-MM-DD date. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

/** The Danish date `days` from today (a deadline, a limit on dates ahead). */
export function danishDaysFromToday(days: number, now: Date = new Date()): string {
  return addDays(danishToday(now), days);
}
