import highsLoader from 'highs';
import type { Highs } from 'highs';

/** One linear constraint the attacker knows: lo <= sum(coef * var) <= hi (either side may be open). */
export interface Constraint {
  terms: [number, string][];
  lo?: number;
  hi?: number;
}

/** What the attacker knows about a set of true counts: nonnegative integers under these constraints. */
export interface Knowledge {
  variables: Set<string>;
  constraints: Constraint[];
}

export interface Range {
  min: number;
  max: number;
}

let solver: Promise<Highs> | undefined;
const highs = (): Promise<Highs> => (solver ??= highsLoader());

export const knowledge = (): Knowledge => ({ variables: new Set(), constraints: [] });

export function know(k: Knowledge, terms: [number, string][], lo?: number, hi?: number): void {
  for (const [, v] of terms) k.variables.add(v);
  k.constraints.push({ terms, lo, hi });
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
  const names = [...k.variables];
  return [sense, ` obj: 1 ${objective}`, 'Subject To', ...rows, 'Bounds', ...names.map((n) => ` ${n} >= 0`), 'Generals', ` ${names.join(' ')}`, 'End'].join('\n');
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

/** Whether a given assignment (the truth) satisfies every constraint. */
export function satisfies(k: Knowledge, values: Record<string, number>): Constraint[] {
  return k.constraints.filter((c) => {
    const sum = c.terms.reduce((s, [coef, v]) => s + coef * (values[v] ?? Number.NaN), 0);
    return Number.isNaN(sum) || (c.lo !== undefined && sum < c.lo) || (c.hi !== undefined && sum > c.hi);
  });
}
