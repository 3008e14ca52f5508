import { isFirstDay, isLastDay, lastDayOf, MIN_REPORT_MONTHS, monthsSpanned, previousMonth } from '../common/months';
import type { OutcomeQuery } from './use-outcome-report';

/** The dashboard's filters as the inputs hold them; '' is "not chosen". */
export type OutcomeFilterValues = OutcomeQuery;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * From 1 January last year: long enough for most follow-ups to have fallen due. Staff until today;
 * evaluators (whole months only) until the end of the last month that is over.
 */
export function defaultFilters(municipalityId: string, today: string, wholeMonths = false): OutcomeFilterValues {
  const from = `${Number(today.slice(0, 4)) - 1}-01-01`;
  return { programmeId: '', municipalityId, from, to: wholeMonths ? lastDayOf(previousMonth(today)) : today };
}

/** What is wrong with a chosen period, before the API is asked (which refuses the same with a 400). */
export type PeriodProblem = 'reversed' | 'not_whole_months' | 'too_short';

export const periodIsReversed = ({ from, to }: OutcomeFilterValues): boolean => DATE.test(from) && DATE.test(to) && to < from;

/**
 * Evaluators' periods are whole calendar months, at least three (docs/disclosure.md, the
 * differencing attack); staff may choose any days.
 */
export function periodProblem(values: OutcomeFilterValues, wholeMonths: boolean): PeriodProblem | null {
  if (!DATE.test(values.from) || !DATE.test(values.to)) return null;
  if (periodIsReversed(values)) return 'reversed';
  if (!wholeMonths) return null;
  if (!isFirstDay(values.from) || !isLastDay(values.to)) return 'not_whole_months';
  return monthsSpanned(values.from, values.to) < MIN_REPORT_MONTHS ? 'too_short' : null;
}

/** The query to ask the API, or null while a filter is missing or the period breaks a rule. */
export function reportQuery(values: OutcomeFilterValues, wholeMonths = false): OutcomeQuery | null {
  const complete = values.programmeId !== '' && values.municipalityId !== '' && DATE.test(values.from) && DATE.test(values.to);
  return complete && periodProblem(values, wholeMonths) === null ? values : null;
}
