import { danishDaysFromToday, danishToday } from '@outcomes/domain';

/**
 * "Today" in the tests is the API's today: the Danish calendar date (libs/domain danish-date.ts), not
 * the UTC date, which is yesterday between Danish midnight and 01:00 (02:00 in summer).
 */
export const today = (): string => danishToday();

/** The Danish date `days` from today (negative: before), as YYYY-MM-DD. */
export const daysFromToday = (days: number): string => danishDaysFromToday(days);
