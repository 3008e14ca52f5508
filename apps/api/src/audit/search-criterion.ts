import {
  ACCESS_ACTIONS, ACCESS_OUTCOMES, ATTENDANCE, CONTACT_CHANNELS, CONTACT_TYPES, DUE_STATUSES, ENROLMENT_STATES, EXPORT_DATASETS, EXPORT_FORMATS,
  EXPORT_JOB_STATUSES, FACILITATOR_ROLES, GROUP_ATTENDANCE, GROUP_KINDS, MEETING_STATUSES, PLACE_TYPES, RESOURCES, ROLES, SEXES, TIMEPOINTS,
  TRAINING_KINDS, VOLUNTEER_STATUSES,
} from '@outcomes/contracts';
import type { SearchCriterion, SearchedText } from '@outcomes/contracts';
import { nameTokens } from '@outcomes/domain';

/**
 * The words of our own vocabularies (states, statuses, kinds, roles, resources): a filter value that is
 * one of them names no person, so it is logged as it is. Any other text is logged as SearchedText.
 */
const VOCABULARY: ReadonlySet<string> = new Set<string>([
  ...ACCESS_ACTIONS, ...ACCESS_OUTCOMES, ...ATTENDANCE, ...CONTACT_CHANNELS, ...CONTACT_TYPES, ...DUE_STATUSES, ...ENROLMENT_STATES, ...EXPORT_DATASETS,
  ...EXPORT_FORMATS, ...EXPORT_JOB_STATUSES, ...FACILITATOR_ROLES, ...GROUP_ATTENDANCE, ...GROUP_KINDS, ...MEETING_STATUSES, ...PLACE_TYPES, ...RESOURCES,
  ...ROLES, ...SEXES, ...TIMEPOINTS, ...TRAINING_KINDS, ...VOLUNTEER_STATUSES,
]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A calendar day or an instant, as the list filters take them (at_gte, referralDate, ...). */
const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
/** ddmmyy-nnnn or ddmmyynnnn, alone or inside other text, with or without the dash or a space. */
const CPR_SHAPE = /(?<!\d)(\d{6})[- ]?(\d{4})(?!\d)/g;
/** A filter key as our allow-lists spell them; anything else is not logged by name either. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,59}$/;

export type Hasher = (value: string) => string;

/** Free text, by what was searched: how many words, whether it held a CPR number, a keyed hash of each word. */
export function describeText(text: string, hash: Hasher): SearchedText {
  const cprs = [...text.matchAll(CPR_SHAPE)].map((m) => `${m[1]}${m[2]}`);
  const rest = text.replace(CPR_SHAPE, ' ');
  const words = text.split(/\s+/).filter((w) => w.length > 0).length;
  const hashes = [...new Set([...cprs.map((d) => hash(`cpr:${d}`)), ...nameTokens(rest).map((t) => hash(`word:${t}`))])];
  return { words, cpr: cprs.length > 0, hashes };
}

/** A value that identifies no one by itself: an id, a day or an instant, a number, a yes/no, a word of our vocabularies. */
function isSafe(value: unknown): boolean {
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return UUID.test(value) || DATE_OR_INSTANT.test(value) || VOCABULARY.has(value);
  return false;
}

function describeValue(value: unknown, hash: Hasher): unknown {
  if (isSafe(value)) return value;
  if (Array.isArray(value)) return value.map((v) => describeValue(v, hash));
  if (typeof value === 'string') return describeText(value, hash);
  // Numbers that are not finite, objects: no filter of ours takes them; say what it was, not what it held.
  return { type: typeof value };
}

/**
 * The criterion of a search as logged (JSON): the filter's field names and, per field, the value
 * itself when it identifies no one (see isSafe) or else only its SearchedText. Never the text.
 * Null for no filter.
 */
export function searchCriterion(filter: Record<string, unknown> | null | undefined, hash: Hasher): string | null {
  if (!filter) return null;
  const fields: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    const name = FIELD_NAME.test(key) ? key : `field:${hash(`field:${key}`).slice(0, 16)}`;
    fields.push(name);
    values[name] = describeValue(value, hash);
  }
  if (fields.length === 0) return null;
  const criterion: SearchCriterion = { fields, values };
  return JSON.stringify(criterion);
}

/** The filter of a list request: `filter` in the query string (GET) or in a JSON body (POST /search), parsed; else the body itself (POST /lookup). */
export function filterOf(query: unknown, body: unknown): Record<string, unknown> | null {
  const fromQuery = (query as Record<string, unknown> | undefined)?.['filter'];
  const raw = typeof fromQuery === 'string' ? fromQuery : (body as Record<string, unknown> | undefined)?.['filter'];
  if (typeof raw === 'string') {
    try {
      const parsed: unknown = JSON.parse(raw);
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }
  if (raw === undefined && body && typeof body === 'object' && !Array.isArray(body)) {
    const rest = Object.fromEntries(Object.entries(body as Record<string, unknown>).filter(([k]) => !['sort', 'range'].includes(k)));
    return Object.keys(rest).length > 0 ? rest : null;
  }
  return null;
}
