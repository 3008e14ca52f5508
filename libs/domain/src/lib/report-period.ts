/** An evaluator's report covers at least this many whole calendar months (docs/disclosure.md). */
export const MIN_REPORT_MONTHS = 3;

const lastDayOfMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Why a period (YYYY-MM-DD, both days included) is not one an evaluator may ask for: null when it is
 * whole calendar months, at least three. Day-level bounds would let two reports a day apart be
 * differenced down to one person.
 */
export function evaluatorPeriodErrors(from: string, to: string): Record<string, string> | null {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const errors: Record<string, string> = {};
  if (fd !== 1) errors['from'] = 'from must be the first day of a month: evaluators’ reports cover whole calendar months';
  if (td !== lastDayOfMonth(ty, tm)) errors['to'] = 'to must be the last day of a month: evaluators’ reports cover whole calendar months';
  if (Object.keys(errors).length === 0 && (ty - fy) * 12 + (tm - fm) + 1 < MIN_REPORT_MONTHS) {
    errors['to'] = `the period must cover at least ${MIN_REPORT_MONTHS} whole months`;
  }
  return Object.keys(errors).length === 0 ? null : errors;
}
