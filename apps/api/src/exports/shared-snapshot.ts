import type { SqlRunner } from '../tenancy/tenant-session';

// Two transactions that read one snapshot (decision 189): an export's rows are read on one
// connection while its release is decided on another, and both must see exactly the same data, or a
// row written between them could be in the file without having been counted by the release.
// PostgreSQL's own mechanism: the first transaction exports its snapshot, the second imports it
// before its first query (both REPEATABLE READ; a hot standby can export too, since PostgreSQL 10).

/** What pg_export_snapshot() answers: hexadecimal process and transaction numbers, then a count. */
const SNAPSHOT_ID = /^[0-9A-F]+-[0-9A-F]+-[0-9]+$/;

/** The snapshot of `db`'s transaction (REPEATABLE READ, begun), importable while that transaction is open. */
export async function exportSnapshot(db: SqlRunner): Promise<string> {
  const [row] = (await db.query('SELECT pg_export_snapshot() AS id')) as [{ id: string }];
  return row.id;
}

/**
 * Makes `db`'s transaction, begun REPEATABLE READ and not yet queried, read the snapshot `id`.
 * SET TRANSACTION takes no parameter, so the id is checked to be one PostgreSQL made before it is
 * written into the statement.
 */
export async function importSnapshot(db: SqlRunner, id: string): Promise<void> {
  if (!SNAPSHOT_ID.test(id)) throw new Error('not a snapshot id');
  await db.query(`SET TRANSACTION SNAPSHOT '${id}'`);
}
