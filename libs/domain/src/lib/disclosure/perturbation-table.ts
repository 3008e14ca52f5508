/**
 * The perturbation table (ptable) of the cell key method (docs/disclosure.md), built as R's
 * `ptable::create_cnt_ptable` builds it: for each true count, the maximum-entropy distribution of the
 * noise with mean 0 and variance V over the noise values the settings allow.
 */

export interface PerturbationSettings {
  /** The largest noise in absolute value (D). */
  maxNoise: number;
  /** The noise's variance (V), where a row's support can reach it. */
  variance: number;
  /** No published value is 1 .. js (js = 2: no 1s or 2s). */
  js: number;
}

export const DEFAULT_PERTURBATION_SETTINGS: PerturbationSettings = { maxNoise: 3, variance: 2, js: 2 };

/** One noise value of a row; a cell key in [lower, upper) picks it. */
export interface PerturbationEntry {
  noise: number;
  probability: number;
  lower: number;
  upper: number;
}

export interface PerturbationRow {
  /** The true count this row is for; the last row serves every larger count too. */
  count: number;
  entries: PerturbationEntry[];
  /** The variance the row has: V where the support allows it, else the nearest reachable one. */
  variance: number;
  varianceReached: boolean;
}

export interface PerturbationTable {
  settings: PerturbationSettings;
  /** Rows 0 .. D + js + 1. */
  rows: PerturbationRow[];
}

const ITERATIONS = 200;
const B_LIMIT = 200;
const VARIANCE_TOLERANCE = 1e-9;

/** The noise values a true count may take: |v| <= D, never below zero, never onto 1 .. js. */
function support(count: number, s: PerturbationSettings): number[] {
  const values: number[] = [];
  for (let v = -s.maxNoise; v <= s.maxNoise; v++) {
    const published = count + v;
    if (published >= 0 && !(published >= 1 && published <= s.js)) values.push(v);
  }
  return values;
}

/** p(v) ∝ exp(a·v + b·v²), shifted by the largest exponent so nothing overflows. */
function distribution(values: readonly number[], a: number, b: number): number[] {
  const exponents = values.map((v) => a * v + b * v * v);
  const top = Math.max(...exponents);
  const weights = exponents.map((e) => Math.exp(e - top));
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => w / total);
}

const moment = (values: readonly number[], p: readonly number[], power: number): number => values.reduce((sum, v, k) => sum + (p[k] ?? 0) * v ** power, 0);

/** For a fixed b, the a whose distribution has mean 0 (the mean increases with a). */
function meanZero(values: readonly number[], b: number): number[] {
  let lo = -1;
  let hi = 1;
  while (moment(values, distribution(values, lo, b), 1) > 0) lo *= 2;
  while (moment(values, distribution(values, hi, b), 1) < 0) hi *= 2;
  for (let k = 0; k < ITERATIONS; k++) {
    const mid = (lo + hi) / 2;
    if (moment(values, distribution(values, mid, b), 1) < 0) lo = mid;
    else hi = mid;
  }
  return distribution(values, (lo + hi) / 2, b);
}

function buildRow(count: number, s: PerturbationSettings): PerturbationRow {
  const values = count === 0 ? [0] : support(count, s);
  const hasNegative = values.some((v) => v < 0);
  const hasPositive = values.some((v) => v > 0);
  let probabilities: number[];
  if (count === 0 || !hasNegative || !hasPositive) {
    // A true zero stays zero; a row that cannot move both ways can only keep mean 0 by not moving.
    if (!values.includes(0)) throw new Error(`perturbation settings leave no noise of mean 0 for a count of ${count}: make the maximum noise larger`);
    probabilities = values.map((v) => (v === 0 ? 1 : 0));
  } else {
    // Along mean 0 the variance increases with b: bisect b for V, or stop at the nearer end.
    const varianceAt = (b: number): number => moment(values, meanZero(values, b), 2);
    let lo = -B_LIMIT;
    let hi = B_LIMIT;
    if (varianceAt(lo) >= s.variance) hi = lo;
    else if (varianceAt(hi) <= s.variance) lo = hi;
    else {
      for (let k = 0; k < ITERATIONS; k++) {
        const mid = (lo + hi) / 2;
        if (varianceAt(mid) < s.variance) lo = mid;
        else hi = mid;
      }
    }
    probabilities = meanZero(values, (lo + hi) / 2);
  }
  const variance = moment(values, probabilities, 2);
  let cumulative = 0;
  const entries = values.map((noise, k) => {
    const probability = probabilities[k] ?? 0;
    const lower = cumulative;
    cumulative += probability;
    return { noise, probability, lower, upper: k === values.length - 1 ? 1 : cumulative };
  });
  return { count, entries, variance, varianceReached: Math.abs(variance - s.variance) < VARIANCE_TOLERANCE * Math.max(1, s.variance) };
}

export function validatePerturbationSettings(s: PerturbationSettings): void {
  if (!Number.isInteger(s.maxNoise) || s.maxNoise < 1) throw new Error('maxNoise must be a whole number of at least 1');
  if (!Number.isInteger(s.js) || s.js < 0) throw new Error('js must be a whole number of at least 0');
  if (!(s.variance > 0)) throw new Error('variance must be above 0');
}

/** The table for counts 0 .. D + js + 1; from D + js + 1 on, every row is the same. */
export function perturbationTable(settings: PerturbationSettings = DEFAULT_PERTURBATION_SETTINGS): PerturbationTable {
  validatePerturbationSettings(settings);
  const rows: PerturbationRow[] = [];
  for (let count = 0; count <= settings.maxNoise + settings.js + 1; count++) rows.push(buildRow(count, settings));
  return { settings, rows };
}

/** The row for a true count: larger counts than the table's last use the last row. */
export function perturbationRow(table: PerturbationTable, count: number): PerturbationRow {
  const row = table.rows[Math.min(count, table.rows.length - 1)];
  if (!row) throw new Error('empty perturbation table');
  return row;
}
