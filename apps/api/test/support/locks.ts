import { db } from './http';

/**
 * Resolves once a session of this database waits for a lock on `table` (one a test holds, to stop
 * another transaction half-way) with a statement that contains `statement`; throws if none does
 * within `timeoutMs` (well inside a test's own timeout, so that the failure names the wait).
 */
export async function someoneWaitsFor(table: string, statement: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE NOT l.granted AND l.relation = $1::regclass AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND a.query ILIKE '%' || $2 || '%'`,
      [table, statement],
    );
    if ((rows[0]?.n ?? 0) > 0) return;
    if (Date.now() > until) throw new Error(`no one waited for a lock on ${table} (${statement}) within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
