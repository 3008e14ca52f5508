import type { CompositeDomain, Timepoint } from './assessment';

export interface ProportionFigure {
  successes: number;
  n: number;
  p: number | null;
  lower: number | null;
  upper: number | null;
}

export interface ChangeFigure {
  n: number;
  mean: number;
  sd: number;
  lower: number;
  upper: number;
  effectSize: number | null;
}

/** A published result to compare with (DOMAIN.md), stored as data with its source text. */
export interface PublishedResult {
  programmeCode: string;
  measure: 'drug-free';
  timepoint: Timepoint;
  population: 'completers' | 'all';
  proportion: number;
  source: string;
}

/**
 * One programme in one municipality over a referral period. For evaluators, every count under 5 is
 * null (suppressed, with a second cell where the first could be recovered from a total), and so is
 * every figure resting on one; `suppressed` says whether any was.
 */
export interface OutcomeReport {
  programmeId: string;
  municipalityId: string;
  from: string;
  to: string;
  disclosureControlled: boolean;
  suppressed: boolean;
  counts: { referred: number | null; started: number | null; completed: number | null; droppedOut: number | null; transferred: number | null; cancelled: number | null; open: number | null };
  /** Completed of those who ended (completed + dropped out). */
  completionRate: ProportionFigure | null;
  /** Sessions attended against the protocol's expected sessions, per ended enrolment. */
  retention: { n: number; median: number; q1: number; q3: number } | null;
  drugFree: {
    timepoint: Timepoint;
    /** Enrolments that owed this assessment by now. */
    due: number | null;
    assessed: number | null;
    /** Of those assessed. */
    rateAssessed: ProportionFigure | null;
    /** Of all who owed it, the unassessed counted as not drug-free: attrition is never hidden. */
    rateAll: ProportionFigure | null;
    /** The follow-up rate: assessed of due. */
    followUpRate: ProportionFigure | null;
  }[];
  asiChange: { timepoint: Timepoint; domain: CompositeDomain; change: ChangeFigure | null }[];
  benchmarks: { published: PublishedResult; observed: ProportionFigure | null; pValue: number | null }[];
  economy: { staffMinutes: number; perCitizen: number | null; perCompleter: number | null; perDrugFreeCompleter: number | null; hourlyRate: number | null; cost: number | null };
}
