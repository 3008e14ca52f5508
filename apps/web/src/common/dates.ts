import { DANISH_TIME_ZONE, danishToday } from '@outcomes/domain';

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

/**
 * The app's one date format, the Danish numeric one (Dansk Sprognævn, Retskrivningsordbogen §
 * "datoer"; borger.dk and the CPR office write it so): day.month.year without leading zeros,
 * "5.12.2026"; a time of day with a full stop, "10.46" (24-hour clock). The same on Danish and
 * English pages, so a date reads the same on every page and in every screenshot a user sends.
 */
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})/;


/** A calendar date (YYYY-MM-DD, or the date part of an ISO string) as "5.12.2026"; no time zone can move it to another day. */
export function formatDate(date: string | null | undefined, _locale?: string): string {
  if (!date) return '';
  const match = DATE_ONLY.exec(date);
  if (!match) return date;
  return `${Number(match[3])}.${Number(match[2])}.${match[1]}`;
}

const MOMENT_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: DANISH_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A moment (ISO date-time) in Danish time as "5.12.2026 10.46": the date as formatDate, the time to the minute. */
export function formatDateTime(value: string | null | undefined, _locale?: string): string {
  if (!value) return '';
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return value;
  const part = (type: Intl.DateTimeFormatPartTypes): string => MOMENT_PARTS.formatToParts(at).find((p) => p.type === type)?.value ?? '';
  return `${Number(part('day'))}.${Number(part('month'))}.${part('year')} ${part('hour')}.${part('minute')}`;
}

/** A moment's or date's day in Danish time without the year, "9.11.", where the year is plain from the page (a course's columns). */
export function formatDayMonth(value: string | null | undefined): string {
  if (!value) return '';
  const full = value.length === 10 ? formatDate(value) : formatDateTime(value);
  const match = /^(\d{1,2})\.(\d{1,2})\./.exec(full);
  return match ? `${match[1]}.${match[2]}.` : '';
}

/**
 * A date the user typed in the Danish way (5.12.2026, 05.12.2026, 5-12-2026, 5/12/2026, 05122026) as
 * YYYY-MM-DD; also ISO 2026-12-05 as it is (a pasted date, unambiguous). Null when it is no real date.
 */
export function parseDanishDate(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const match = iso ? [trimmed, iso[3], iso[2], iso[1]] : (/^(\d{1,2})[.\-/ ](\d{1,2})[.\-/ ](\d{4})$/.exec(trimmed) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(trimmed));
  if (!match) return null;
  const [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || y < 1000) return null;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** A month (YYYY-MM) as "12.2026", the Danish numeric month; what a month input shows. */
export function formatMonth(month: string | null | undefined): string {
  if (!month) return '';
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  return match ? `${Number(match[2])}.${match[1]}` : month;
}

/** A month the user typed (12.2026, 12-2026, 12/2026; ISO 2026-12 as it is) as YYYY-MM; null when it is no month. */
export function parseDanishMonth(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})$/.exec(trimmed);
  const match = iso ? [trimmed, iso[2], iso[1]] : /^(\d{1,2})[.\-/ ](\d{4})$/.exec(trimmed);
  if (!match) return null;
  const [m, y] = [Number(match[1]), Number(match[2])];
  return m >= 1 && m <= 12 && y >= 1000 ? `${y}-${pad(m)}` : null;
}

const LOCAL_MOMENT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** A moment as a datetime input holds it: the browser's local YYYY-MM-DDTHH:mm ('' for none), from that or an ISO instant. */
export function toLocalDateTime(value: string | null | undefined): string {
  if (!value) return '';
  if (LOCAL_MOMENT.test(value)) return value;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? '' : nowLocalDateTime(at);
}

/** YYYY-MM-DDTHH:mm as "5.12.2026 10.46", the app's format, with no time zone to move it. */
export function formatLocalDateTime(local: string): string {
  const match = LOCAL_MOMENT.exec(local);
  return match ? `${Number(match[3])}.${Number(match[2])}.${match[1]} ${match[4]}.${match[5]}` : '';
}

/** A moment the user typed the Danish way ("5.12.2026 10.46", "05.12.2026 kl. 10:46") as YYYY-MM-DDTHH:mm; null when it is none. */
export function parseDanishDateTime(text: string): string | null {
  const trimmed = text.trim();
  if (LOCAL_MOMENT.test(trimmed)) return parseDanishDate(trimmed.slice(0, 10)) ? trimmed : null;
  const match = /^(\S+)\s+(?:kl\.?\s*)?(\d{1,2})[.:](\d{2})$/.exec(trimmed);
  if (!match) return null;
  const day = parseDanishDate(match[1] ?? '');
  const [h, m] = [Number(match[2]), Number(match[3])];
  if (!day || h > 23 || m > 59) return null;
  return `${day}T${pad(h)}:${pad(m)}`;
}
