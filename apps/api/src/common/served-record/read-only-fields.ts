/**
 * react-admin's `update` sends the record as it was served, changed where the user changed it: with
 * its id, times, version and whatever else the GET answered that the PUT does not take. Those are the
 * record's read-only fields. Pure: the interceptor (served-record.interceptor.ts) gives it the body,
 * the fields the PUT's DTO takes and the record as the GET serves it now.
 */

/** Deeper than any record the API serves; a deeper value in a body is never equal to one. */
const MAX_DEPTH = 16;

export const READ_ONLY_RULE = 'is read-only: it cannot be changed here';

/** Equality of two JSON values (as parsed from JSON: no Dates, no undefined), key order ignored. */
export function sameJson(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (depth >= MAX_DEPTH || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameJson(item, b[i], depth + 1));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => Object.hasOwn(right, key) && sameJson(left[key], right[key], depth + 1));
}

export interface ReadOnlyVerdict {
  /** The body without the read-only fields, for the DTO's validation. */
  body: Record<string, unknown>;
  /** `{ field: rule }` for each read-only field whose value is not the served one; empty when none. */
  changed: Record<string, string>;
}

/**
 * Splits what a PUT carries beyond its DTO: fields of the served record are taken out (refused when
 * their value is not the served one), anything else stays for the ValidationPipe to refuse as unknown.
 * A body whose `version` is not the served record's was made from an older copy: its read-only fields
 * are not compared (an older `updatedAt` is no change by this user) and the update's version check
 * answers 409 as it would without them.
 */
export function splitReadOnly(body: Record<string, unknown>, accepted: ReadonlySet<string>, served: Record<string, unknown>): ReadOnlyVerdict {
  const stale = accepted.has('version') && Object.hasOwn(served, 'version') && Object.hasOwn(body, 'version') && body['version'] !== served['version'];
  const kept: Record<string, unknown> = {};
  const changed: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (accepted.has(key) || !Object.hasOwn(served, key)) {
      Object.defineProperty(kept, key, { value, enumerable: true, writable: true, configurable: true });
    } else if (!stale && !sameJson(value, served[key])) {
      changed[key] = READ_ONLY_RULE;
    }
  }
  return { body: kept, changed };
}

/** Whether a body carries anything beyond the DTO's fields (only then is the served record needed). */
export function carriesMoreThan(body: Record<string, unknown>, accepted: ReadonlySet<string>): boolean {
  return Object.keys(body).some((key) => !accepted.has(key));
}
