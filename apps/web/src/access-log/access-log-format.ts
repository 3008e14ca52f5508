import { RESOURCES } from '@outcomes/contracts';
import type { AccessLogEntry, SearchCriterion, SearchedText } from '@outcomes/contracts';

/** How many citizens one access carried: its own citizen and those of its list, each once. */
export function citizenCount(entry: Pick<AccessLogEntry, 'citizenId' | 'citizenIds'>): number {
  return new Set([...(entry.citizenId ? [entry.citizenId] : []), ...(entry.citizenIds ?? [])]).size;
}

const MAX_VALUE = 40;

/** A value, short: text as it is, anything else as JSON, cut at 40 characters. */
export function shortValue(value: unknown): string {
  const text = value === undefined || value === null ? '–' : typeof value === 'string' ? value : JSON.stringify(value);
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

const isSearchedText = (v: unknown): v is SearchedText => isRecord(v) && typeof v['words'] === 'number' && Array.isArray(v['hashes']);

/** The log's areas (resources) that have a label of their own in the log: every API resource and the few the API logs besides. */
export const LOGGED_RESOURCES = [...RESOURCES, 'synthetic-data'] as const;

/** The translation key of a logged area's label; the raw name only for an area the web does not know. */
export const resourceLabelKey = (resource: string): string | null =>
  (LOGGED_RESOURCES as readonly string[]).includes(resource) ? `app.access_log.resources.${resource}` : null;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T/;

/**
 * A logged criterion as a reader sees it: what kind of access it was and its parts, each a field
 * (translated by the caller) with a value already readable: records as a count, never their ids;
 * text as its number of words; dates in the app's format. Unknown shapes stay as they are (`raw`).
 */
export type ReadablePart =
  | { kind: 'records'; field: string; count: number }
  | { kind: 'text'; field: string; words: number; cpr: boolean }
  | { kind: 'value'; field: string; value: string }
  | { kind: 'date'; field: string; value: string }
  | { kind: 'moment'; field: string; value: string };

export type ReadableCriterion =
  | { kind: 'search'; parts: ReadablePart[] }
  | { kind: 'export-run'; dataset: string; format: string; rows: number; k: number | null; suppressed: number | null; withheld: number | null }
  | { kind: 'export-download'; rows: number }
  | { kind: 'export-syntax'; program: string; lang: string }
  | { kind: 'reference'; field: string }
  | { kind: 'duplicate-cpr' }
  | { kind: 'raw'; text: string };

/** `key=value key=value` after a prefix, as the export runner logs a run or a download. */
function keyValues(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(/\s+/)) {
    const at = pair.indexOf('=');
    if (at > 0) out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}

const numberOr = (value: string | undefined, fallback: number | null): number | null => (value !== undefined && /^\d+$/.test(value) ? Number(value) : fallback);

function readablePart(field: string, value: unknown): ReadablePart {
  if (isSearchedText(value)) return { kind: 'text', field, words: value.words, cpr: value.cpr };
  if (typeof value === 'string' && UUID.test(value)) return { kind: 'records', field, count: 1 };
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && UUID.test(v))) return { kind: 'records', field, count: value.length };
  if (typeof value === 'string' && DAY.test(value)) return { kind: 'date', field, value };
  if (typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return { kind: 'moment', field, value };
  if (Array.isArray(value)) return { kind: 'value', field, value: value.map((v) => (isSearchedText(v) ? '…' : shortValue(v))).join(', ') };
  return { kind: 'value', field, value: shortValue(value) };
}

/** The program of a syntax file, by its extension. */
const SYNTAX_PROGRAMS = { R: 'R', do: 'Stata', sps: 'SPSS' } as const;

/** A logged criterion, readable (see ReadableCriterion); null for none. */
export function readableCriterion(criterion: string | null): ReadableCriterion | null {
  if (!criterion) return null;
  if (criterion.startsWith('run: ')) {
    const kv = keyValues(criterion.slice(5));
    return {
      kind: 'export-run',
      dataset: kv['dataset'] ?? '',
      format: kv['format'] ?? '',
      rows: numberOr(kv['rows'], 0) ?? 0,
      k: numberOr(kv['k'], null),
      suppressed: numberOr(kv['suppressed'], null),
      withheld: numberOr(kv['withheld'], null),
    };
  }
  if (criterion.startsWith('syntax: ')) {
    // syntax: enrolments-2026-12-06-da.R for enrolments-2026-12-06.csv project=…
    const m = /^syntax: \S*-(da|en)\.(R|do|sps) /.exec(criterion);
    if (m) return { kind: 'export-syntax', program: SYNTAX_PROGRAMS[m[2] as keyof typeof SYNTAX_PROGRAMS], lang: m[1] as string };
  }
  if (criterion.startsWith('download: ')) return { kind: 'export-download', rows: numberOr(keyValues(criterion.slice(10))['rows'], 0) ?? 0 };
  if (criterion.startsWith('reference: ')) return { kind: 'reference', field: criterion.slice(11).trim() };
  let parsed: unknown;
  try {
    parsed = JSON.parse(criterion);
  } catch {
    return { kind: 'raw', text: criterion };
  }
  if (isRecord(parsed) && parsed['conflict'] === 'duplicate-cpr') return { kind: 'duplicate-cpr' };
  if (isRecord(parsed) && Array.isArray(parsed['fields']) && isRecord(parsed['values'])) {
    const { fields, values } = parsed as unknown as SearchCriterion;
    return { kind: 'search', parts: fields.map((field) => readablePart(field, values[field])) };
  }
  // A filter logged as it was sent ({"id":[...]}): the same reading, field by field.
  if (isRecord(parsed)) return { kind: 'search', parts: Object.entries(parsed).map(([field, value]) => readablePart(field, value)) };
  return { kind: 'raw', text: criterion };
}
