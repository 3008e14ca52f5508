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

const danishClock = new Intl.DateTimeFormat('en-US', {
  timeZone: DANISH_TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** Date.UTC for any year 1-9999 (Date.UTC reads years 0-99 as 1900-1999); days past a month's end roll over. */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  date.setUTCFullYear(year + (date.getUTCFullYear() - 2000));
  return date.getTime();
}

/** How far Danish clocks are ahead of UTC at an instant (one or two hours, by the time zone data of the runtime), in ms. */
function danishOffset(at: number): number {
  const part = Object.fromEntries(danishClock.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  return utcMs(part['year'] as number, part['month'] as number, part['day'] as number, part['hour'], part['minute'], part['second']) - Math.floor(at / 1000) * 1000;
}

/** The instant (ms) a Danish calendar day begins: Danish clocks change at 02:00 or 03:00, never at midnight. */
function danishMidnight(day: string, plusDays = 0): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const asIfUtc = utcMs(year, month, date + plusDays);
  return asIfUtc - danishOffset(asIfUtc - danishOffset(asIfUtc));
}

/** The first instant of a Danish calendar day (YYYY-MM-DD), as ISO 8601 in UTC: 2026-12-06 → 2026-12-05T23:00:00.000Z. */
export function danishDayStart(day: string): string {
  const start = new Date(danishMidnight(day)).toISOString();
  // 1 January of year 1 began in Denmark in year 0 by UTC, which PostgreSQL cannot read: its first UTC instant instead.
  return start.startsWith('0000-') ? '0001-01-01T00:00:00.000Z' : start;
}

/**
 * The last instant of a Danish calendar day, to the microsecond PostgreSQL keeps: 2026-12-06 →
 * 2026-12-06T22:59:59.999999Z. A day is 23 hours long when the clocks go forward, 25 when they go back.
 */
export function danishDayEnd(day: string): string {
  return new Date(danishMidnight(day, 1) - 1).toISOString().replace(/Z$/, '999Z');
}
