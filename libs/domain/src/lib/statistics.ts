// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- jStat ships no types; this brings our declaration into every program (api, web) that compiles this file
/// <reference path="../types/jstat.d.ts" />
import { jStat } from 'jstat';

/** A proportion with its confidence interval; p, lower and upper are null when n is 0. */
export interface Proportion {
  successes: number;
  n: number;
  p: number | null;
  lower: number | null;
  upper: number | null;
}

/** Wilson score interval (no continuity correction): well-behaved for small n and extreme p. */
export function wilson(successes: number, n: number, confidence = 0.95): Proportion {
  if (n === 0) return { successes, n, p: null, lower: null, upper: null };
  const z = jStat.normal.inv(1 - (1 - confidence) / 2, 0, 1);
  const p = successes / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return { successes, n, p, lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

export interface PairedChange {
  n: number;
  mean: number;
  sd: number;
  lower: number;
  upper: number;
  /** Mean change / SD of change. */
  effectSize: number | null;
}

/** Mean of paired differences (later − earlier) with a paired-t confidence interval; null below 2 pairs. */
export function pairedChange(differences: readonly number[], confidence = 0.95): PairedChange | null {
  const n = differences.length;
  if (n < 2) return null;
  const mean = differences.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(differences.reduce((a, d) => a + (d - mean) ** 2, 0) / (n - 1));
  const t = jStat.studentt.inv(1 - (1 - confidence) / 2, n - 1);
  const half = (t * sd) / Math.sqrt(n);
  return { n, mean, sd, lower: mean - half, upper: mean + half, effectSize: sd > 0 ? mean / sd : null };
}

/**
 * A paired change published over a perturbed count (the cell key method, docs/disclosure.md): the
 * mean is `sum` (the perturbed sum, see disclosure/magnitude.ts; by default the true one) over `n`, the sd comes from the true differences, and the interval and effect
 * size are built from that mean, that sd and `n`. An interval of the true mean and true n would give
 * the true count back (sum / midpoint), so nothing here uses the true n. Null below 2 differences.
 */
export function pairedChangeOver(differences: readonly number[], n: number, sum = differences.reduce((a, b) => a + b, 0), confidence = 0.95): PairedChange | null {
  const exact = pairedChange(differences, confidence);
  if (!exact || n < 2) return null;
  const mean = sum / n;
  const t = jStat.studentt.inv(1 - (1 - confidence) / 2, n - 1);
  const half = (t * exact.sd) / Math.sqrt(n);
  return { n, mean, sd: exact.sd, lower: mean - half, upper: mean + half, effectSize: exact.sd > 0 ? mean / exact.sd : null };
}

/**
 * Two-sided exact binomial test of `successes` of `n` against a published proportion `p0`:
 * the probability of every outcome no more likely than the one observed (as R's binom.test).
 */
export function exactBinomialTest(successes: number, n: number, p0: number): number {
  const observed = jStat.binomial.pdf(successes, n, p0);
  const tolerance = 1 + 1e-7; // outcomes equally likely up to rounding count as "as extreme"
  let pValue = 0;
  for (let k = 0; k <= n; k++) {
    const pk = jStat.binomial.pdf(k, n, p0);
    if (pk <= observed * tolerance) pValue += pk;
  }
  return Math.min(1, pValue);
}

/** Median and quartiles by linear interpolation between order statistics (R's default, type 7). */
export function quartiles(values: readonly number[]): { q1: number; median: number; q3: number } | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => {
    const h = (sorted.length - 1) * q;
    const lo = Math.floor(h);
    const a = sorted[lo] as number;
    const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
    return a + (h - lo) * (b - a);
  };
  return { q1: at(0.25), median: at(0.5), q3: at(0.75) };
}

/** Groups under this many citizens are never shown to evaluators (exports' small-group rule; the report uses the cell key method). */
export const DISCLOSURE_THRESHOLD = 5;
