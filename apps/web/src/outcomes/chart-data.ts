import type { CompositeDomain, OutcomeReport, ProportionFigure, PublishedResult, Timepoint } from '@outcomes/contracts';
import { COMPOSITE_DOMAINS } from '@outcomes/contracts';

/** A 95 % interval in the chart's units, lower bound first: drawn as an error bar from one to the other. */
export type Interval = [lower: number, upper: number];

/** One timepoint of the drug-free chart, in percent; null where the rate is hidden or has no one behind it. */
export interface DrugFreeBar {
  timepoint: Timepoint;
  assessed: number | null;
  assessedCi: Interval | null;
  /** The unassessed counted as not drug-free. */
  all: number | null;
  allCi: Interval | null;
}

const percentWithInterval = (figure: ProportionFigure | null): [number | null, Interval | null] => {
  if (figure === null || figure.p === null || figure.lower === null || figure.upper === null) return [null, null];
  return [figure.p * 100, [figure.lower * 100, figure.upper * 100]];
};

export function drugFreeBars(drugFree: OutcomeReport['drugFree']): DrugFreeBar[] {
  return drugFree.map((row) => {
    const [assessed, assessedCi] = percentWithInterval(row.rateAssessed);
    const [all, allCi] = percentWithInterval(row.rateAll);
    return { timepoint: row.timepoint, assessed, assessedCi, all, allCi };
  });
}

/** A published result drawn as a horizontal line across the drug-free chart. */
export interface BenchmarkLine {
  programmeCode: string;
  published: PublishedResult;
  /** The programme's timepoint it is compared at. */
  timepoint: Timepoint;
  percent: number;
}

export function benchmarkLines(benchmarks: OutcomeReport['benchmarks']): BenchmarkLine[] {
  return benchmarks.map(({ published, timepoint }) => ({
    programmeCode: published.programmeCode,
    published,
    timepoint,
    percent: published.proportion * 100,
  }));
}

/**
 * One ASI domain of the change chart: per timepoint its mean change from intake (`mean:<timepoint>`)
 * and its 95 % interval (`ci:<timepoint>`), both null where hidden or under two pairs.
 */
export type AsiChangeRow = { domain: CompositeDomain } & Record<`mean:${Timepoint}`, number | null> & Record<`ci:${Timepoint}`, Interval | null>;

export const meanKey = (timepoint: Timepoint): `mean:${Timepoint}` => `mean:${timepoint}`;
export const ciKey = (timepoint: Timepoint): `ci:${Timepoint}` => `ci:${timepoint}`;

/** The timepoints of the change chart, in the report's order (end, then the follow-ups). */
export function asiTimepoints(asiChange: OutcomeReport['asiChange']): Timepoint[] {
  return [...new Set(asiChange.map((c) => c.timepoint))];
}

export function asiChangeRows(asiChange: OutcomeReport['asiChange']): AsiChangeRow[] {
  return COMPOSITE_DOMAINS.map((domain) => {
    const row = { domain } as AsiChangeRow;
    for (const { timepoint, change } of asiChange.filter((c) => c.domain === domain)) {
      row[meanKey(timepoint)] = change ? change.mean : null;
      row[ciKey(timepoint)] = change ? [change.lower, change.upper] : null;
    }
    return row;
  });
}

/**
 * Half the width of the change chart's axis, symmetric around 0 so improvement and worsening look
 * alike: the widest interval rounded up to a tenth (composites run 0-1, so a change stays within ±1).
 */
export function changeAxisLimit(asiChange: OutcomeReport['asiChange']): number {
  const extent = Math.max(0, ...asiChange.flatMap(({ change }) => (change ? [Math.abs(change.lower), Math.abs(change.upper)] : [])));
  return Math.min(1, Math.max(0.1, Math.ceil(extent * 10 - 1e-9) / 10));
}
