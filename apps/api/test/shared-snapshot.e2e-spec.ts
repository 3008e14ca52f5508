import { Client } from 'pg';
import { exportSnapshot, importSnapshot } from '../src/exports/shared-snapshot';
import { createCitizen } from './support/fixtures';
import { closeDb } from './support/http';

// Decision 189: an export decides its release on a second connection while the first reads its
// rows, and both must read one snapshot. The attack: a citizen committed after the rows'
// transaction began but before the release's transaction did would be in one and not the other.
// The expected counts come from a third transaction that did not import the snapshot.

const clients: Client[] = [];
async function connect(): Promise<Client> {
  const client = new Client({ connectionString: process.env['TEST_DATABASE_URL'] });
  await client.connect();
  clients.push(client);
  return client;
}
const runner = (client: Client) => ({ query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows });
const citizens = async (client: Client): Promise<number> => Number((await client.query('SELECT count(*) AS n FROM citizen')).rows[0].n);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  await closeDb();
});

describe('two transactions in one snapshot', () => {
  it('see neither a citizen committed between them, and the same snapshot; a transaction of its own sees it', async () => {
    const rows = await connect();
    await rows.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const before = await citizens(rows);
    const id = await exportSnapshot(runner(rows));

    await createCitizen('aarhus'); // committed through the API, after the rows' snapshot was taken

    const release = await connect();
    await release.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await importSnapshot(runner(release), id);
    const own = await connect();
    await own.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');

    expect(await citizens(own)).toBe(before + 1);
    expect(await citizens(release)).toBe(before);
    const snapshotOf = async (c: Client): Promise<string> => (await c.query('SELECT pg_current_snapshot()::text AS s')).rows[0].s;
    expect(await snapshotOf(release)).toBe(await snapshotOf(rows));
    expect(await snapshotOf(own)).not.toBe(await snapshotOf(rows));
    for (const c of [rows, release, own]) await c.query('COMMIT');
  });

  it('cannot import a snapshot once its transaction has ended (so the worker keeps the rows\' transaction open throughout)', async () => {
    const rows = await connect();
    await rows.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const id = await exportSnapshot(runner(rows));
    await rows.query('COMMIT');
    const late = await connect();
    await late.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // "invalid snapshot identifier": 22023 on PostgreSQL 15, 42704 (undefined_object) on 18.
    await expect(importSnapshot(runner(late), id)).rejects.toMatchObject({ code: expect.stringMatching(/^(22023|42704)$/) });
    await late.query('ROLLBACK');
  });

  it('refuses an id PostgreSQL did not make, before anything is sent (the id is written into the statement)', async () => {
    const late = await connect();
    await late.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const sent: string[] = [];
    const spy = { query: async (sql: string) => void sent.push(sql) };
    for (const forged of [`00000003-0000001B-1'; SET ROLE postgres; --`, '', '0000-00', `x-y-1`]) {
      await expect(importSnapshot(spy, forged)).rejects.toThrow('not a snapshot id');
    }
    expect(sent).toEqual([]);
    // The transaction was not touched: it still reads.
    expect(await citizens(late)).toBeGreaterThanOrEqual(0);
    await late.query('ROLLBACK');
  });
});
