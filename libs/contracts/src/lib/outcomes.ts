import type { CompositeDomain, Timepoint } from './assessment';

/**
 * A proportion with its 95 % Wilson interval. For evaluators both counts are perturbed (the cell key
 * method, docs/disclosure.md) and the interval is computed on the perturbed counts; the whole figure
 * is null when the perturbed denominator is under 10.
 */
export interface ProportionFigure {
  successes: number;
  n: number;
  p: number | null;
  lower: number | null;
  upper: number | null;
}

/**
 * A mean change with its interval. For evaluators `n` is perturbed and `mean` is the true sum over
 * the perturbed n; the interval, sd and effect size come from the true data; null when the perturbed
 * n is under 5.
 */
export interface ChangeFigure {
  n: number;
  mean: number;
  sd: number;
  lower: number;
  upper: number;
  effectSize: number | null;
}

/** Who a published figure counts: all who started (intention to treat), those who completed, or those assessed. */
export const PUBLISHED_POPULATIONS = ['all', 'completers', 'assessed'] as const;
export type PublishedPopulation = (typeof PUBLISHED_POPULATIONS)[number];

/**
 * A published result to compare with (docs/domain.md), stored as data with its source text: the figure,
 * the population it counts and the time it was measured, as the source says it.
 */
export interface PublishedResult {
  programmeCode: string;
  measure: 'drug-free';
  population: PublishedPopulation;
  /** When the source measured it: this many months after the start or after the end of treatment (0 after the end: at the end). */
  publishedMonths: number;
  publishedFrom: 'start' | 'end';
  proportion: number;
  source: string;
}

/**
 * A programme's own figure beside a published one, counted as the publication counts. The figure is
 * computed at the programme's timepoint nearest the published time (`timepoint`; `sameTime` false
 * when they differ, e.g. "nine months published; six-month follow-up here"), over the published
 * population's base (all who started, or the completers), both with the unassessed counted as not
 * drug-free (`intentionToTreat`) and over those assessed only (`assessed`). `compared` names the one
 * the published population matches, and the p-value (exact binomial, two-sided) tests that one.
 */
export interface BenchmarkFigure {
  published: PublishedResult;
  timepoint: Timepoint;
  /** The published time in months after the start of treatment, as this programme's protocol places the timepoint used (null when the protocol gives no length). */
  timepointMonthsFromStart: number | null;
  sameTime: boolean;
  intentionToTreat: ProportionFigure | null;
  assessed: ProportionFigure | null;
  compared: 'intentionToTreat' | 'assessed';
  pValue: number | null;
}

/** An evaluator's daily budget of distinct report queries (docs/disclosure.md: the averaging attack). */
export interface ReportBudget {
  used: number;
  limit: number;
  /** The Danish day the budget counts (YYYY-MM-DD); it starts again at midnight, Danish time. */
  day: string;
}

/** Enrolments of the report by state (referred: all of the period's referrals). */
export interface ReportCounts {
  referred: number | null;
  started: number | null;
  completed: number | null;
  droppedOut: number | null;
  transferred: number | null;
  cancelled: number | null;
  open: number | null;
}

/**
 * One programme in one municipality over a referral period.
 *
 * Staff and admins see their own municipality's exact figures. Evaluators see every number through
 * the cell key method (docs/disclosure.md): each count is perturbed by a small noise that is the same
 * wherever the same records are counted, totals included; a count under 5 after perturbation is null
 * (shown as "< 5"); proportions, means and quartiles follow the rules on their types. Evaluators'
 * periods are whole calendar months, at least three, and count against a daily budget.
 */
export interface OutcomeReport {
  programmeId: string;
  municipalityId: string;
  from: string;
  to: string;
  /** True for evaluators: every number is perturbed (and null counts are "< 5"). */
  disclosureControlled: boolean;
  /** True when any figure is null because of disclosure control. */
  suppressed: boolean;
  /** The programme's § 101 courses; anonymous courses (§ 101 a) are left out of every figure but `anonymousCounts`. */
  counts: ReportCounts;
  /**
   * Anonymous treatment (§ 101 a) counted apart, as the issue and Statistics Denmark keep it apart
   * (no CPR number, not in the register): the same counts over the anonymous courses only, under
   * the same disclosure control (perturbed for evaluators, "< 5" as null).
   */
  anonymousCounts: ReportCounts;
  /** Completed of those who ended (completed + dropped out). */
  completionRate: ProportionFigure | null;
  /**
   * Sessions attended against the protocol's expected sessions, per ended enrolment. For evaluators
   * `n` is perturbed, shown only when it is 20 or more, and each quartile only where at least 5
   * people share its value or lie on each side of it.
   */
  retention: { n: number; median: number | null; q1: number | null; q3: number | null } | null;
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
  benchmarks: BenchmarkFigure[];
  /**
   * Staff time. For evaluators the totals (`staffMinutes`, `cost`) are null and the per-person
   * figures are the true total over a perturbed count (null when that count is under 5).
   */
  economy: { staffMinutes: number | null; perCitizen: number | null; perCompleter: number | null; perDrugFreeCompleter: number | null; hourlyRate: number | null; cost: number | null };
  /** Evaluators only: the day's budget of distinct report queries, this one included. */
  budget: ReportBudget | null;
  /**
   * The referral years of the period whose courses retention has begun to erase, and whose figures
   * were kept as they stood before the first erasure (`GET /api/outcomes/kept`): the figures above
   * count only what remains, so for these years the kept report is where the erased courses went.
   */
  keptYears: number[];
}

/**
 * `GET /api/outcomes/kept`: a programme's figures for one referral year of a municipality, frozen by
 * the retention run that first erased a course of that year (decision 166): the outcome report of
 * [year-01-01, year-12-31] as it stood just before, disclosure-controlled for every reader (the
 * cell key method, counts under 5 withheld; decision 182), with no budget: a fixed snapshot answers
 * one question only. No citizen, no record, nothing finer than the year.
 */
export interface KeptOutcomeReport {
  programmeId: string;
  municipalityId: string;
  year: number;
  /** When it was kept: the retention run that first erased a course of the year. */
  keptAt: string;
  retentionRunId: string;
  report: OutcomeReport;
}

/** A referral year the next retention run would keep the figures of (its dry run lists them). */
export interface KeptYear {
  programmeId: string;
  year: number;
}
