import { DANISH_TIME_ZONE } from '@outcomes/domain';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const danishClock = new Intl.DateTimeFormat('en-US', {
  timeZone: DANISH_TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** How far Danish clocks are ahead of UTC at an instant (one or two hours), in ms. */
function danishOffset(at: number): number {
  const part = Object.fromEntries(danishClock.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(part['year'] as number, (part['month'] as number) - 1, part['day'], part['hour'], part['minute'], part['second']) - Math.floor(at / 1000) * 1000;
}

/** The instant a calendar day begins in Denmark (clocks change at 02:00 or 03:00, never at midnight). */
function danishMidnight(year: number, month: number, day: number): number {
  const asIfUtc = Date.UTC(year, month - 1, day);
  return asIfUtc - danishOffset(asIfUtc - danishOffset(asIfUtc));
}

/**
 * The lists whose period filters are date inputs (`DanishDateInput`, a calendar day such as
 * `2026-11-25`) on columns that hold instants: the access log's `at`, a session's `startsAt`.
 */
export const DAY_FILTERED_FIELDS: Record<string, readonly string[]> = {
  'access-log': ['at'],
  sessions: ['startsAt'],
};

/** A Danish day's first instant, or (end) its last microsecond, as ISO (PostgreSQL keeps microseconds). */
function dayBoundary(day: string, end: boolean): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  if (!end) return new Date(danishMidnight(year, month, date)).toISOString();
  return new Date(danishMidnight(year, month, date + 1) - 1).toISOString().replace(/Z$/, '999Z');
}

/**
 * The API filters those columns on instants. "From" a day means from the start of that day, "to" a
 * day up to and including the whole of it, both Danish days, as the app shows every time in Danish
 * time wherever the browser is (common/dates.ts): sent as the bare day, "to 2 November" reached the
 * database as midnight UTC at its start and left the day's sessions out. Empty inputs are dropped;
 * values that are instants already pass as they are.
 */
export function dayFilter(filter: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === '' || value === null || value === undefined) continue;
    const bound = fields.flatMap((field) => (key === `${field}_gte` ? ['start'] : key === `${field}_lte` ? ['end'] : []))[0];
    out[key] = bound && typeof value === 'string' && DATE.test(value) ? dayBoundary(value, bound === 'end') : value;
  }
  return out;
}
