import { danishDayEnd, danishDayStart } from '@outcomes/domain';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The lists whose period filters are date inputs (`DanishDateInput`, a calendar day such as
 * `2026-11-25`) on columns that hold instants: the access log's `at`, a session's `startsAt`.
 */
export const DAY_FILTERED_FIELDS: Record<string, readonly string[]> = {
  'access-log': ['at'],
  sessions: ['startsAt'],
};

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
    out[key] = bound && typeof value === 'string' && DATE.test(value) ? (bound === 'end' ? danishDayEnd(value) : danishDayStart(value)) : value;
  }
  return out;
}
