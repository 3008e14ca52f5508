/**
 * Whole calendar months, as evaluators' report periods and export projects take them (docs/disclosure.md:
 * no day-level bounds). A month is 'YYYY-MM' (a month input's value); a period is its first and last
 * day, 'YYYY-MM-DD', as the API takes it.
 */

const MONTH = /^(\d{4})-(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The least number of months in an evaluator's report period: the API's rule, from the one place it is set. */
export { MIN_REPORT_MONTHS } from '@outcomes/domain';

const pad = (n: number): string => String(n).padStart(2, '0');

function parseMonth(month: string): [year: number, month: number] | null {
  const match = MONTH.exec(month);
  if (!match) return null;
  const [y, m] = [Number(match[1]), Number(match[2])];
  return m >= 1 && m <= 12 ? [y, m] : null;
}

/** Days in month m (1-12) of year y; Date.UTC with day 0 is the last day of the month before. */
const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** '2025-02' → '2025-02-01'; '' for anything not a month. */
export function firstDayOf(month: string): string {
  const parsed = parseMonth(month);
  return parsed ? `${parsed[0]}-${pad(parsed[1])}-01` : '';
}

/** '2025-02' → '2025-02-28'; '' for anything not a month. */
export function lastDayOf(month: string): string {
  const parsed = parseMonth(month);
  return parsed ? `${parsed[0]}-${pad(parsed[1])}-${pad(daysIn(...parsed))}` : '';
}

/** '2025-02-14' → '2025-02' (what a month input shows for a date); '' for anything not a date. */
export const monthOf = (date: string | null | undefined): string => (date && DATE.test(date) ? date.slice(0, 7) : '');

/** Whether a date is the first day of its month. */
export const isFirstDay = (date: string): boolean => DATE.test(date) && date.endsWith('-01');

/** Whether a date is the last day of its month. */
export const isLastDay = (date: string): boolean => DATE.test(date) && lastDayOf(date.slice(0, 7)) === date;

/** Calendar months from the month of `from` to the month of `to`, both counted; 0 or less when reversed. */
export function monthsSpanned(from: string, to: string): number {
  const a = parseMonth(monthOf(from));
  const b = parseMonth(monthOf(to));
  if (!a || !b) return 0;
  return (b[0] - a[0]) * 12 + (b[1] - a[1]) + 1;
}

/** The month before the one of `today`: the last month that is over. */
export function previousMonth(today: string): string {
  const parsed = parseMonth(monthOf(today));
  if (!parsed) return '';
  const [y, m] = parsed;
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}
