/**
 * GDPR art. 12(3): a data subject's request is answered "without undue delay and in any event within
 * one month of receipt of the request". The month is counted as the EU's rule on periods
 * (Regulation 1182/71 art. 3(2)(c)) counts it: it ends on the same day of the next month, or on that
 * month's last day when it has no such day (31 January → 28 or 29 February). Dates are YYYY-MM-DD.
 */
export function accessRequestDueOn(requestedOn: string): string {
  const [y, m, d] = requestedOn.split('-').map(Number) as [number, number, number];
  const nextMonth = m === 12 ? 1 : m + 1;
  const year = m === 12 ? y + 1 : y;
  const lastDay = new Date(Date.UTC(year, nextMonth, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${year}-${String(nextMonth).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
