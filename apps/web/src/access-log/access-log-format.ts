import type { AccessLogEntry, SearchCriterion, SearchedText } from '@outcomes/contracts';

/** How many citizens one access carried: its own citizen and those of its list, each once. */
export function citizenCount(entry: Pick<AccessLogEntry, 'citizenId' | 'citizenIds'>): number {
  return new Set([...(entry.citizenId ? [entry.citizenId] : []), ...(entry.citizenIds ?? [])]).size;
}

const MAX_VALUE = 40;

/** A value, short: text as it is, anything else as JSON, cut at 40 characters. */
export function shortValue(value: unknown): string {
  const text = value === undefined ? '–' : typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

export interface ChangedField {
  /** The field's name; empty when the whole value changed (before or after was no record). */
  field: string;
  before: string;
  after: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Fields a change does not show: the record's id is in its own column, the time stamps change with every write. */
const UNSHOWN = new Set(['id', 'createdAt', 'updatedAt']);

/** At most this many lines per change; a last line says how many more fields there were. */
export const MAX_CHANGED_FIELDS = 6;

/**
 * A change as the fields that differ, before → after, in the order they first appear (a created
 * record: every field from "–"; a deleted one: every field to "–"); at most MAX_CHANGED_FIELDS lines.
 */
export function changedFields(change: AccessLogEntry['change']): ChangedField[] {
  if (!change) return [];
  const { before, after } = change;
  const was = before === null ? {} : before;
  const is = after === null ? {} : after;
  if (!isRecord(was) || !isRecord(is)) return [{ field: '', before: shortValue(before), after: shortValue(after) }];
  const keys = [...new Set([...Object.keys(was), ...Object.keys(is)])];
  const changed = keys
    .filter((k) => !UNSHOWN.has(k) && JSON.stringify(was[k]) !== JSON.stringify(is[k]))
    .map((k) => ({ field: k, before: shortValue(was[k]), after: shortValue(is[k]) }));
  if (changed.length <= MAX_CHANGED_FIELDS) return changed;
  return [...changed.slice(0, MAX_CHANGED_FIELDS - 1), { field: '…', before: '', after: `+${changed.length - (MAX_CHANGED_FIELDS - 1)}` }];
}

export type CriterionPart = { field: string; value: string } | { field: string; words: number; cpr: boolean };

const isSearchedText = (v: unknown): v is SearchedText => isRecord(v) && typeof v['words'] === 'number' && Array.isArray(v['hashes']);

/**
 * A search's logged criterion, per field: the value where it was kept (ids, states, dates), else how
 * many words and whether a CPR number was searched; the hashes stay in the row for an investigation.
 * A criterion of another shape (an export's, a link's) is shown as it is.
 */
export function criterionParts(criterion: string | null): CriterionPart[] | string | null {
  if (!criterion) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(criterion);
  } catch {
    return criterion;
  }
  if (!isRecord(parsed) || !Array.isArray(parsed['fields']) || !isRecord(parsed['values'])) return criterion;
  const { fields, values } = parsed as unknown as SearchCriterion;
  return fields.map((field) => {
    const value = values[field];
    if (isSearchedText(value)) return { field, words: value.words, cpr: value.cpr };
    if (Array.isArray(value)) return { field, value: value.map((v) => (isSearchedText(v) ? '…' : shortValue(v))).join(', ') };
    return { field, value: shortValue(value) };
  });
}
