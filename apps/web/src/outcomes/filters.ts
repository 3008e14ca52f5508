import type { OutcomeQuery } from './use-outcome-report';

/** The dashboard's filters as the inputs hold them; '' is "not chosen". */
export type OutcomeFilterValues = OutcomeQuery;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** From 1 January last year until today: long enough for most follow-ups to have fallen due. */
export function defaultFilters(municipalityId: string, today: string): OutcomeFilterValues {
  return { programmeId: '', municipalityId, from: `${Number(today.slice(0, 4)) - 1}-01-01`, to: today };
}

export const periodIsReversed = ({ from, to }: OutcomeFilterValues): boolean => DATE.test(from) && DATE.test(to) && to < from;

/** The query to ask the API, or null while a filter is missing or the period is impossible. */
export function reportQuery(values: OutcomeFilterValues): OutcomeQuery | null {
  const complete = values.programmeId !== '' && values.municipalityId !== '' && DATE.test(values.from) && DATE.test(values.to);
  return complete && !periodIsReversed(values) ? values : null;
}
