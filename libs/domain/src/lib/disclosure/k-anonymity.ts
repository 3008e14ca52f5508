/**
 * k-anonymity and l-diversity for evaluators' person-level exports (docs/disclosure-exports.md):
 * one generalisation scheme for every project, then local suppression in the spirit of sdcMicro's
 * `localSuppression`, greedy and deterministic.
 */

/** The quasi-identifiers of one enrolment as raw data: what the database holds. */
export interface RawQuasiIdentifiers {
  birthYear: number | null;
  sex: string | null;
  municipality: string;
  programme: string;
  /** 'YYYY-MM' or 'YYYY-MM-DD'; null when the event has not happened. */
  referralMonth: string | null;
  startMonth: string | null;
  endMonth: string | null;
  state: string;
}

/** The quasi-identifiers as released: generalised, and '' where empty (missing or suppressed). */
export interface QuasiIdentifiers {
  birthBand: string;
  sex: string;
  municipality: string;
  programme: string;
  referralQuarter: string;
  startQuarter: string;
  endQuarter: string;
  state: string;
}

/** Codes of the one generalisation scheme, explained in the codebook. */
export const GENERALISATION_SCHEME = ['birth-year-5y', 'months-to-quarters'] as const;

/**
 * The order in which local suppression empties a quasi-identifier, least useful for analysis
 * first. The programme is what an evaluation is about and the state is its outcome: neither is
 * ever suppressed.
 */
export const SUPPRESSION_ORDER = ['endQuarter', 'startQuarter', 'referralQuarter', 'sex', 'birthBand', 'municipality'] as const;

/** The l of l-diversity on the outcome state: at least two states behind every combination. */
export const EXPORT_L_DIVERSITY = 2;

/** A birth year as its 5-year band: bands start at years divisible by 5 ("1990-1994"). */
export function birthYearBand(year: number | null): string {
  if (year === null) return '';
  const from = Math.floor(year / 5) * 5;
  return `${from}-${from + 4}`;
}

/** A calendar month ('YYYY-MM', or a date within it) as its quarter ("2025-Q3"). */
export function monthToQuarter(month: string | null): string {
  if (month === null || month === '') return '';
  const match = /^(\d{4})-(\d{2})/.exec(month);
  if (!match) throw new Error(`not a month: ${month}`);
  return `${match[1]}-Q${Math.ceil(Number(match[2]) / 3)}`;
}

export function generalise(raw: RawQuasiIdentifiers): QuasiIdentifiers {
  return {
    birthBand: birthYearBand(raw.birthYear),
    sex: raw.sex ?? '',
    municipality: raw.municipality,
    programme: raw.programme,
    referralQuarter: monthToQuarter(raw.referralMonth),
    startQuarter: monthToQuarter(raw.startMonth),
    endQuarter: monthToQuarter(raw.endMonth),
    state: raw.state,
  };
}

export interface ReleaseInput {
  id: string;
  qi: QuasiIdentifiers;
}

export interface Release {
  k: number;
  l: number;
  /** The released quasi-identifiers of every row that is in the file (rows of one group share one object). */
  released: Map<string, QuasiIdentifiers>;
  /** Ids of the rows left out of the file, sorted. */
  withheld: string[];
  /** How many non-empty values local suppression emptied in the rows that are released. */
  suppressedValues: number;
  withheldRows: number;
}

const FIELDS_WITHOUT_STATE = ['birthBand', 'sex', 'municipality', 'programme', 'referralQuarter', 'startQuarter', 'endQuarter'] as const;
// A separator no code or quarter contains: keys compare exactly, with '' a category of its own.
const keyWithoutState = (qi: QuasiIdentifiers): string => FIELDS_WITHOUT_STATE.map((f) => qi[f]).join('\u0000');
const fullKey = (qi: QuasiIdentifiers): string => `${keyWithoutState(qi)}\u0000${qi.state}`;

/** How many quasi-identifiers local suppression could still empty. */
const valuesLeft = (qi: QuasiIdentifiers): number => SUPPRESSION_ORDER.filter((f) => qi[f] !== '').length;

/** Rows that share every generalised quasi-identifier, counted (what `GROUP BY` in SQL gives). */
export interface QuasiIdentifierGroup {
  qi: QuasiIdentifiers;
  count: number;
}

/** A release decided over groups: what each group's rows are written as, and the counts for the codebook. */
export interface GroupRelease {
  k: number;
  l: number;
  /** The released values of a group's rows, by its generalised values; undefined when its rows are withheld (or unknown). */
  releasedOf(qi: QuasiIdentifiers): QuasiIdentifiers | undefined;
  suppressedValues: number;
  withheldRows: number;
}

interface Group {
  qi: QuasiIdentifiers;
  count: number;
  /** The keys of the input groups whose rows are in it now. */
  origins: string[];
  /** keyWithoutState(qi) and valuesLeft(qi), made once per group: every round asks for both of every group. */
  stateless: string;
  left: number;
}

/**
 * Local suppression until every combination of all quasi-identifiers (the state included) holds
 * at least k rows and every combination without the state at least l different states. An empty
 * value is a category of its own, not a wildcard, so the guarantee holds on the file as written.
 *
 * Greedy: of the offending groups, those with the most values left (the most detailed) empty their
 * next non-empty quasi-identifier in SUPPRESSION_ORDER, then all rows are regrouped, until none
 * offends. A less detailed offending group waits meanwhile, as rows may come down to it (without the
 * wait it would move away from them, and both would lose more than they need). When every offending
 * group has nothing left to empty, they are withheld, which may make another group offend, so the
 * loop goes on. Rows of one group share every value, so they always move together: the algorithm
 * needs only the groups and their counts (an export counts them in PostgreSQL, so its memory is
 * the number of distinct combinations, not of rows). Each step depends only on the set of groups:
 * the same rows in any order give the same release. It ends: each round empties a value or withholds rows.
 */
export function localSuppressionOfGroups(input: readonly QuasiIdentifierGroup[], options: { k: number; l?: number }): GroupRelease {
  const { k } = options;
  const l = options.l ?? EXPORT_L_DIVERSITY;
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a positive integer, not ${k}`);
  let groups = new Map<string, Group>();
  // `origins` becomes the group's own: callers pass a new array or that of a group they discard.
  const join = (into: Map<string, Group>, qi: QuasiIdentifiers, count: number, origins: string[], stateless = keyWithoutState(qi)): void => {
    const key = `${stateless}\u0000${qi.state}`;
    const found = into.get(key);
    if (found) {
      found.count += count;
      for (const origin of origins) found.origins.push(origin);
    } else into.set(key, { qi, count, origins, stateless, left: valuesLeft(qi) });
  };
  for (const group of input) if (group.count > 0) join(groups, group.qi, group.count, [fullKey(group.qi)]);

  let withheldRows = 0;
  for (;;) {
    const states = new Map<string, Set<string>>();
    for (const group of groups.values()) {
      const set = states.get(group.stateless) ?? new Set<string>();
      set.add(group.qi.state);
      states.set(group.stateless, set);
    }
    const offends = (group: Group): boolean => group.count < k || (states.get(group.stateless)?.size ?? 0) < l;
    const offending = [...groups.values()].filter(offends);
    if (offending.length === 0) break;
    const detail = offending.reduce((most, group) => Math.max(most, group.left), 0);
    const next = new Map<string, Group>();
    for (const group of groups.values()) {
      if (!offends(group) || group.left < detail) {
        join(next, group.qi, group.count, group.origins, group.stateless);
        continue;
      }
      const field = SUPPRESSION_ORDER.find((f) => group.qi[f] !== '');
      if (field === undefined) {
        withheldRows += group.count;
        continue;
      }
      join(next, { ...group.qi, [field]: '' }, group.count, group.origins);
    }
    groups = next;
  }

  const released = new Map<string, QuasiIdentifiers>();
  for (const group of groups.values()) for (const origin of group.origins) released.set(origin, group.qi);
  // Counted against the input, for the released rows only: a withheld row's emptied values are not in the file.
  let suppressedValues = 0;
  for (const group of input) {
    const after = released.get(fullKey(group.qi));
    if (after) suppressedValues += group.count * SUPPRESSION_ORDER.filter((f) => group.qi[f] !== '' && after[f] === '').length;
  }
  return { k, l, releasedOf: (qi) => released.get(fullKey(qi)), suppressedValues, withheldRows };
}

/** localSuppressionOfGroups for rows with ids: the rows are grouped first, and each id told its release. */
export function localSuppression(rows: readonly ReleaseInput[], options: { k: number; l?: number }): Release {
  const counts = new Map<string, QuasiIdentifierGroup>();
  for (const row of rows) {
    const key = fullKey(row.qi);
    const group = counts.get(key);
    if (group) group.count++;
    else counts.set(key, { qi: row.qi, count: 1 });
  }
  const groupRelease = localSuppressionOfGroups([...counts.values()], options);
  const released = new Map<string, QuasiIdentifiers>();
  const withheld: string[] = [];
  for (const row of rows) {
    const after = groupRelease.releasedOf(row.qi);
    if (after) released.set(row.id, after);
    else withheld.push(row.id);
  }
  withheld.sort();
  return { k: groupRelease.k, l: groupRelease.l, released, withheld, suppressedValues: groupRelease.suppressedValues, withheldRows: withheld.length };
}
