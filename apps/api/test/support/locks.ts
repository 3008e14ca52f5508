import { db } from './http';

/**
 * Resolves once some session waits for a lock on `table` (one a test holds, to stop another
 * transaction half-way); throws if none does within `timeoutMs`.
 */
export async function someoneWaitsFor(table: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db().query<{ n: number }>('SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = $1::regclass', [table]);
    if ((rows[0]?.n ?? 0) > 0) return;
    if (Date.now() > until) throw new Error(`no one waited for a lock on ${table} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
