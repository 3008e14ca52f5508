const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored as text, or undefined when it can. Pure: used by pipes and the list-query parser. */
export function textProblem(value: string): string | undefined {
  // PostgreSQL text cannot hold NUL: the query would fail in the database, a 500.
  if (value.includes('\u0000')) return 'must not contain NUL characters';
  // The driver would silently store U+FFFD instead: refuse rather than corrupt.
  if (LONE_SURROGATE.test(value)) return 'must be well-formed Unicode (it contains a lone surrogate)';
  return undefined;
}
