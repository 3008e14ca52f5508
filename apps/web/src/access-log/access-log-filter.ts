const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Midnight at the start (or the last millisecond) of a calendar day in the browser's time zone, as ISO. */
function dayBoundary(day: string, end: boolean): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const local = end ? new Date(year, month - 1, date, 23, 59, 59, 999) : new Date(year, month - 1, date);
  return local.toISOString();
}

/**
 * The period inputs give calendar days (`2026-11-25`); the API filters on instants. "From" means from
 * the start of that day, "to" up to and including the whole day, both in the user's own time zone.
 */
export function accessLogFilter(filter: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === '' || value === null || value === undefined) continue;
    if ((key === 'at_gte' || key === 'at_lte') && typeof value === 'string' && DATE.test(value)) {
      out[key] = dayBoundary(value, key === 'at_lte');
    } else {
      out[key] = value;
    }
  }
  return out;
}
