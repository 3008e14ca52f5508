import { spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiErrorBody } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { Client } from 'pg';
import type { QueryRunner } from 'typeorm';
// Plain JS helper shared with the browser tests and CI.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startApi } from '../../../tools/testing/api-process.cjs';
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { RunningApi } from '../../../tools/testing/api-process.cjs';
import { chainHash } from '../src/audit/access-log-chain';
import { AccessLogEveryChain1796541401701 } from '../src/database/migrations/1796541401701-AccessLogEveryChain';
import { freshDatabase, processSecrets, queryOnce } from './support/fresh-database';
import type { FreshDatabase } from './support/fresh-database';

/*
 * Two leftovers of issue 24, on a database of their own.
 *
 * Decision 172: the chain of a municipality that no longer exists (its row removed after its log rows
 * were written; the log has no foreign key to it) is anchored and pruned like every other chain.
 * Before, access_log_heads() and access_log_prune() listed the chains from `municipality`: the
 * migration's down() brings that back, and the chain is missing from both.
 *
 * Decision 173: GET /api/access-log/verify walks the whole log, so it is limited: one at a time per
 * municipality (ACCESS_LOG_VERIFY_CONCURRENT=1 here), two per user a minute
 * (ACCESS_LOG_VERIFY_PER_MINUTE=2 here); a refusal is 429 VERIFY_BUSY with Retry-After, writes nothing,
 * and holds up no other municipality and no other request.
 */

const PASSWORD = 'demo-password-2026';
const CLI = join(__dirname, '../../../dist/apps/api/cli.js');
const AARHUS = DEMO_IDS.municipalities.aarhus;
const secrets = processSecrets();
const anchorDir = mkdtempSync(join(tmpdir(), 'outcomes-log-limits-'));
const GONE = randomUUID();
const YEAR_MS = 365.25 * 24 * 3600 * 1000;
let database: FreshDatabase;
let api: RunningApi | undefined;

const ownerQuery = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => queryOnce<T>(database.url, sql, params);

function run(args: string[]): { status: number | null; stdout: string } {
  const verifyKey = createPublicKey(createPrivateKey({ key: Buffer.from(secrets['AUDIT_SIGNING_KEY'] as string, 'base64'), format: 'der', type: 'pkcs8' }))
    .export({ type: 'spki', format: 'der' })
    .toString('base64');
  const result = spawnSync(process.execPath, [CLI, ...args], {
    env: { PATH: process.env['PATH'], NODE_ENV: 'test', LOG_LEVEL: 'warn', DATA_DIR: join(anchorDir, 'unused'), DATABASE_URL: database.url, AUDIT_ANCHOR_DIR: anchorDir, AUDIT_VERIFY_KEY: verifyKey, ...secrets },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout };
}

function anchors(): { kind: string; chain?: string; seq: string; hash: string; removed?: number }[] {
  if (!existsSync(anchorDir)) return [];
  return readdirSync(anchorDir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(anchorDir, f), 'utf8').trim().split('\n').filter(Boolean))
    .map((l) => JSON.parse(l) as { kind: string; chain?: string; seq: string; hash: string; removed?: number });
}

async function signIn(email: string): Promise<string> {
  const res = await fetch(`${api?.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

async function verify(token: string): Promise<{ status: number; retryAfter: string | null; body: ApiErrorBody & { ok?: boolean } }> {
  const res = await fetch(`${api?.baseUrl}/api/access-log/verify`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as ApiErrorBody & { ok?: boolean } };
}

/** The chain of a municipality removed after its rows were written: two rows 20 years old, one of today. */
async function orphanChain(): Promise<{ seq: string; hash: string }[]> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(`INSERT INTO municipality (id, code, name) VALUES ($1, '997', 'Nedlagt Kommune')`, [GONE]);
    await client.query('BEGIN');
    const [reserved] = (await client.query<{ prev_hashes: string[]; seqs: string[] }>('SELECT prev_hashes, seqs FROM access_log_reserve($1::text[], 3)', [[GONE]])).rows;
    let prevHash = reserved?.prev_hashes[0] as string;
    const written: { seq: string; hash: string }[] = [];
    for (const [i, at] of [new Date(Date.now() - 20 * YEAR_MS), new Date(Date.now() - 20 * YEAR_MS + 1000), new Date()].entries()) {
      const row = { seq: reserved?.seqs[i] as string, at, userId: randomUUID(), role: 'admin', municipalityId: GONE, action: 'search', resource: 'users', recordId: null, citizenId: null, criterion: null, address: '127.0.0.1', outcome: 'ok', citizenIds: null, change: null, apiTokenId: null, prevHash };
      const hash = chainHash(secrets['AUDIT_KEY'] as string, row);
      await client.query(
        `INSERT INTO access_log (seq, at, user_id, role, municipality_id, action, resource, address, outcome, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [row.seq, row.at, row.userId, row.role, row.municipalityId, row.action, row.resource, row.address, row.outcome, prevHash, hash],
      );
      written.push({ seq: row.seq, hash });
      prevHash = hash;
    }
    await client.query('COMMIT');
    // The municipality goes; its chain stays (no foreign key: the log outlives what it names).
    await client.query('DELETE FROM municipality WHERE id = $1', [GONE]);
    return written;
  } finally {
    await client.end();
  }
}

async function pruneSees(client: Client): Promise<string[]> {
  // As the API calls it (its own role), in a transaction rolled back: only what it would do.
  await client.query('BEGIN');
  await client.query('SET LOCAL ROLE outcomes_app');
  const rows = (await client.query<{ chain: string | null }>('SELECT chain FROM access_log_prune()')).rows;
  await client.query('ROLLBACK');
  return rows.map((r) => r.chain ?? '');
}

beforeAll(async () => {
  database = await freshDatabase('log_limits');
  const migrated = run(['migrate']);
  expect(migrated.stdout).toContain('database up to date');
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await database?.drop();
  rmSync(anchorDir, { recursive: true, force: true });
});

describe('the chain of a municipality that no longer exists', () => {
  it('is anchored and pruned like every chain (and was neither before)', async () => {
    const [, second, third] = (await orphanChain()) as [unknown, { seq: string; hash: string }, { seq: string; hash: string }];
    expect(await ownerQuery('SELECT 1 FROM municipality WHERE id = $1', [GONE])).toEqual([]);

    const client = new Client({ connectionString: database.url });
    await client.connect();
    const runner = { query: (sql: string) => client.query(sql).then((r) => r.rows) } as unknown as QueryRunner;
    try {
      // As before decision 172: the chains of `municipality` only.
      await new AccessLogEveryChain1796541401701().down(runner);
      expect((await client.query('SELECT chain FROM access_log_heads()')).rows.map((r: { chain: string }) => r.chain)).not.toContain(GONE);
      expect(await pruneSees(client)).not.toContain(GONE);
      await new AccessLogEveryChain1796541401701().up(runner);
      // Now: its head is listed, and the prune takes its two old rows.
      expect((await client.query(`SELECT seq::text AS seq, hash::text AS hash FROM access_log_heads() WHERE chain = $1`, [GONE])).rows).toEqual([third]);
      expect(await pruneSees(client)).toContain(GONE);
    } finally {
      await client.end();
    }

    // The API, started, signs the chain's head and prunes it under a signed retention anchor.
    api = await startApi({
      DATABASE_URL: database.url, SEED_DEMO: 'true', LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT: '100000', AUDIT_ANCHOR_DIR: anchorDir,
      ACCESS_LOG_VERIFY_PER_MINUTE: '2', ACCESS_LOG_VERIFY_CONCURRENT: '1', ...secrets,
    });
    for (let i = 0; i < 100 && !anchors().some((a) => a.kind === 'prune' && a.chain === GONE); i++) await new Promise((r) => setTimeout(r, 100));
    expect(anchors().find((a) => a.kind === 'start' && a.chain === GONE)).toMatchObject({ seq: third.seq, hash: third.hash });
    expect(anchors().find((a) => a.kind === 'prune' && a.chain === GONE)).toMatchObject({ seq: second.seq, hash: second.hash, removed: 2 });
    expect(await ownerQuery(`SELECT seq::text AS seq FROM access_log WHERE municipality_id = $1`, [GONE])).toEqual([{ seq: third.seq }]);
    expect(await ownerQuery(`SELECT seq::text AS seq FROM access_log_chain_anchor WHERE chain = $1`, [GONE])).toEqual([{ seq: second.seq }]);
  }, 120_000);
});

describe('GET /api/access-log/verify is limited', () => {
  it('refuses a verification while one runs for the municipality, and holds up no other municipality or request', async () => {
    const aarhus = await signIn('admin@aarhus.demo');
    const odense = await signIn('admin@odense.demo');
    // Another replica's verification of Aarhus, as far as the database can tell: its slot is taken.
    const holder = new Client({ connectionString: database.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT pg_advisory_xact_lock(815005, hashtext($1))`, [`${AARHUS}:0`]);
      const refused = await verify(aarhus);
      expect([refused.status, refused.body.code, refused.retryAfter]).toEqual([429, 'VERIFY_BUSY', '10']);
      expect(refused.body.message).toContain('A verification of the access log is already running for your municipality');
      // Odense verifies meanwhile, and Aarhus's other requests are answered.
      expect((await verify(odense)).status).toBe(200);
      const users = await fetch(`${api?.baseUrl}/api/users`, { headers: { authorization: `Bearer ${aarhus}` } });
      expect(users.status).toBe(200);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await holder.end();
    }
  }, 60_000);

  it('lets one of many parallel calls run and refuses the others, then holds a user to two a minute; refusals write nothing', async () => {
    const aarhus = await signIn('admin@aarhus.demo');
    const odense = await signIn('admin@odense.demo');
    const before = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM access_log WHERE user_id = $1 AND resource = 'access-log' AND action = 'read'`, [DEMO_IDS.users.aarhus.admin]);
    expect(before[0]?.n).toBe(0);

    // The attacker's flood: twelve at once, with another municipality's verification and an ordinary request among them.
    const [flood, other, users] = await Promise.all([
      Promise.all(Array.from({ length: 12 }, () => verify(aarhus))),
      verify(odense),
      fetch(`${api?.baseUrl}/api/users`, { headers: { authorization: `Bearer ${aarhus}` } }).then((r) => r.status),
    ]);
    const ran = flood.filter((r) => r.status === 200);
    const refused = flood.filter((r) => r.status !== 200);
    expect(ran.length).toBeGreaterThanOrEqual(1);
    expect(ran.length).toBeLessThanOrEqual(2);
    for (const r of ran) expect(r.body.ok).toBe(true);
    for (const r of refused) {
      expect([r.status, r.body.code]).toEqual([429, 'VERIFY_BUSY']);
      expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
    }
    expect(other.status).toBe(200);
    expect(users).toBe(200);

    // One at a time, up to the minute's two; the third is refused naming the limit and when to ask again.
    const more = ran.length === 1 ? [await verify(aarhus)] : [];
    for (const r of more) expect(r.status).toBe(200);
    const third = await verify(aarhus);
    expect([third.status, third.body.code]).toEqual([429, 'VERIFY_BUSY']);
    expect(third.body.message).toMatch(/^You have verified the access log 2 times within the last minute, the most one user may \(2\); ask again in \d+ s\./);
    expect(Number(third.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(third.retryAfter)).toBeLessThanOrEqual(60);
    // Exactly the two that ran are in the log; the refusals left nothing.
    const after = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM access_log WHERE user_id = $1 AND resource = 'access-log' AND action = 'read'`, [DEMO_IDS.users.aarhus.admin]);
    expect(after[0]?.n).toBe(2);
  }, 60_000);

  it('leaves a log that verifies against its anchors, the removed municipality’s chain included', async () => {
    await api?.stop();
    api = undefined;
    const verified = run(['audit-verify']);
    expect(verified.stdout.split('\n')[0]).toMatch(/^access log verified: \d+ rows, chain intact/);
    expect(verified.status).toBe(0);
  }, 60_000);
});
