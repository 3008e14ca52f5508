/** A SQL literal of a query parameter: ids and dates, arrays of ids. */
function literal(value: unknown): string {
  const quote = (v: string): string => `'${v.replace(/'/g, "''")}'`;
  if (Array.isArray(value)) return `ARRAY[${value.map((v) => quote(String(v))).join(', ')}]::uuid[]`;
  return quote(String(value));
}

/**
 * A parameterised query with its parameters written in, for `psql` (which takes no bind parameters):
 * what `cli.js export-sql` and `report-sql` print for the benchmark's baselines. Never for running
 * queries in the API, which always binds.
 */
export function withLiterals(sql: string, params: unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => literal(params[Number(n) - 1]));
}
