import { danishToday } from '@outcomes/domain';

const LOCALES: Record<string, string> = { da: 'da-DK', en: 'en-GB' };

export const intlLocale = (locale: string): string => LOCALES[locale] ?? locale;

const pad = (n: number): string => String(n).padStart(2, '0');

/** Today, YYYY-MM-DD: the Danish date (libs/domain danishToday), the API's today, wherever the browser is. */
export function todayLocal(now: Date = new Date()): string {
  return danishToday(now);
}

/** Now in the browser's time zone to the minute, YYYY-MM-DDTHH:mm (a datetime-local input's value). */
export function nowLocalDateTime(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** A calendar date (YYYY-MM-DD) in the language's format; no time zone can move it to another day. */
export function formatDate(date: string | null | undefined, locale: string): string {
  if (!date) return '';
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A moment (ISO date-time) in the browser's time zone and the language's format, to the minute. */
export function formatDateTime(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}
