import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccessLogVerification } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { Client } from 'pg';
// Plain JS helper shared with the browser tests and CI.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startApi } from '../../../tools/testing/api-process.cjs';
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { RunningApi } from '../../../tools/testing/api-process.cjs';
import { chainHash } from '../src/audit/access-log-chain';
import { freshDatabase, processSecrets, queryOnce } from './support/fresh-database';
import type { FreshDatabase } from './support/fresh-database';

/*
 * Issue 23, decision 183: the access log's pipelined append. A request in one chain whose head the
 * process knows links its rows on the predicted head with seqs drawn ahead and sends
 * access_log_expect(), the INSERT and the COMMIT in one query; the database refuses a wrong
 * prediction and the request falls back to access_log_reserve() in the same transaction. Which path
 * was taken is read from PostgreSQL's own count of function calls (track_functions), which the API
 * cannot write; the chain is checked by the API's verify and by `audit-verify --chain-only`.
 */

const PASSWORD = 'demo-password-2026';
const AARHUS = DEMO_IDS.municipalities.aarhus;
const STAFF = DEMO_IDS.users.aarhus.staff;
const CLI = join(__dirname, '../../../dist/apps/api/cli.js');

const secrets = processSecrets();
const anchorDir = mkdtempSync(join(tmpdir(), 'outcomes-fast-path-anchors-'));
let database: FreshDatabase;
let env: Record<string, string>;

async function signIn(api: RunningApi, email: string): Promise<string> {
  const res = await fetch(`${api.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

/** A personal-data list (a page of citizens: one access-log row in Aarhus's chain). */
async function listCitizens(api: RunningApi, token: string): Promise<number> {
  const res = await fetch(`${api.baseUrl}/api/citizens?range=${encodeURIComponent('[0,9]')}`, { headers: { authorization: `Bearer ${token}` } });
  await res.text();
  return res.status;
}

const ownerQuery = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => queryOnce<T>(database.url, sql, params);

/** The tenant settings of Aarhus's staff member, as the API sets them (row-level security reads them). */
const STAFF_TENANT = `SELECT set_config('app.user_id', '${STAFF}', true), set_config('app.role', 'staff', true), set_config('app.municipality_id', '${AARHUS}', true), set_config('app.municipality_ids', '${AARHUS}', true)`;

/** The staff member's list rows in Aarhus's chain. */
async function staffListRows(): Promise<number> {
  const [row] = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM access_log WHERE user_id = $1 AND municipality_id = $2 AND resource = 'citizens' AND action = 'search'`, [STAFF, AARHUS]);
  return row?.n ?? 0;
}

/**
 * The calls of access_log_reserve() and access_log_expect() so far, once every backend of the API's
 * role has ended (a backend's counts reach the statistics when it flushes them, at the latest at exit).
 */
async function functionCalls(): Promise<{ reserve: number; expect: number }> {
  for (let i = 0; i < 100; i++) {
    const [left] = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = 'outcomes_app' AND datname = current_database()`);
    if (left?.n === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 300));
  const rows = await ownerQuery<{ funcname: string; calls: number }>(`SELECT funcname, calls::int AS calls FROM pg_stat_user_functions WHERE funcname IN ('access_log_reserve', 'access_log_expect')`);
  return { reserve: rows.find((r) => r.funcname === 'access_log_reserve')?.calls ?? 0, expect: rows.find((r) => r.funcname === 'access_log_expect')?.calls ?? 0 };
}

function chainOnlyVerify(): { status: number | null; line: string } {
  const result = spawnSync(process.execPath, [CLI, 'audit-verify', '--chain-only'], {
    env: { PATH: process.env['PATH'], NODE_ENV: 'test', DATA_DIR: join(anchorDir, 'unused'), DATABASE_URL: database.url, AUDIT_KEY: secrets['AUDIT_KEY'] as string },
    encoding: 'utf8',
  });
  return { status: result.status, line: result.stdout.split('\n')[0] ?? '' };
}

async function verdictOf(api: RunningApi, token: string): Promise<AccessLogVerification> {
  return (await (await fetch(`${api.baseUrl}/api/access-log/verify`, { headers: { authorization: `Bearer ${token}` } })).json()) as AccessLogVerification;
}

beforeAll(async () => {
  database = await freshDatabase('fastpath');
  // PostgreSQL counts the calls of PL/pgSQL functions: the test's honest signal of the path taken.
  await ownerQuery(`ALTER DATABASE ${database.name} SET track_functions = 'pl'`);
  env = { DATABASE_URL: database.url, SEED_DEMO: 'true', LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT: '100000', AUDIT_ANCHOR_DIR: anchorDir, ...secrets };
  // Migrate and seed once, so the calls counted below are the requests' only.
  const seeding = await startApi(env);
  await seeding.stop();
}, 120_000);

afterAll(async () => {
  await database?.drop();
  rmSync(anchorDir, { recursive: true, force: true });
});

describe('the pipelined append (decision 183)', () => {
  it('serves 64 concurrent lists of one municipality on the fast path, each with its row, the chain intact', async () => {
    const before = await functionCalls();
    const api = await startApi(env);
    let token = '';
    let rowsBefore = 0;
    try {
      token = await signIn(api, 'staff@aarhus.demo');
      rowsBefore = await staffListRows();
      // The first request leads (the process knows no head yet) and teaches the head.
      expect(await listCitizens(api, token)).toBe(200);
      // One after the other: each predicted on the one before, none refused.
      for (let i = 0; i < 10; i++) expect(await listCitizens(api, token)).toBe(200);
      const statuses = await Promise.all(Array.from({ length: 64 }, () => listCitizens(api, token)));
      expect(statuses).toEqual(Array.from({ length: 64 }, () => 200));
      const admin = await signIn(api, 'admin@aarhus.demo');
      const verdict = await verdictOf(api, admin);
      expect(verdict).toMatchObject({ ok: true, firstBrokenSeq: null });
      expect(verdict.chains).toEqual([expect.objectContaining({ chain: AARHUS, ok: true })]);
    } finally {
      await api.stop();
    }
    // Every request has its row: 1 + 10 + 64.
    expect((await staffListRows()) - rowsBefore).toBe(75);
    const after = await functionCalls();
    const reserve = after.reserve - before.reserve;
    const expectCalls = after.expect - before.expect;
    // PostgreSQL counts a function's calls that returned (a refused access_log_expect() raised, and is
    // not counted). The first list led (the process knew no head): one access_log_reserve(). Every
    // other list, and verify's own row, committed on its prediction: one access_log_expect() each,
    // the 64 at once too (a request the database took before its predecessor waited for it and sent
    // its query again). No fallback: nothing else writes the chain.
    process.stdout.write(`fast path: ${expectCalls} access_log_expect calls, ${reserve} access_log_reserve calls for 75 lists, 2 logins and a verify\n`);
    expect({ expectCalls, reserve }).toEqual({ expectCalls: 74 + 1, reserve: 1 });
    const cli = chainOnlyVerify();
    expect(cli.line).toMatch(/^access log verified: \d+ rows, chain intact/);
    expect(cli.status).toBe(0);
  }, 120_000);

  it('self-heals with two API processes writing the same chain: every request answered, every row there, the chain intact', async () => {
    const before = await functionCalls();
    const apis = [await startApi(env), await startApi(env)];
    try {
      const tokens = [await signIn(apis[0] as RunningApi, 'staff@aarhus.demo'), await signIn(apis[1] as RunningApi, 'staff@aarhus.demo')];
      const rowsBefore = await staffListRows();
      const statuses: number[] = [];
      for (let round = 0; round < 4; round++) {
        // Interleaved: each round, ten at once on each process.
        statuses.push(...(await Promise.all(Array.from({ length: 20 }, (_, i) => listCitizens(apis[i % 2] as RunningApi, tokens[i % 2] as string)))));
      }
      expect(statuses).toEqual(Array.from({ length: 80 }, () => 200));
      expect((await staffListRows()) - rowsBefore).toBe(80);
      const admin = await signIn(apis[0] as RunningApi, 'admin@aarhus.demo');
      expect(await verdictOf(apis[1] as RunningApi, admin)).toMatchObject({ ok: true, firstBrokenSeq: null });
    } finally {
      for (const api of apis) await api.stop();
    }
    // Each process's predictions were refused after the other's rows (a seq not above the head, or
    // another hash) and fell back to access_log_reserve(): more reserves than the two first leaders.
    const after = await functionCalls();
    process.stdout.write(`two processes: ${after.expect - before.expect} access_log_expect calls, ${after.reserve - before.reserve} access_log_reserve calls for 80 lists, 3 logins and a verify\n`);
    expect(after.reserve - before.reserve).toBeGreaterThan(2);
    const cli = chainOnlyVerify();
    expect(cli.line).toMatch(/^access log verified: \d+ rows, chain intact/);
    expect(cli.status).toBe(0);
  }, 120_000);

  it('leaves no row of a request whose fast append failed, and the next requests chain on', async () => {
    const api = await startApi(env);
    try {
      const token = await signIn(api, 'staff@aarhus.demo');
      expect(await listCitizens(api, token)).toBe(200);
      expect(await listCitizens(api, token)).toBe(200);
      // The head is known and predicted on. Now the log refuses the staff member's list rows (the
      // owner's constraint, for the test): the fast INSERT fails, then the fallback's too.
      const rowsBefore = await staffListRows();
      await ownerQuery(`ALTER TABLE access_log ADD CONSTRAINT fast_path_test CHECK (user_id <> '${STAFF}' OR resource <> 'citizens') NOT VALID`);
      try {
        expect(await listCitizens(api, token)).toBe(500);
      } finally {
        await ownerQuery('ALTER TABLE access_log DROP CONSTRAINT fast_path_test');
      }
      expect(await staffListRows()).toBe(rowsBefore);
      // A row the process did not predict: another writer's (it holds the key), appended as the API's
      // role through the slow path. The process's next prediction is refused and it falls back.
      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        await client.query('BEGIN');
        await client.query('SET LOCAL ROLE outcomes_app');
        await client.query(STAFF_TENANT);
        const [reserved] = (await client.query<{ prev_hashes: string[]; seqs: string[] }>('SELECT prev_hashes, seqs FROM access_log_reserve($1::text[], 1)', [[AARHUS]])).rows;
        const row = { seq: reserved?.seqs[0] as string, at: new Date(), userId: STAFF, role: 'staff', municipalityId: AARHUS, action: 'list', resource: 'users', recordId: null, citizenId: null, criterion: null, address: '127.0.0.1', outcome: 'ok', citizenIds: null, change: null, prevHash: reserved?.prev_hashes[0] as string };
        await client.query(
          `INSERT INTO access_log (seq, at, user_id, role, municipality_id, action, resource, record_id, citizen_id, criterion, address, outcome, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
          [row.seq, row.at, row.userId, row.role, row.municipalityId, row.action, row.resource, row.recordId, row.citizenId, row.criterion, row.address, row.outcome, row.prevHash, chainHash(secrets['AUDIT_KEY'] as string, row)],
        );
        await client.query('COMMIT');
      } finally {
        await client.end();
      }
      for (let i = 0; i < 5; i++) expect(await listCitizens(api, token)).toBe(200);
      expect((await staffListRows()) - rowsBefore).toBe(5);
    } finally {
      await api.stop();
    }
    const cli = chainOnlyVerify();
    expect(cli.line).toMatch(/^access log verified: \d+ rows, chain intact/);
    expect(cli.status).toBe(0);
  }, 120_000);
});

describe('access_log_expect() against the API’s own role', () => {
  let client: Client;
  beforeEach(async () => {
    client = new Client({ connectionString: database.url });
    await client.connect();
  });
  afterEach(async () => {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  });

  const head = async (): Promise<{ seq: string; hash: string }> => (await ownerQuery<{ seq: string; hash: string }>('SELECT seq::text AS seq, hash FROM access_log_chain_head($1)', [AARHUS]))[0] as { seq: string; hash: string };
  const asApp = async (): Promise<void> => {
    await client.query('BEGIN');
    await client.query('SET LOCAL ROLE outcomes_app');
    await client.query(STAFF_TENANT);
  };
  const count = async (): Promise<number> => (await ownerQuery<{ n: number }>('SELECT count(*)::int AS n FROM access_log'))[0]?.n ?? -1;
  /** The owner takes rows a test made up out of the log again (the triggers off), for the tests after it. */
  const removeMadeUpRows = async (seqs: string[]): Promise<void> => {
    const owner = new Client({ connectionString: database.url });
    await owner.connect();
    try {
      await owner.query('BEGIN');
      await owner.query('ALTER TABLE access_log DISABLE TRIGGER USER');
      await owner.query('DELETE FROM access_log WHERE seq = ANY($1::bigint[])', [seqs]);
      await owner.query('ALTER TABLE access_log ENABLE TRIGGER USER');
      await owner.query('COMMIT');
    } finally {
      await owner.end();
    }
  };

  it('refuses a wrong head, a seq not above the head and a made-up chain, and writes nothing', async () => {
    const { seq, hash } = await head();
    const rows = await count();
    const above = (n: bigint): string => String(BigInt(seq) + n);
    for (const [prev, prevSeq, first, code] of [
      // A wrong hash: the chain went elsewhere, or (the predicted head's seq above the head's) the predecessor is not in.
      ['f'.repeat(64), seq, above(1000n), 'OLA01'],
      ['f'.repeat(64), above(500n), above(1000n), 'OLA02'],
      // The right hash, but a first seq not above the head's: within a chain seq order is commit order.
      [hash, seq, seq, 'OLA01'],
      [hash, seq, above(-1n), 'OLA01'],
      [null, seq, above(1000n), 'OLA01'],
      [hash, seq, null, 'OLA01'],
    ]) {
      await asApp();
      await expect(client.query('SELECT access_log_expect($1, $2, $3, $4)', [AARHUS, prev, prevSeq, first])).rejects.toMatchObject({ code });
      await client.query('ROLLBACK');
    }
    for (const chain of ['legacy', 'aarhus', null]) {
      await asApp();
      await expect(client.query('SELECT access_log_expect($1, $2, $3, $4)', [chain, hash, seq, String(BigInt(seq) + 1000n)])).rejects.toMatchObject({ code: '22023' });
      await client.query('ROLLBACK');
    }
    expect(await count()).toBe(rows);
    expect(await head()).toEqual({ seq, hash });
  });

  it('releases the chain’s lock when the fast append rolls back to its savepoint', async () => {
    const { seq } = await head();
    await asApp();
    await client.query('SAVEPOINT access_log_fast');
    await expect(client.query('SELECT access_log_expect($1, $2, $3, $4)', [AARHUS, 'f'.repeat(64), seq, String(BigInt(seq) + 1000n)])).rejects.toMatchObject({ code: 'OLA01' });
    await client.query('ROLLBACK TO SAVEPOINT access_log_fast');
    const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
    const held = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND pid = $1`, [pid]);
    expect(held[0]?.n).toBe(0);
  });

  it('lets a row with a made-up hash in after a right expect, and verify finds it', async () => {
    const { seq, hash } = await head();
    await asApp();
    const [{ next }] = (await client.query<{ next: string }>(`SELECT nextval('access_log_seq')::text AS next`)).rows as [{ next: string }];
    await client.query('SELECT access_log_expect($1, $2, $3, $4)', [AARHUS, hash, seq, next]);
    await client.query(
      `INSERT INTO access_log (seq, at, user_id, role, municipality_id, action, resource, outcome, prev_hash, hash)
       VALUES ($1, now(), $2, 'staff', $3, 'list', 'citizens', 'ok', $4, $5)`,
      [next, STAFF, AARHUS, hash, 'a'.repeat(64)],
    );
    await client.query('COMMIT');
    try {
      const cli = chainOnlyVerify();
      expect(cli.status).toBe(1);
      expect(cli.line).toContain(`BROKEN at seq ${next}: the row was changed after it was written`);
      expect(BigInt(next)).toBeGreaterThan(BigInt(seq));
    } finally {
      await removeMadeUpRows([next]);
    }
  });

  it('waits for the append it was predicted on when that one reaches the database after it, and only then returns (decision 190)', async () => {
    // Two appends the API sent in order, A then B (B predicted on A's row), reaching the database in
    // the other order. Before decision 190, B was refused at once (OLA02); now it lets go of the
    // chain's lock, A takes it and commits, and B goes on on A's row.
    const { seq, hash } = await head();
    const second = new Client({ connectionString: database.url });
    await second.connect();
    const forged: string[] = [];
    try {
      const [{ a, b }] = (await client.query<{ a: string; b: string }>(`SELECT nextval('access_log_seq')::text AS a, nextval('access_log_seq')::text AS b`)).rows as [{ a: string; b: string }];
      forged.push(a, b);
      const hashA = 'a'.repeat(64);
      await asApp();
      const waiting = client.query('SELECT access_log_expect($1, $2, $3, $4)', [AARHUS, hashA, a, b]);
      // B is in the database, waiting: its backend sleeps between looks.
      let sleeping = false;
      for (let i = 0; i < 100 && !sleeping; i++) {
        const { rows } = await second.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE 'SELECT access_log_expect%' AND wait_event IN ('PgSleep', 'advisory')`);
        sleeping = (rows[0]?.n ?? 0) > 0;
      }
      expect(sleeping).toBe(true);
      // A arrives: its lock is free (B let go of it), its head is the chain's.
      await second.query('BEGIN');
      await second.query('SET LOCAL ROLE outcomes_app');
      await second.query(STAFF_TENANT);
      await second.query('SELECT access_log_expect($1, $2, $3, $4)', [AARHUS, hash, seq, a]);
      await second.query(
        `INSERT INTO access_log (seq, at, user_id, role, municipality_id, action, resource, outcome, prev_hash, hash)
         VALUES ($1, now(), $2, 'staff', $3, 'list', 'citizens', 'ok', $4, $5)`,
        [a, STAFF, AARHUS, hash, hashA],
      );
      await second.query('COMMIT');
      // Resolved, not refused: a refusal (OLA02) would reject here.
      await waiting;
      await client.query(
        `INSERT INTO access_log (seq, at, user_id, role, municipality_id, action, resource, outcome, prev_hash, hash)
         VALUES ($1, now(), $2, 'staff', $3, 'list', 'citizens', 'ok', $4, $5)`,
        [b, STAFF, AARHUS, hashA, 'b'.repeat(64)],
      );
      await client.query('COMMIT');
      expect(await head()).toEqual({ seq: b, hash: 'b'.repeat(64) });
    } finally {
      await second.end();
      await removeMadeUpRows(forged);
    }
    expect(await head()).toEqual({ seq, hash });
  });

  it('is a definer function no one but the API’s role may call, with a search_path ending in pg_temp', async () => {
    const [fn] = await ownerQuery<{ definer: boolean; config: string[]; public: boolean; app: boolean }>(
      `SELECT p.prosecdef AS definer, p.proconfig AS config,
              has_function_privilege('public', p.oid, 'EXECUTE') AS public,
              has_function_privilege('outcomes_app', p.oid, 'EXECUTE') AS app
       FROM pg_proc p WHERE p.proname = 'access_log_expect'`,
    );
    expect(fn).toEqual({ definer: true, config: ['search_path=public, pg_temp'], public: false, app: true });
  });

  it('logs a refused or slow statement of the API’s role without its text: every new session of the role has log_min_error_statement = panic and log_min_duration_statement = -1', async () => {
    // A refusal is a routine error of the query that carries the log rows' values as literals
    // (decisions 181, 183, 187); with the default (error) the server's log would get them all. The
    // start's migration step sets both, as the owner (a superuser here).
    const settings = await ownerQuery<{ config: string[] }>(
      `SELECT s.setconfig AS config FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole WHERE r.rolname = 'outcomes_app' AND s.setdatabase = 0`,
    );
    expect(settings.flatMap((row) => row.config)).toEqual(expect.arrayContaining(['log_min_error_statement=panic', 'log_min_duration_statement=-1']));
  });
});
