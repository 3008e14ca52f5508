/**
 * Dates as the product counts them: the Danish calendar (Europe/Copenhagen), never the UTC date, which
 * is yesterday between Danish midnight and 01:00 (02:00 in summer). Written here with Intl rather than
 * imported from libs/domain, so the browser tests check the app's dates against a second implementation.
 */
const COPENHAGEN = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' });

/** Today's Danish date, as YYYY-MM-DD. */
export const danishToday = (): string => COPENHAGEN.format(new Date());

/** A calendar date moved by whole days (UTC arithmetic on a date, so no clock change shifts it). */
export const addDays = (date: string, days: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

/** The Danish date `days` from today (negative: before), as YYYY-MM-DD. */
export const danishDaysFromToday = (days: number): string => addDays(danishToday(), days);

/** The Monday of the Danish week `weeks` from this one (negative: before), as YYYY-MM-DD. */
export const mondayOfWeek = (weeks: number): string => {
  const today = danishToday();
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday 0
  return addDays(today, -weekday + 7 * weeks);
};

/** The Danish date moved by whole months; a day past the month's end rolls over, as JS's Date does. */
export const danishMonthsFromToday = (months: number): string => {
  const [y, m, d] = danishToday().split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
};

/** The first day of the Danish month `months` from this one (day 1), or the last day of the month before it (day 0). */
export const danishMonthDay = (months: number, day: 0 | 1): string => {
  const [y, m] = danishToday().split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + months, day)).toISOString().slice(0, 10);
};

/** A YYYY-MM-DD date as a person types it in a Danish date box: 2026-12-06 → "6.12.2026". */
export const typedDanish = (date: string): string => `${Number(date.slice(8, 10))}.${Number(date.slice(5, 7))}.${date.slice(0, 4)}`;
