import type { OutcomeReport, ProportionFigure } from '@outcomes/contracts';
import { know, knowEither } from './feasible-range';
import type { Knowledge } from './feasible-range';

/**
 * The largest noise the attacker assumes: the default of DISCLOSURE_MAX_NOISE. The design keeps D a
 * setting and unpublished; the worst case is an attacker who knows it anyway.
 */
export const D = 3;

/** The count cells of one report: every one of them is a variable of the attacker's model. */
export const COUNT_CELLS = ['R', 'S', 'C', 'Dr', 'T', 'Ca', 'O', 'E'] as const;
export const timepointCells = (i: number): string[] => [`due${i}`, `as${i}`, `fr${i}`];
/** A benchmark's own base: those of its population who owe its timepoint, the assessed of them, the drug-free. */
export const benchmarkCells = (j: number): string[] => [`bdue${j}`, `bas${j}`, `bfr${j}`];
export const cellsOf = (report: OutcomeReport): string[] => [
  ...COUNT_CELLS,
  ...report.drugFree.flatMap((_, i) => timepointCells(i)),
  ...report.benchmarks.flatMap((_, j) => benchmarkCells(j)),
];

/** What the attacker knows of a report's benchmarks: their timepoint and published population. */
export type BenchmarkShape = { timepoint: string; population: string }[];
export const benchmarkShape = (report: OutcomeReport): BenchmarkShape => report.benchmarks.map((b) => ({ timepoint: b.timepoint, population: b.published.population }));

/**
 * What the attacker has learnt from all answers about how to read one: whether a 0 is ever shown
 * (if not, a hidden count can be 0), and which programmes have a retention figure at all (their
 * protocol gives expected sessions), so that a hidden one says its perturbed n is under 20.
 */
export interface Reading {
  zerosShown: boolean;
  retention: Set<string>;
}

/**
 * What one published count says about its true count x: a shown p is within D of x, never below 1
 * (a true zero stays zero); a shown 0 is a true count of at most D (the ptable moves 1 and 2, which
 * are never published, and may move D down to 0); a hidden count ("< 5") was perturbed to under 5
 * (to 3 or 4 when zeros are shown as 0, so x >= 1 then).
 */
export function published(k: Knowledge, x: string, p: number | null, reading: Reading): void {
  if (p === null) know(k, [[1, x]], reading.zerosShown ? 1 : 0, 4 + D);
  else if (p === 0) know(k, [[1, x]], 0, D);
  else know(k, [[1, x]], Math.max(1, p - D), p + D);
}

/**
 * A proportion's numerator and denominator. A hidden proportion says its perturbed denominator is
 * under 10 or its perturbed numerator under 5 (docs/disclosure.md; the numerator is a count like any).
 */
function proportion(k: Knowledge, figure: ProportionFigure | null, successes: string, n: string, reading: Reading): void {
  if (figure === null) {
    knowEither(k, { terms: [[1, n]], hi: 9 + D }, { terms: [[1, successes]], hi: 4 + D });
    return;
  }
  published(k, successes, figure.successes, reading);
  published(k, n, figure.n, reading);
}

/**
 * The structure any attacker knows from the documentation (docs/domain.md's states and protocol):
 * referred = completed + dropped out + transferred + cancelled + open; ended = completed + dropped out;
 * those who started are the ended, the transferred and some of the open (a cancelled enrolment never
 * started); the end assessment is owed by every ended enrolment, each follow-up by some of them;
 * assessed <= owed; drug-free <= assessed.
 */
export function structure(k: Knowledge, prefix: string, timepoints: string[], benchmarks: BenchmarkShape = []): void {
  const v = (name: string): string => `${prefix}${name}`;
  know(k, [[1, v('R')], [-1, v('C')], [-1, v('Dr')], [-1, v('T')], [-1, v('Ca')], [-1, v('O')]], 0, 0);
  know(k, [[1, v('E')], [-1, v('C')], [-1, v('Dr')]], 0, 0);
  know(k, [[1, v('S')], [-1, v('E')], [-1, v('T')]], 0);
  know(k, [[1, v('S')], [-1, v('E')], [-1, v('T')], [-1, v('O')]], undefined, 0);
  timepoints.forEach((tp, i) => {
    if (tp === 'end') know(k, [[1, v(`due${i}`)], [-1, v('E')]], 0, 0);
    else know(k, [[1, v(`due${i}`)], [-1, v('E')]], undefined, 0);
    know(k, [[1, v(`as${i}`)], [-1, v(`due${i}`)]], undefined, 0);
    know(k, [[1, v(`fr${i}`)], [-1, v(`as${i}`)]], undefined, 0);
  });
  // A benchmark counts the owed, assessed and drug-free of its population at its timepoint: of all
  // who started (only the ended owe an end or follow-up interview, so the same sets as the drug-free
  // figures'), or of the completers (subsets of them).
  benchmarks.forEach((b, j) => {
    const i = timepoints.indexOf(b.timepoint);
    const pairs: [string, string][] = [[`bdue${j}`, `due${i}`], [`bas${j}`, `as${i}`], [`bfr${j}`, `fr${i}`]];
    for (const [mine, general] of pairs) {
      if (i < 0) continue;
      if (b.population === 'completers') know(k, [[1, v(mine)], [-1, v(general)]], undefined, 0);
      else know(k, [[1, v(mine)], [-1, v(general)]], 0, 0);
    }
    know(k, [[1, v(`bdue${j}`)], [-1, v(b.population === 'completers' ? 'C' : 'E')]], undefined, 0);
    know(k, [[1, v(`bas${j}`)], [-1, v(`bdue${j}`)]], undefined, 0);
    know(k, [[1, v(`bfr${j}`)], [-1, v(`bas${j}`)]], undefined, 0);
  });
}

/** Everything one report publishes about its cells, as constraints on the prefixed variables. */
export function fromReport(k: Knowledge, prefix: string, report: OutcomeReport, reading: Reading): void {
  const v = (name: string): string => `${prefix}${name}`;
  structure(k, prefix, report.drugFree.map((d) => d.timepoint), benchmarkShape(report));
  const c = report.counts;
  published(k, v('R'), c.referred, reading);
  published(k, v('S'), c.started, reading);
  published(k, v('C'), c.completed, reading);
  published(k, v('Dr'), c.droppedOut, reading);
  published(k, v('T'), c.transferred, reading);
  published(k, v('Ca'), c.cancelled, reading);
  published(k, v('O'), c.open, reading);
  proportion(k, report.completionRate, v('C'), v('E'), reading);
  if (report.retention) published(k, v('E'), report.retention.n, reading);
  else if (reading.retention.has(report.programmeId)) know(k, [[1, v('E')]], 0, 19 + D);
  report.drugFree.forEach((d, i) => {
    published(k, v(`due${i}`), d.due, reading);
    published(k, v(`as${i}`), d.assessed, reading);
    proportion(k, d.rateAssessed, v(`fr${i}`), v(`as${i}`), reading);
    proportion(k, d.rateAll, v(`fr${i}`), v(`due${i}`), reading);
    proportion(k, d.followUpRate, v(`as${i}`), v(`due${i}`), reading);
  });
  report.benchmarks.forEach((b, j) => {
    proportion(k, b.intentionToTreat, v(`bfr${j}`), v(`bdue${j}`), reading);
    proportion(k, b.assessed, v(`bfr${j}`), v(`bas${j}`), reading);
  });
}

/** The published value of a cell, where the report shows one directly (null: hidden or only bounded). */
export function shownValue(report: OutcomeReport, cell: string): number | null {
  const c = report.counts;
  const direct: Record<string, number | null> = {
    R: c.referred, S: c.started, C: c.completed, Dr: c.droppedOut, T: c.transferred, Ca: c.cancelled, O: c.open,
    E: report.completionRate?.n ?? report.retention?.n ?? null,
  };
  if (cell in direct) return direct[cell] ?? null;
  const bm = /^(bdue|bas|bfr)(\d+)$/.exec(cell);
  const b = bm ? report.benchmarks[Number(bm[2])] : undefined;
  if (bm && b) return bm[1] === 'bdue' ? (b.intentionToTreat?.n ?? null) : bm[1] === 'bas' ? (b.assessed?.n ?? null) : (b.intentionToTreat?.successes ?? b.assessed?.successes ?? null);
  const m = /^(due|as|fr)(\d+)$/.exec(cell);
  const d = m ? report.drugFree[Number(m[2])] : undefined;
  if (!m || !d) return null;
  if (m[1] === 'due') return d.due;
  if (m[1] === 'as') return d.assessed;
  return d.rateAssessed?.successes ?? d.rateAll?.successes ?? null;
}
