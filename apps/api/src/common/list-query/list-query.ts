import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@outcomes/contracts';
import type { RawListQuery, SortOrder } from '@outcomes/contracts';
import { danishDayEnd, danishDayStart } from '@outcomes/domain';
import { textProblem } from '../well-formed-text';

/**
 * react-admin's simple-rest list dialect, parsed against a resource's allow-list:
 *   sort=["name","ASC"]  range=[0,24]  filter={"q":"text","id":[...],"field":v,"field_gte":v,"field_lte":v}
 * Pure: no framework, no SQL. Anything not allowed is a ListQueryError naming the parameter.
 */

/** `sequence`: a bigint record number, served as text (the access log's id); taken as text or a number. */
export type FieldType = 'string' | 'number' | 'boolean' | 'uuid' | 'date' | 'datetime' | 'sequence';

export interface ListField {
  type: FieldType;
  /** SQL column (snake_case) of the field. */
  column: string;
  sortable?: boolean;
  /** Equality filter (and `id`-style arrays); ranges with `_gte`/`_lte` on numbers and dates. */
  filterable?: boolean;
}

export interface ListSpec {
  fields: Record<string, ListField>;
  /** Columns `q` searches, case-insensitively, every word in some column. */
  searchColumns: string[];
  defaultSort: [string, SortOrder];
}

export type Condition =
  | { kind: 'eq'; column: string; value: string | number | boolean | null }
  | { kind: 'in'; column: string; values: (string | number)[] }
  | { kind: 'gte' | 'lte'; column: string; value: string | number }
  | { kind: 'search'; columns: string[]; words: string[] };

export interface ListQuery {
  sort: { column: string; order: SortOrder };
  offset: number;
  limit: number;
  conditions: Condition[];
}

export class ListQueryError extends Error {
  constructor(readonly parameter: 'sort' | 'range' | 'filter', readonly rule: string) {
    super(`${parameter}: ${rule}`);
    this.name = 'ListQueryError';
  }
}

/** The record key react-admin sorts by when nothing else is asked. */
const ID_FIELD = 'id';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/**
 * An ISO 8601 date-time as the web app and the API's clients send it: a calendar date, optionally a
 * time (`T` or a space, seconds and fractions optional) and an offset (`Z`, `±HH`, `±HH:MM`).
 * Date.parse alone let through what PostgreSQL then refused as a 500 (a NUL after the date, an offset
 * of 16 hours or 25, a six-digit year; the review of decision 191).
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2})(?::?(\d{2}))?)?)?$/;

/** A real day of the Gregorian calendar in years 1-9999 (Date.parse rolls 2024-02-30 over to March). */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return isCalendarDate(year, month, day);
}

/**
 * A bare calendar day given for a date-time field: it means a Danish day (as the app shows every time
 * in Danish time), not the UTC day PostgreSQL would read it as (the API's connections are in UTC):
 * `_gte` from the day's first instant, `_lte` to its last, alone the whole day. A date-time with a
 * time and no offset is left as it is (the database reads it in its own time zone).
 */
function isDay(value: unknown): value is string {
  return typeof value === 'string' && DATE.test(value);
}

function isDateTime(value: string): boolean {
  const found = DATE_TIME.exec(value);
  if (!found) return false;
  const [, year, month, day, hour = '0', minute = '0', second = '0', offsetHours = '0', offsetMinutes = '0'] = found;
  return (
    isCalendarDate(Number(year), Number(month), Number(day)) &&
    Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 59 &&
    Number(offsetHours) <= 15 && Number(offsetMinutes) <= 59
  );
}
const MAX_SEARCH_LENGTH = 200;
const MAX_IDS = MAX_PAGE_SIZE;

function parseJson(parameter: 'sort' | 'range' | 'filter', text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ListQueryError(parameter, 'must be valid JSON');
  }
}

function parseSort(text: string | undefined, spec: ListSpec): ListQuery['sort'] {
  const pair = text === undefined ? spec.defaultSort : parseJson('sort', text);
  if (!Array.isArray(pair) || pair.length !== 2) {
    throw new ListQueryError('sort', 'must be a JSON array ["field","ASC"|"DESC"]');
  }
  const [field, order] = pair as unknown[];
  const def = typeof field === 'string' && Object.hasOwn(spec.fields, field) ? spec.fields[field] : undefined;
  // `id` is react-admin's own default sort (a ReferenceInput, a list without `sort`): every list takes
  // it, by the column its `id` stands for (the access log's `seq`), whether or not the spec marks it.
  const column = field === ID_FIELD ? (def?.column ?? ID_FIELD) : def?.sortable ? def.column : undefined;
  if (column === undefined) {
    const allowed = [ID_FIELD, ...Object.keys(spec.fields).filter((f) => f !== ID_FIELD && spec.fields[f]?.sortable)];
    throw new ListQueryError('sort', `field must be one of ${allowed.join(', ')}`);
  }
  if (order !== 'ASC' && order !== 'DESC') {
    throw new ListQueryError('sort', 'order must be ASC or DESC');
  }
  return { column, order };
}

function parseRange(text: string | undefined, idCount: number | undefined): Pick<ListQuery, 'offset' | 'limit'> {
  if (text === undefined) {
    // react-admin's getMany sends ids without a range: answer all of them.
    return { offset: 0, limit: idCount ?? DEFAULT_PAGE_SIZE };
  }
  const range = parseJson('range', text);
  if (!Array.isArray(range) || range.length !== 2 || !range.every((n) => Number.isSafeInteger(n) && (n as number) >= 0)) {
    throw new ListQueryError('range', 'must be a JSON array [start, end] of two non-negative integers');
  }
  const [start, end] = range as [number, number];
  if (end < start) throw new ListQueryError('range', 'end must not be before start');
  if (end - start + 1 > MAX_PAGE_SIZE) throw new ListQueryError('range', `may span at most ${MAX_PAGE_SIZE} records`);
  return { offset: start, limit: end - start + 1 };
}

function coerce(field: string, def: ListField, value: unknown): string | number | boolean {
  const bad = (rule: string): never => {
    throw new ListQueryError('filter', `${field} ${rule}`);
  };
  switch (def.type) {
    case 'string':
      if (typeof value !== 'string' || value.length > MAX_SEARCH_LENGTH) bad(`must be a string of at most ${MAX_SEARCH_LENGTH} characters`);
      // NUL reached PostgreSQL as a 500 (found by the bad-input suite).
      if (textProblem(value as string)) bad(textProblem(value as string) as string);
      return value as string;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) bad('must be a number');
      return value as number;
    case 'sequence':
      // As served (text, so a bigint keeps every digit) or as a number: getMany sends the ids it was given.
      if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
      if (typeof value !== 'string' || !/^\d{1,18}$/.test(value)) bad('must be a record number (digits)');
      return value as string;
    case 'boolean':
      if (typeof value !== 'boolean') bad('must be true or false');
      return value as boolean;
    case 'uuid':
      if (typeof value !== 'string' || !UUID.test(value)) bad('must be a UUID');
      return (value as string).toLowerCase();
    case 'date':
      if (typeof value !== 'string' || !isDate(value)) bad('must be a date YYYY-MM-DD');
      return value as string;
    case 'datetime':
      // Checked before the pattern so that a NUL is named as such ("2024-01-01 (\u0000)" was a 500, 22021).
      if (typeof value === 'string' && textProblem(value)) bad(textProblem(value) as string);
      if (typeof value !== 'string' || !isDateTime(value)) bad('must be an ISO 8601 date-time (YYYY-MM-DD, optionally THH:MM[:SS[.fff]] and Z or ±HH:MM)');
      return value as string;
  }
}

function parseFilter(text: string | undefined, spec: ListSpec): Condition[] {
  if (text === undefined) return [];
  const filter = parseJson('filter', text);
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    throw new ListQueryError('filter', 'must be a JSON object');
  }
  const conditions: Condition[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'q') {
      if (typeof value !== 'string' || value.length > MAX_SEARCH_LENGTH) {
        throw new ListQueryError('filter', `q must be a string of at most ${MAX_SEARCH_LENGTH} characters`);
      }
      const problem = textProblem(value);
      if (problem) throw new ListQueryError('filter', `q ${problem}`);
      const words = value.trim().split(/\s+/).filter(Boolean);
      if (words.length > 0 && spec.searchColumns.length > 0) conditions.push({ kind: 'search', columns: spec.searchColumns, words });
      continue;
    }
    const range = /^(.+)_(gte|lte)$/.exec(key);
    const field = range ? (range[1] as string) : key;
    const def = Object.hasOwn(spec.fields, field) ? spec.fields[field] : undefined;
    if (!def?.filterable) {
      const allowed = ['q', ...Object.keys(spec.fields).filter((f) => spec.fields[f]?.filterable)];
      // Echo the key only when it looks like a field name: any text (a CPR number, SQL, 20 kB) was
      // repeated in the message and the log (found by the bad-input suite).
      const shown = /^[A-Za-z][A-Za-z0-9_]{0,49}$/.test(key) ? key : 'this key';
      throw new ListQueryError('filter', `${shown} is not a filter here; allowed: ${allowed.join(', ')} (and _gte/_lte on numbers and dates)`);
    }
    if (range) {
      if (!['number', 'date', 'datetime'].includes(def.type)) throw new ListQueryError('filter', `${key}: ranges apply only to numbers and dates`);
      const bound = coerce(key, def, value) as string | number;
      const kind = range[2] as 'gte' | 'lte';
      conditions.push({ kind, column: def.column, value: def.type === 'datetime' && isDay(bound) ? (kind === 'gte' ? danishDayStart(bound) : danishDayEnd(bound)) : bound });
    } else if (def.type === 'datetime' && typeof value === 'string' && isDay(coerce(key, def, value))) {
      // A day alone on a date-time: every instant of that Danish day.
      conditions.push({ kind: 'gte', column: def.column, value: danishDayStart(value) }, { kind: 'lte', column: def.column, value: danishDayEnd(value) });
    } else if (Array.isArray(value)) {
      if (value.length > MAX_IDS) throw new ListQueryError('filter', `${key} may list at most ${MAX_IDS} values`);
      if (def.type === 'boolean') throw new ListQueryError('filter', `${key} must be true or false`);
      // A day alone on a date-time is a whole Danish day (above), which a list of instants cannot hold.
      if (def.type === 'datetime' && value.some((v) => isDay(v))) throw new ListQueryError('filter', `${key} lists date-times with a time; for a whole day, give the day alone`);
      conditions.push({ kind: 'in', column: def.column, values: value.map((v) => coerce(key, def, v) as string | number) });
    } else if (value === null) {
      conditions.push({ kind: 'eq', column: def.column, value: null });
    } else {
      conditions.push({ kind: 'eq', column: def.column, value: coerce(key, def, value) });
    }
  }
  return conditions;
}

export function parseListQuery(raw: RawListQuery, spec: ListSpec): ListQuery {
  const conditions = parseFilter(raw.filter, spec);
  const idFilter = conditions.find((c): c is Extract<Condition, { kind: 'in' }> => c.kind === 'in' && c.column === 'id');
  return {
    sort: parseSort(raw.sort, spec),
    ...parseRange(raw.range, idFilter ? Math.max(idFilter.values.length, 1) : undefined),
    conditions,
  };
}

/** The Content-Range header react-admin reads the total from: `centres 0-24/319`. */
export function contentRange(resource: string, offset: number, count: number, total: number): string {
  return count === 0 ? `${resource} */${total}` : `${resource} ${offset}-${offset + count - 1}/${total}`;
}
