import { COMPOSITE_DOMAINS } from '@outcomes/contracts';
import type { BenchmarkFigure, ChangeFigure, CompositeDomain, EnrolmentState, OutcomeReport, ProportionFigure, PublishedResult, ReportBudget, ReportCounts, Timepoint } from '@outcomes/contracts';
import { benchmarkTimepoint, protocolTimepoints } from './benchmark-timepoint';
import { cellKey, perturb } from './disclosure/cell-key';
import { perturbedSum } from './disclosure/magnitude';
import type { PerturbationTable } from './disclosure/perturbation-table';
import { owesByToday } from './follow-up-schedule';
import { hasEnded, isOpen } from './enrolment-state';
import { DISCLOSURE_THRESHOLD, exactBinomialTest, pairedChange, pairedChangeOver, quartiles, wilson } from './statistics';

/** One enrolment of the report, with its secret record key (never part of the report). */
export interface ReportEnrolment {
  id: string;
  state: EnrolmentState;
  startDate: string | null;
  endDate: string | null;
  /** Sessions and group meetings attended, toward the protocol (attendance.ts: attendedTowardProtocol). */
  attended: number;
  /** Staff minutes spent on it. */
  minutes: number;
  recordKey: number;
  /** Anonymous treatment (Serviceloven § 101 a): counted apart, in `anonymousCounts` only. Absent: a § 101 course. */
  anonymous?: boolean;
}

export interface ReportAssessment {
  enrolmentId: string;
  timepoint: Timepoint;
  drugFree: boolean | null;
  scores: Partial<Record<CompositeDomain, number | null>>;
}

export interface ReportProtocol {
  expectedSessions: number | null;
  courseWeeks: number | null;
  followUpMonths: readonly number[];
  followUpWindowDays: number;
}

export interface OutcomeReportInput {
  programmeId: string;
  municipalityId: string;
  from: string;
  to: string;
  enrolments: readonly ReportEnrolment[];
  assessments: readonly ReportAssessment[];
  protocol: ReportProtocol;
  published: readonly PublishedResult[];
  hourlyRate: number | null;
  /** YYYY-MM-DD: which follow-ups are due. */
  today: string;
  /** The perturbation table for an evaluator's report; null: exact figures (staff and admins). */
  disclosure: PerturbationTable | null;
  budget: ReportBudget | null;
  /** The period's referral years whose figures retention kept (the API reads them); passed through. */
  keptYears: readonly number[];
}

/** Published counts under this are shown as "< 5". */
export const SMALLEST_PUBLISHED_COUNT = DISCLOSURE_THRESHOLD;
/** Proportions whose published denominator is under this are not shown. */
export const SMALLEST_PUBLISHED_DENOMINATOR = 10;
/** Quartiles need a published n of this many, and 5 people on or either side of each. */
export const SMALLEST_PUBLISHED_QUARTILE_N = 20;
/** The least noise scale of a sum of ASI changes (a tenth of the composite's 0-1 range), so that a sum of zero changes is perturbed too. */
export const SMALLEST_ASI_CHANGE_SCALE = 0.1;
/** The least noise scale of a sum of staff minutes: an hour. */
export const SMALLEST_MINUTES_SCALE = 60;

type Records = readonly ReportEnrolment[];

/**
 * How figures leave the building: exactly, or through the cell key method. Every count is the count
 * of a set of enrolments, published as perturb(size, key of the set), so the same set shows the same
 * value wherever it appears (counts.completed is completionRate.successes).
 */
class Publisher {
  suppressed = false;

  constructor(private readonly table: PerturbationTable | null) {}

  get controlled(): boolean {
    return this.table !== null;
  }

  count(records: Records): number {
    if (!this.table) return records.length;
    return perturb(records.length, cellKey(records.map((r) => r.recordKey)), this.table);
  }

  /** A figure withheld by disclosure control. */
  hide(): null {
    this.suppressed = true;
    return null;
  }

  shownCount(records: Records): number | null {
    const n = this.count(records);
    return this.controlled && n < SMALLEST_PUBLISHED_COUNT ? this.hide() : n;
  }

  /**
   * Successes of a base. Evaluators: both perturbed, hidden when the denominator is under 10 or the
   * numerator under 5 (it is a count like any other: shown as a number here, it would give away the
   * "< 5" beside it). The interval is on the perturbed counts; noise can lift the numerator over
   * the denominator, so p and the interval are capped at 1 while the numerator stays as published.
   */
  proportion(successes: Records, base: Records): ProportionFigure | null {
    const s = this.count(successes);
    const n = this.count(base);
    if (this.controlled && (n < SMALLEST_PUBLISHED_DENOMINATOR || s < SMALLEST_PUBLISHED_COUNT)) return this.hide();
    const figure = wilson(Math.min(s, n), n);
    return { ...figure, successes: s, p: figure.p === null ? null : Math.min(1, s / n) };
  }

  /**
   * A paired change; for evaluators the perturbed sum over the perturbed count, hidden under 5. The
   * sum is perturbed too: the true sum over a perturbed count gave the true sum back (mean × n), and
   * two reports a month apart then one person's exact change (the attacker suite found it).
   */
  change(pairs: readonly { record: ReportEnrolment; difference: number }[], measure: string): ChangeFigure | null {
    const differences = pairs.map((p) => p.difference);
    if (!this.controlled) return pairedChange(differences);
    if (pairs.length === 0) return null;
    const n = this.count(pairs.map((p) => p.record));
    if (n < SMALLEST_PUBLISHED_COUNT) return this.hide();
    const sum = perturbedSum(pairs.map((p) => ({ recordKey: p.record.recordKey, value: p.difference })), measure, SMALLEST_ASI_CHANGE_SCALE);
    return pairedChangeOver(differences, n, sum);
  }

}

const isEnded = (e: ReportEnrolment): boolean => hasEnded(e.state);

/** The enrolments of a set by state, each a count of a set of records (so perturbed consistently for evaluators). */
function countsOf(publisher: Publisher, enrolments: Records): ReportCounts {
  return {
    referred: publisher.shownCount(enrolments),
    started: publisher.shownCount(enrolments.filter((e) => e.startDate !== null)),
    completed: publisher.shownCount(enrolments.filter((e) => e.state === 'completed')),
    droppedOut: publisher.shownCount(enrolments.filter((e) => e.state === 'dropped_out')),
    transferred: publisher.shownCount(enrolments.filter((e) => e.state === 'transferred')),
    cancelled: publisher.shownCount(enrolments.filter((e) => e.state === 'cancelled')),
    open: publisher.shownCount(enrolments.filter((e) => isOpen(e.state))),
  };
}

/** Retention quartiles; for evaluators only where 5 people share the value or lie on each side of it. */
function retention(publisher: Publisher, ended: Records, expectedSessions: number | null): OutcomeReport['retention'] {
  if (!expectedSessions) return null;
  const values = ended.map((e) => e.attended / expectedSessions);
  const q = quartiles(values);
  if (!q) return null;
  const n = publisher.count(ended);
  if (!publisher.controlled) return { n, ...q };
  if (n < SMALLEST_PUBLISHED_QUARTILE_N) return publisher.hide();
  const safe = (value: number): number | null => {
    const same = values.filter((v) => Math.abs(v - value) < 1e-12).length;
    const below = values.filter((v) => v < value - 1e-12).length;
    const above = values.filter((v) => v > value + 1e-12).length;
    return same >= SMALLEST_PUBLISHED_COUNT || (below >= SMALLEST_PUBLISHED_COUNT && above >= SMALLEST_PUBLISHED_COUNT) ? value : publisher.hide();
  };
  return { n, q1: safe(q.q1), median: safe(q.median), q3: safe(q.q3) };
}

/**
 * The outcome report (libs/contracts OutcomeReport) from the rows the API reads: pure arithmetic, and
 * for evaluators the cell key method on every figure (docs/disclosure.md).
 */
export function outcomeReport(input: OutcomeReportInput): OutcomeReport {
  const publisher = new Publisher(input.disclosure);
  const { protocol } = input;
  // In id order: sums of floating-point figures then do not depend on the order the rows came in.
  const sorted = [...input.enrolments].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Anonymous treatment (§ 101 a) is counted apart: every other figure is over the § 101 courses.
  const enrolments = sorted.filter((e) => e.anonymous !== true);
  const anonymous = sorted.filter((e) => e.anonymous === true);
  const byTimepoint = new Map<Timepoint, Map<string, ReportAssessment>>();
  for (const a of input.assessments) {
    let map = byTimepoint.get(a.timepoint);
    if (!map) byTimepoint.set(a.timepoint, (map = new Map()));
    map.set(a.enrolmentId, a);
  }
  const at = (tp: Timepoint): Map<string, ReportAssessment> => byTimepoint.get(tp) ?? new Map();
  const started = enrolments.filter((e) => e.startDate !== null);
  const completed = enrolments.filter((e) => e.state === 'completed');
  const ended = enrolments.filter(isEnded);
  const timepoints = protocolTimepoints(protocol).map((t) => t.timepoint);

  /** Of a population, those who owe the timepoint's assessment by today (done, in its window or overdue). */
  // followUpSchedule's answer for one timepoint, without building each enrolment's whole schedule.
  const owes = owesByToday({ followUpMonths: protocol.followUpMonths, windowDays: protocol.followUpWindowDays }, input.today);
  const dueFor = (tp: Timepoint, population: Records): ReportEnrolment[] => {
    const taken = at(tp);
    return population.filter((e) => owes(e, tp, taken.has(e.id)));
  };
  const drugFreeOf = (tp: Timepoint, population: Records): { assessed: ReportEnrolment[]; free: ReportEnrolment[] } => {
    const taken = at(tp);
    const assessed = population.filter((e) => typeof taken.get(e.id)?.drugFree === 'boolean');
    return { assessed, free: assessed.filter((e) => taken.get(e.id)?.drugFree === true) };
  };

  const counts = countsOf(publisher, enrolments);
  const anonymousCounts = countsOf(publisher, anonymous);

  const drugFree = timepoints.map((timepoint) => {
    const due = dueFor(timepoint, ended);
    const { assessed, free } = drugFreeOf(timepoint, due);
    return {
      timepoint,
      due: publisher.shownCount(due),
      assessed: publisher.shownCount(assessed),
      rateAssessed: publisher.proportion(free, assessed),
      rateAll: publisher.proportion(free, due),
      followUpRate: publisher.proportion(assessed, due),
    };
  });

  const intake = at('intake');
  const asiChange = timepoints.flatMap((timepoint) => {
    const later = at(timepoint);
    // One pass over the enrolments for all the domains (each enrolment's two assessments looked up
    // once), the pairs of each domain in enrolment order as before: a flatMap per domain allocated
    // an array per enrolment and domain, 255,000 at national scale (docs/performance.md).
    const pairsOf = COMPOSITE_DOMAINS.map((): { record: ReportEnrolment; difference: number }[] => []);
    for (const record of enrolments) {
      const before = intake.get(record.id)?.scores;
      const after = later.get(record.id)?.scores;
      if (!before || !after) continue;
      COMPOSITE_DOMAINS.forEach((domain, i) => {
        const b = before[domain];
        const a = after[domain];
        if (typeof b === 'number' && typeof a === 'number') pairsOf[i]?.push({ record, difference: a - b });
      });
    }
    return COMPOSITE_DOMAINS.map((domain, i) => ({ timepoint, domain, change: publisher.change(pairsOf[i] ?? [], `asi-change:${timepoint}:${domain}`) }));
  });

  const benchmarks = input.published.map((published): BenchmarkFigure => {
    const placed = benchmarkTimepoint(protocol, published);
    const due = dueFor(placed.timepoint, published.population === 'completers' ? completed : started);
    const { assessed, free } = drugFreeOf(placed.timepoint, due);
    const intentionToTreat = publisher.proportion(free, due);
    const assessedFigure = publisher.proportion(free, assessed);
    const compared = published.population === 'assessed' ? 'assessed' : 'intentionToTreat';
    const tested = compared === 'assessed' ? assessedFigure : intentionToTreat;
    return {
      published,
      timepoint: placed.timepoint,
      timepointMonthsFromStart: placed.monthsFromStart,
      sameTime: placed.sameTime,
      intentionToTreat,
      assessed: assessedFigure,
      compared,
      pValue: tested && tested.n > 0 ? exactBinomialTest(Math.min(tested.successes, tested.n), tested.n, published.proportion) : null,
    };
  });

  const staffMinutes = enrolments.reduce((sum, e) => sum + e.minutes, 0);
  const endTaken = at('end');
  // The total is perturbed for evaluators like any sum (and then never shown itself): the true total
  // over a perturbed count gave the total back, and a month's difference one enrolment's minutes.
  const publishedMinutes = publisher.controlled
    ? perturbedSum(enrolments.map((e) => ({ recordKey: e.recordKey, value: e.minutes })), 'staff-minutes', SMALLEST_MINUTES_SCALE)
    : staffMinutes;
  const perPerson = (records: Records): number | null => {
    if (records.length === 0) return null;
    const n = publisher.count(records);
    if (publisher.controlled && n < SMALLEST_PUBLISHED_COUNT) return publisher.hide();
    return publishedMinutes / n;
  };
  const economy: OutcomeReport['economy'] = {
    staffMinutes: publisher.controlled ? null : staffMinutes,
    perCitizen: perPerson(enrolments),
    perCompleter: perPerson(completed),
    perDrugFreeCompleter: perPerson(completed.filter((e) => endTaken.get(e.id)?.drugFree === true)),
    hourlyRate: input.hourlyRate,
    cost: publisher.controlled || input.hourlyRate === null ? null : (staffMinutes / 60) * input.hourlyRate,
  };

  const completionRate = publisher.proportion(completed, ended);
  const retained = retention(publisher, ended, protocol.expectedSessions);
  return {
    programmeId: input.programmeId,
    municipalityId: input.municipalityId,
    from: input.from,
    to: input.to,
    disclosureControlled: publisher.controlled,
    suppressed: publisher.suppressed,
    counts,
    anonymousCounts,
    completionRate,
    retention: retained,
    drugFree,
    asiChange,
    benchmarks,
    economy,
    budget: input.budget,
    keptYears: [...input.keptYears],
  };
}
