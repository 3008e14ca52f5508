import { spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
import type { QueryRunner } from 'typeorm';
import { chainHash, GENESIS } from '../src/audit/access-log-chain';
import { signAnchor } from '../src/audit/anchor-signing';
import { AccessLogChains1796541400100 } from '../src/database/migrations/1796541400100-AccessLogChains';
import { freshDatabase, processSecrets, queryOnce } from './support/fresh-database';
import type { FreshDatabase } from './support/fresh-database';

/*
 * Issue 23: no global serialisation in the access log (decision 127). Two API processes serve
 * two municipalities; while a transaction holds Aarhus's chain lock (the reserve function called as
 * the API's role, not committed), a personal-data request in Odense on the other process completes,
 * and one in Aarhus waits until the hold ends. Afterwards every chain verifies.
 */

const PASSWORD = 'demo-password-2026';
const AARHUS = DEMO_IDS.municipalities.aarhus;
const ODENSE = DEMO_IDS.municipalities.odense;
const CLI = join(__dirname, '../../../dist/apps/api/cli.js');

const secrets = processSecrets();
const anchorDir = mkdtempSync(join(tmpdir(), 'outcomes-chains-anchors-'));
let database: FreshDatabase;
const apis: RunningApi[] = [];

async function signIn(api: RunningApi, email: string): Promise<string> {
  const res = await fetch(`${api.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

function auditVerify(databaseUrl: string, dir: string, args: string[] = []): { status: number | null; line: string; findings: [string, string | undefined, string | null][] } {
  const verifyKey = createPublicKey(createPrivateKey({ key: Buffer.from(secrets['AUDIT_SIGNING_KEY'] as string, 'base64'), format: 'der', type: 'pkcs8' }))
    .export({ type: 'spki', format: 'der' })
    .toString('base64');
  const result = spawnSync(process.execPath, [CLI, 'audit-verify', ...args], {
    env: { PATH: process.env['PATH'], NODE_ENV: 'test', DATA_DIR: join(dir, 'unused'), DATABASE_URL: databaseUrl, AUDIT_KEY: secrets['AUDIT_KEY'] as string, AUDIT_ANCHOR_DIR: dir, AUDIT_VERIFY_KEY: verifyKey },
    encoding: 'utf8',
  });
  const [line = '', ...rest] = result.stdout.split('\n');
  let findings: [string, string | undefined, string | null][] = [];
  try {
    findings = (JSON.parse(rest.join('\n')) as { findings: { kind: string; chain?: string; seq: string | null }[] }).findings.map((f) => [f.kind, f.chain, f.seq]);
  } catch {
    // chain-only: the line says it
  }
  return { status: result.status, line, findings };
}

/** A personal-data request (the user list is logged, one row), timed. */
async function listUsers(api: RunningApi, token: string): Promise<{ status: number; ms: number }> {
  const started = Date.now();
  const res = await fetch(`${api.baseUrl}/api/users`, { headers: { authorization: `Bearer ${token}` } });
  await res.text();
  return { status: res.status, ms: Date.now() - started };
}

const ownerQuery = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => queryOnce<T>(database.url, sql, params);

beforeAll(async () => {
  database = await freshDatabase('chains');
  const env = { DATABASE_URL: database.url, SEED_DEMO: 'true', LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT: '100000', AUDIT_ANCHOR_DIR: anchorDir, AUDIT_ANCHOR_INTERVAL_SECONDS: '1', ...secrets };
  apis.push(await startApi(env));
  apis.push(await startApi(env));
}, 120_000);

afterAll(async () => {
  for (const api of apis) await api.stop();
  await database?.drop();
  rmSync(anchorDir, { recursive: true, force: true });
});

describe('a hash chain per municipality', () => {
  it('lets Odense append on one process while Aarhus’s chain is held, and Aarhus waits for its own chain only', async () => {
    const [first, second] = apis as [RunningApi, RunningApi];
    const aarhus = await signIn(first, 'admin@aarhus.demo');
    const odense = await signIn(second, 'admin@odense.demo');
    expect((await listUsers(first, aarhus)).status).toBe(200);
    expect((await listUsers(second, odense)).status).toBe(200);

    // The attacker's (or a slow request's) hold: Aarhus's chain lock, as the API's own role, not committed.
    const holder = new Client({ connectionString: database.url });
    await holder.connect();
    let aarhusDone = false;
    let aarhusRequest: Promise<{ status: number; ms: number }> | undefined;
    try {
      await holder.query('BEGIN');
      await holder.query('SET LOCAL ROLE outcomes_app');
      const [held] = (await holder.query<{ chains: string[] }>('SELECT chains FROM access_log_reserve($1::text[], 1)', [[AARHUS]])).rows;
      expect(held?.chains).toEqual([AARHUS]);

      aarhusRequest = listUsers(first, aarhus).then((r) => {
        aarhusDone = true;
        return r;
      });
      // The Aarhus request is waiting on its chain's lock (and on nothing else).
      const waiting = async () =>
        (await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`))[0]?.n;
      for (let i = 0; i < 100 && (await waiting()) === 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await waiting()).toBe(1);

      // Odense, on the other process, is not held up by Aarhus's chain.
      const odenseWhileHeld = await listUsers(second, odense);
      expect(odenseWhileHeld.status).toBe(200);
      expect(odenseWhileHeld.ms).toBeLessThan(5_000);
      expect(aarhusDone).toBe(false);
      await new Promise((r) => setTimeout(r, 500));
      expect(aarhusDone).toBe(false);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await holder.end();
    }
    const aarhusAfter = await aarhusRequest;
    expect(aarhusAfter?.status).toBe(200);
    expect(aarhusAfter?.ms).toBeGreaterThanOrEqual(500);

    // Each chain holds its own municipality's rows, linked to each other only.
    const rows = await ownerQuery<{ municipality_id: string | null; n: number }>('SELECT municipality_id::text, count(*)::int AS n FROM access_log GROUP BY 1 ORDER BY 1');
    expect(rows.find((r) => r.municipality_id === AARHUS)?.n).toBeGreaterThanOrEqual(2);
    expect(rows.find((r) => r.municipality_id === ODENSE)?.n).toBeGreaterThanOrEqual(2);
    // Each admin is shown their own chain's verdict, and no other municipality's (its row count would
    // tell how much that municipality does); the whole log is verified either way.
    const verdictOf = async (api: RunningApi, token: string) => (await (await fetch(`${api.baseUrl}/api/access-log/verify`, { headers: { authorization: `Bearer ${token}` } })).json()) as AccessLogVerification;
    for (const [api, token, own] of [[first, aarhus, AARHUS], [second, odense, ODENSE]] as const) {
      const verdict = await verdictOf(api, token);
      expect(verdict).toMatchObject({ ok: true, firstBrokenSeq: null });
      expect(verdict.chains?.map((c) => c.chain)).toEqual([own]);
      expect(verdict.chains?.[0]).toMatchObject({ ok: true });
      // The top level's count is the own chain's too, not the whole log's (two of them, a request of
      // the other municipality's between, would tell how much it did).
      expect(verdict.checked).toBe(verdict.chains?.[0]?.checked);
      const [counts] = await ownerQuery<{ own: number; all: number }>('SELECT count(*) FILTER (WHERE municipality_id = $1)::int AS own, count(*)::int AS "all" FROM access_log', [own]);
      expect(verdict.checked).toBeLessThanOrEqual(counts?.own ?? 0);
      expect(verdict.checked).toBeLessThan(counts?.all ?? 0);
    }
  }, 60_000);

  it('tells an admin that another chain is broken, but not which, where, or how much it holds', async () => {
    const [first, second] = apis as [RunningApi, RunningApi];
    const aarhus = await signIn(first, 'admin@aarhus.demo');
    const odense = await signIn(second, 'admin@odense.demo');
    expect((await listUsers(second, odense)).status).toBe(200);
    const [row] = await ownerQuery<{ seq: string; resource: string }>('SELECT seq::text AS seq, resource FROM access_log WHERE municipality_id = $1 ORDER BY seq DESC LIMIT 1', [ODENSE]);
    const client = new Client({ connectionString: database.url });
    await client.connect();
    // The owner rewrites one of Odense's rows (and puts it back afterwards).
    const rewrite = async (resource: string) => {
      await client.query('BEGIN');
      await client.query('ALTER TABLE access_log DISABLE TRIGGER USER');
      await client.query('UPDATE access_log SET resource = $2 WHERE seq = $1', [row?.seq, resource]);
      await client.query('ALTER TABLE access_log ENABLE TRIGGER USER');
      await client.query('COMMIT');
    };
    try {
      await rewrite('grants');
      const verdict = (await (await fetch(`${first.baseUrl}/api/access-log/verify`, { headers: { authorization: `Bearer ${aarhus}` } })).json()) as AccessLogVerification;
      expect(verdict).toMatchObject({ ok: false, firstBrokenSeq: null, reason: 'another chain of the access log is not intact; the national operator sees which' });
      expect(verdict.chains).toEqual([expect.objectContaining({ chain: AARHUS, ok: true })]);
      expect(JSON.stringify(verdict)).not.toContain(ODENSE);
      expect(JSON.stringify(verdict)).not.toContain(`"${row?.seq}"`);
    } finally {
      await rewrite(row?.resource ?? '');
      await client.end();
    }
  }, 60_000);

  it('refuses a reserve of no chain, of a made-up chain name, or of the legacy chain', async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      for (const chains of [[], ['legacy'], ['aarhus'], [null]]) {
        await client.query('BEGIN');
        await client.query('SET LOCAL ROLE outcomes_app');
        await expect(client.query('SELECT * FROM access_log_reserve($1::text[], 1)', [chains])).rejects.toThrow(/access_log_reserve needs at least one chain|not an access-log chain/);
        await client.query('ROLLBACK');
      }
    } finally {
      await client.end();
    }
  });

  it('anchors each chain’s head, and the stopped log verifies against the anchors', async () => {
    for (const api of apis.splice(0)) await api.stop();
    const result = auditVerify(database.url, anchorDir);
    expect(result.line).toMatch(/^access log verified: \d+ rows, chain intact/);
    expect(result.status).toBe(0);
    const heads = await ownerQuery<{ chain: string }>('SELECT chain FROM access_log_heads()');
    expect(heads.map((h) => h.chain)).toEqual(expect.arrayContaining([AARHUS, ODENSE, 'national']));
  }, 60_000);
});

describe('a database written before the chains were split', () => {
  it('keeps its rows as one legacy chain, starts the municipalities’ chains from its head, and finds its tail cut', async () => {
    const db = await freshDatabase('chains_legacy');
    const dir = mkdtempSync(join(tmpdir(), 'outcomes-legacy-anchors-'));
    const client = new Client({ connectionString: db.url });
    try {
      const migrated = spawnSync(process.execPath, [CLI, 'migrate'], { env: { PATH: process.env['PATH'], NODE_ENV: 'test', DATA_DIR: join(dir, 'unused'), DATABASE_URL: db.url, LOG_LEVEL: 'warn', ...secrets }, encoding: 'utf8' });
      expect(migrated.stdout).toContain('database up to date');
      await client.connect();
      const runner = { query: (sql: string) => client.query(sql).then((r) => r.rows) } as unknown as QueryRunner;
      // Back to before the split, then three rows of two municipalities in ONE chain, as the old writer hashed them.
      await new AccessLogChains1796541400100().down(runner);
      const legacy: { seq: string; hash: string }[] = [];
      let prevHash = GENESIS;
      for (const municipalityId of [AARHUS, ODENSE, AARHUS]) {
        const [{ seq }] = (await client.query<{ seq: string }>(`SELECT nextval('access_log_seq')::text AS seq`)).rows as [{ seq: string }];
        const row = { seq, at: new Date(), userId: DEMO_IDS.users.aarhus.admin, role: 'admin', municipalityId, action: 'list', resource: 'users', recordId: null, citizenId: null, criterion: null, address: '127.0.0.1', outcome: 'ok', citizenIds: null, change: null, prevHash };
        prevHash = chainHash(secrets['AUDIT_KEY'] as string, row);
        legacy.push({ seq, hash: prevHash });
        await client.query(
          `INSERT INTO access_log (seq, at, user_id, role, municipality_id, action, resource, record_id, citizen_id, criterion, address, outcome, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
          [row.seq, row.at, row.userId, row.role, row.municipalityId, row.action, row.resource, row.recordId, row.citizenId, row.criterion, row.address, row.outcome, row.prevHash, prevHash],
        );
      }
      const head = legacy[2] as { seq: string; hash: string };
      // An anchor line as the API signed it before chains existed: no chain, the whole log's head.
      const oldLine = signAnchor(createPrivateKey({ key: Buffer.from(secrets['AUDIT_SIGNING_KEY'] as string, 'base64'), format: 'der', type: 'pkcs8' }), { kind: 'head', seq: head.seq, hash: head.hash, at: new Date().toISOString(), by: 'old:1' });
      writeFileSync(join(dir, 'anchors-2026-01-01.jsonl'), `${JSON.stringify(oldLine)}\n`);
      await new AccessLogChains1796541400100().up(runner);
      expect((await client.query('SELECT seq::text AS seq, hash::text AS hash FROM access_log_split')).rows).toEqual([head]);

      const api = await startApi({ DATABASE_URL: db.url, SEED_DEMO: 'true', LOG_LEVEL: 'warn', AUDIT_ANCHOR_DIR: dir, ...secrets });
      try {
        const token = await signIn(api, 'admin@aarhus.demo');
        expect((await listUsers(api, token)).status).toBe(200);
        expect((await listUsers(api, token)).status).toBe(200);
      } finally {
        await api.stop();
      }
      // Aarhus's new chain starts from the legacy head: cutting the legacy tail unlinks it.
      const [firstNew] = (await client.query<{ prev_hash: string }>('SELECT prev_hash::text FROM access_log WHERE seq > $1 AND municipality_id = $2 ORDER BY seq LIMIT 1', [head.seq, AARHUS])).rows;
      expect(firstNew?.prev_hash).toBe(head.hash);
      const intact = auditVerify(db.url, dir);
      expect(intact.line).toMatch(/^access log verified: \d+ rows, chain intact/);
      expect(intact.status).toBe(0);

      await client.query('ALTER TABLE access_log DISABLE TRIGGER USER');
      await client.query('DELETE FROM access_log WHERE seq = $1', [head.seq]);
      const chainOnly = auditVerify(db.url, dir, ['--chain-only']);
      expect(chainOnly.status).toBe(1);
      expect(chainOnly.line).toContain(`BROKEN at seq ${head.seq}: the legacy chain ends before the row the split recorded as its head`);
      const cut = auditVerify(db.url, dir);
      expect(cut.status).toBe(1);
      expect(cut.findings).toEqual(expect.arrayContaining([['missing-row', 'legacy', head.seq], ['truncated-tail', 'legacy', head.seq]]));
    } finally {
      await client.end().catch(() => undefined);
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
