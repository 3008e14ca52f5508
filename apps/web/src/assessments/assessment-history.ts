import type { Assessment, CompositeDomain, Timepoint } from '@outcomes/contracts';
import { COMPOSITE_DOMAINS, TIMEPOINTS } from '@outcomes/contracts';

export interface CompositeHistory {
  /** The interview dates, oldest first (YYYY-MM-DD). */
  dates: string[];
  /** Per domain, its composite at each date; null where it could not be computed. */
  series: Record<CompositeDomain, (number | null)[]>;
  /** The y-axis: 0..1 unless an unclamped composite lies outside (a high income, large amounts). */
  range: { min: number; max: number };
}

/** A citizen's composites over time, for the chart: oldest first; same-day interviews by timepoint order. */
export function compositeHistory(assessments: readonly Assessment[]): CompositeHistory {
  const sorted = [...assessments].sort((a, b) => a.date.localeCompare(b.date) || TIMEPOINTS.indexOf(a.timepoint) - TIMEPOINTS.indexOf(b.timepoint));
  const series = Object.fromEntries(COMPOSITE_DOMAINS.map((d) => [d, sorted.map((a) => a.composites[d])])) as Record<CompositeDomain, (number | null)[]>;
  const values = Object.values(series)
    .flat()
    .filter((v): v is number => v !== null);
  return { dates: sorted.map((a) => a.date), series, range: { min: Math.min(0, ...values), max: Math.max(1, ...values) } };
}

/** The timepoint a new interview on an enrolment most likely is: the first, in protocol order, not yet taken. */
export function nextTimepoint(taken: readonly Timepoint[]): Timepoint {
  return TIMEPOINTS.find((t) => t !== 'ad-hoc' && !taken.includes(t)) ?? 'ad-hoc';
}
