import highsLoader from 'highs';
import type { Highs } from 'highs';

/** One linear constraint the attacker knows: lo <= sum(coef * var) <= hi (either side may be open). */
export interface Constraint {
  terms: [number, string][];
  lo?: number;
  hi?: number;
}

/** An upper bound on a sum: sum(coef * var) <= hi. */
export interface Bound {
  terms: [number, string][];
  hi: number;
}

/**
 * What the attacker knows about a set of true counts: nonnegative integers under these constraints,
 * and under these disjunctions (at least one bound of each pair holds: a figure hidden for one of two
 * reasons).
 */
export interface Knowledge {
  variables: Set<string>;
  constraints: Constraint[];
  either: [Bound, Bound][];
}

export interface Range {
  min: number;
  max: number;
}

let solver: Promise<Highs> | undefined;
const highs = (): Promise<Highs> => (solver ??= highsLoader());

export const knowledge = (): Knowledge => ({ variables: new Set(), constraints: [], either: [] });

/** Counts here are a few hundred at most: a bound this far off is no bound. */
const BIG = 100_000;

export function know(k: Knowledge, terms: [number, string][], lo?: number, hi?: number): void {
  for (const [, v] of terms) k.variables.add(v);
  k.constraints.push({ terms, lo, hi });
}

/** At least one of the two bounds holds. */
export function knowEither(k: Knowledge, a: Bound, b: Bound): void {
  for (const [, v] of [...a.terms, ...b.terms]) k.variables.add(v);
  k.either.push([a, b]);
}

const term = ([coef, name]: [number, string], first: boolean): string =>
  `${coef < 0 ? '-' : first ? '' : '+'} ${Math.abs(coef)} ${name}`;

/** The model in CPLEX LP format: integer counts, each at least 0. */
function lpText(k: Knowledge, sense: 'Minimize' | 'Maximize', objective: string): string {
  const rows: string[] = [];
  k.constraints.forEach((c, i) => {
    const expr = c.terms.map((t, j) => term(t, j === 0)).join(' ');
    if (c.lo !== undefined && c.hi !== undefined && c.lo === c.hi) rows.push(` e${i}: ${expr} = ${c.lo}`);
    else {
      if (c.lo !== undefined) rows.push(` l${i}: ${expr} >= ${c.lo}`);
      if (c.hi !== undefined) rows.push(` h${i}: ${expr} <= ${c.hi}`);
    }
  });
  // Each disjunction by a binary z: a's bound is lifted when z = 1, b's when z = 0.
  const binaries = k.either.map((_, i) => `z${i}`);
  k.either.forEach(([a, b], i) => {
    rows.push(` ea${i}: ${a.terms.map((t, j) => term(t, j === 0)).join(' ')} - ${BIG} z${i} <= ${a.hi}`);
    rows.push(` eb${i}: ${b.terms.map((t, j) => term(t, j === 0)).join(' ')} + ${BIG} z${i} <= ${b.hi + BIG}`);
  });
  const names = [...k.variables];
  const binarySection = binaries.length > 0 ? ['Binaries', ` ${binaries.join(' ')}`] : [];
  return [sense, ` obj: 1 ${objective}`, 'Subject To', ...rows, 'Bounds', ...names.map((n) => ` ${n} >= 0`), 'Generals', ` ${names.join(' ')}`, ...binarySection, 'End'].join('\n');
}

/**
 * The smallest and largest value a variable can take given everything the attacker knows, by integer
 * programming (HiGHS): the attacker's best bounds on the true count. Throws when the knowledge is
 * contradictory (the truth must always satisfy it: a contradiction is a bug, of the test or the defence).
 */
export async function feasibleRange(k: Knowledge, variable: string): Promise<Range> {
  const h = await highs();
  const solve = (sense: 'Minimize' | 'Maximize'): number => {
    const result = h.solve(lpText(k, sense, variable));
    if (result.Status !== 'Optimal') throw new Error(`${sense} ${variable}: ${result.Status}`);
    return Math.round(result.ObjectiveValue);
  };
  return { min: solve('Minimize'), max: solve('Maximize') };
}

const sumOf = (terms: [number, string][], values: Record<string, number>): number => terms.reduce((s, [coef, v]) => s + coef * (values[v] ?? Number.NaN), 0);

/** The constraints a given assignment (the truth) breaks: none, or the attacker's model is wrong. */
export function satisfies(k: Knowledge, values: Record<string, number>): (Constraint | [Bound, Bound])[] {
  const broken: (Constraint | [Bound, Bound])[] = k.constraints.filter((c) => {
    const sum = sumOf(c.terms, values);
    return Number.isNaN(sum) || (c.lo !== undefined && sum < c.lo) || (c.hi !== undefined && sum > c.hi);
  });
  const holds = (b: Bound): boolean => sumOf(b.terms, values) <= b.hi;
  return [...broken, ...k.either.filter(([a, b]) => !holds(a) && !holds(b))];
}
