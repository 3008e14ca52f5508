import { spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
// Plain JS helper shared with the browser tests and CI.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startApi } from '../../../tools/testing/api-process.cjs';
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { RunningApi } from '../../../tools/testing/api-process.cjs';
import { chainHash, GENESIS } from '../src/audit/access-log-chain';
import type { ChainedRow } from '../src/audit/access-log-chain';
import { toChained } from '../src/audit/access-log-verify';
import { DEMO_IDS } from '@outcomes/seeds';
import { freshDatabase, processSecrets, queryOnce } from './support/fresh-database';
import type { FreshDatabase } from './support/fresh-database';

/*
 * Tamper evidence against the database owner: the attacks of issue 17, each made as the owner (or
 * with the audit key) on a copy of one database whose API anchored its head on shutdown, and each
 * found by `cli.js audit-verify` under its own name. The expected verdicts are written out here.
 */

const CLI = join(__dirname, '../../../dist/apps/api/cli.js');
const PASSWORD = 'demo-password-2026';

const secrets = processSecrets();
const verifyKey = createPublicKey(createPrivateKey({ key: Buffer.from(secrets['AUDIT_SIGNING_KEY'] as string, 'base64'), format: 'der', type: 'pkcs8' }))
  .export({ type: 'spki', format: 'der' })
  .toString('base64');
const anchorDir = mkdtempSync(join(tmpdir(), 'outcomes-tamper-anchors-'));
const databases: FreshDatabase[] = [];
const apis: RunningApi[] = [];

interface AnchorLine {
  kind: string;
  chain?: string;
  seq: string;
  hash: string;
  at: string;
  cutoff?: string;
  removed?: number;
}

function anchorLines(dir = anchorDir): AnchorLine[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort()
    .flatMap((n) => readFileSync(join(dir, n), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as AnchorLine));
}

interface Verdict {
  status: number | null;
  line: string;
  json: { ok: boolean; findings: { kind: string; chain?: string; seq: string | null; message: string }[]; anchors: { valid: number } } | null;
  output: string;
}

/** `cli.js audit-verify` as an auditor runs it: the owner's URL, the audit key, the anchors and the public key only. */
function auditVerify(databaseUrl: string, args: string[] = [], env: Record<string, string> = {}): Verdict {
  const result = spawnSync(process.execPath, [CLI, 'audit-verify', ...args], {
    env: { PATH: process.env['PATH'], NODE_ENV: 'test', DATA_DIR: join(anchorDir, 'unused'), DATABASE_URL: databaseUrl, AUDIT_KEY: secrets['AUDIT_KEY'] as string, AUDIT_ANCHOR_DIR: anchorDir, AUDIT_VERIFY_KEY: verifyKey, ...env },
    encoding: 'utf8',
  });
  const [line = '', ...rest] = result.stdout.split('\n');
  let json: Verdict['json'] = null;
  try {
    json = JSON.parse(rest.join('\n')) as Verdict['json'];
  } catch {
    // no JSON (chain-only or an error): the line and the output say why
  }
  return { status: result.status, line, json, output: `${result.stdout}${result.stderr}` };
}

/** The owner's one-off query on a database of the spec's (support/fresh-database.ts). */
const ownerQuery = queryOnce;

/** A copy of the anchored database for one attack (CREATE DATABASE ... TEMPLATE: a file copy). */
async function copyOf(base: FreshDatabase): Promise<FreshDatabase> {
  const copy = await freshDatabase('tamper_copy');
  await copy.drop();
  await ownerQuery(process.env['TEST_DATABASE_URL'] as string, `CREATE DATABASE ${copy.name} TEMPLATE ${base.name}`);
  databases.push(copy);
  return copy;
}

async function signIn(api: RunningApi, email: string): Promise<string> {
  const res = await fetch(`${api.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

async function get(api: RunningApi, path: string, token: string): Promise<number> {
  const res = await fetch(`${api.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  await res.text();
  return res.status;
}

async function until<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const apiEnv = (url: string): Record<string, string> => ({
  DATABASE_URL: url,
  SEED_DEMO: 'true',
  LOG_LEVEL: 'warn',
  AUDIT_ANCHOR_DIR: anchorDir,
  AUDIT_ANCHOR_INTERVAL_SECONDS: '1',
  ...secrets,
});

const AARHUS = DEMO_IDS.municipalities.aarhus;
const ODENSE = DEMO_IDS.municipalities.odense;

let base: FreshDatabase;
/** Aarhus's chain (decision 127), the one most attacks below are made on. */
let rowsAtShutdown: { seq: string; hash: string }[];
/** Odense's chain, written first: its rows are interleaved with nobody's, its tail is not the log's. */
let odenseRows: { seq: string; hash: string }[];
let allRows: number;

beforeAll(async () => {
  base = await freshDatabase('tamper');
  databases.push(base);
  const api = await startApi(apiEnv(base.url));
  apis.push(api);
  // Two municipalities' chains: Odense's first, then Aarhus's (each list of users is one access-log row).
  const odense = await signIn(api, 'admin@odense.demo');
  for (let i = 0; i < 3; i++) expect(await get(api, '/api/users', odense)).toBe(200);
  const token = await signIn(api, 'admin@aarhus.demo');
  for (let i = 0; i < 6; i++) expect(await get(api, '/api/users', token)).toBe(200);
  const [{ seq: headSeq }] = await ownerQuery<{ seq: string }>(base.url, 'SELECT max(seq)::text AS seq FROM access_log');
  // Anchored within the interval (1 s here, 60 s by default) once the head moved.
  await until('a head anchor of the newest row', () => anchorLines().find((a) => a.kind === 'head' && a.seq === headSeq));
  // The anchor also went to the log stream, as one JSON line. The file is written first and the
  // line reaches this test through a pipe, so it is waited for, not expected at the same instant.
  const loggedLines = () => api.output().split('\n').filter((l) => l.includes('"auditAnchor"')).map((l) => JSON.parse(l) as { msg: string; auditAnchor: AnchorLine });
  await until('the head anchor in the log stream', () => loggedLines().find((l) => l.auditAnchor.kind === 'head' && l.auditAnchor.seq === headSeq));
  const logged = loggedLines();
  expect(logged.map((l) => l.msg)).toContain('access log anchor');
  expect(logged.map((l) => l.auditAnchor)).toContainEqual(expect.objectContaining({ kind: 'head', seq: headSeq }));
  api.child.kill('SIGTERM');
  expect(await api.exited).toBe(0);
  rowsAtShutdown = await ownerQuery(base.url, 'SELECT seq::text AS seq, hash::text AS hash FROM access_log WHERE municipality_id = $1 ORDER BY seq', [AARHUS]);
  expect(rowsAtShutdown.length).toBeGreaterThanOrEqual(6);
  odenseRows = await ownerQuery(base.url, 'SELECT seq::text AS seq, hash::text AS hash FROM access_log WHERE municipality_id = $1 ORDER BY seq', [ODENSE]);
  expect(odenseRows.length).toBeGreaterThanOrEqual(3);
  allRows = (await ownerQuery<{ n: number }>(base.url, 'SELECT count(*)::int AS n FROM access_log'))[0]?.n as number;
  // The log's newest row is Aarhus's: the last anchor line is its chain's.
  expect(Number(rowsAtShutdown[rowsAtShutdown.length - 1]?.seq)).toBeGreaterThan(Number(odenseRows[odenseRows.length - 1]?.seq));
}, 120_000);

afterAll(async () => {
  for (const api of apis) await api.stop();
  for (const db of databases) await db.drop();
  rmSync(anchorDir, { recursive: true, force: true });
});

describe('anchors of the chain’s head outside the database', () => {
  it('are written at start and on shutdown, signed, and the untouched log verifies against them', () => {
    const anchors = anchorLines();
    expect(anchors[0]).toMatchObject({ kind: 'start', seq: '0' });
    const last = rowsAtShutdown[rowsAtShutdown.length - 1];
    expect(anchors[anchors.length - 1]).toMatchObject({ kind: 'shutdown', chain: AARHUS, seq: last?.seq, hash: last?.hash });
    // A line per chain: Odense's head was anchored too.
    const odenseLast = odenseRows[odenseRows.length - 1];
    expect(anchors).toContainEqual(expect.objectContaining({ kind: 'shutdown', chain: ODENSE, seq: odenseLast?.seq, hash: odenseLast?.hash }));
    const sut = auditVerify(base.url);
    expect(sut.line).toMatch(new RegExp(`^access log verified: ${allRows} rows, chain intact, consistent with \\d+ signed anchor\\(s\\) \\(newest: seq ${last?.seq} `));
    expect(sut.status).toBe(0);
    expect(sut.json).toMatchObject({ ok: true, findings: [] });
  });

  it('finds a truncated tail: the newest rows deleted by the owner', async () => {
    const db = await copyOf(base);
    const cut = rowsAtShutdown.slice(-2).map((r) => r.seq);
    await ownerQuery(db.url, 'ALTER TABLE access_log DISABLE TRIGGER USER');
    const deleted = await ownerQuery(db.url, 'DELETE FROM access_log WHERE seq = ANY($1::bigint[]) RETURNING seq', [cut]);
    expect(deleted).toHaveLength(2);
    // The chain of what is left still links: without the anchors this passed.
    expect(auditVerify(db.url, ['--chain-only'])).toMatchObject({ status: 0 });
    const sut = auditVerify(db.url);
    expect(sut.status).toBe(1);
    expect(sut.line).toContain('TAMPERED: [truncated-tail]');
    expect(sut.json?.findings.map((f) => [f.kind, f.chain, f.seq])).toEqual([['truncated-tail', AARHUS, cut[1]]]);
    expect(sut.json?.findings[0]?.message).toContain(`names seq ${cut[1]}, but the last row is seq ${rowsAtShutdown[rowsAtShutdown.length - 3]?.seq}`);
  });

  it('finds the tail of one municipality’s chain cut while the other chains and the log’s newest row are untouched', async () => {
    const db = await copyOf(base);
    const cut = odenseRows[odenseRows.length - 1]?.seq as string;
    await ownerQuery(db.url, 'ALTER TABLE access_log DISABLE TRIGGER USER');
    expect(await ownerQuery(db.url, 'DELETE FROM access_log WHERE seq = $1 RETURNING seq', [cut])).toHaveLength(1);
    // Every chain still links, and the log's last row is still Aarhus's newest.
    expect(auditVerify(db.url, ['--chain-only'])).toMatchObject({ status: 0 });
    const sut = auditVerify(db.url);
    expect(sut.status).toBe(1);
    expect(sut.json?.findings.map((f) => [f.kind, f.chain, f.seq])).toEqual([['truncated-tail', ODENSE, cut]]);
    expect(sut.json?.findings[0]?.message).toContain(`names seq ${cut}, but the last row is seq ${odenseRows[odenseRows.length - 2]?.seq}`);
  });

  it('finds an Odense row moved into Aarhus’s chain: both chains break where it left and where it landed', async () => {
    const db = await copyOf(base);
    const moved = odenseRows[1]?.seq as string;
    await ownerQuery(db.url, 'ALTER TABLE access_log DISABLE TRIGGER USER');
    await ownerQuery(db.url, 'UPDATE access_log SET municipality_id = $1 WHERE seq = $2', [AARHUS, moved]);
    const sut = auditVerify(db.url, ['--chain-only']);
    expect(sut.status).toBe(1);
    expect(sut.line).toContain(`BROKEN at seq ${moved}`);
  });

  it('finds a missing row: one in the middle deleted by the owner', async () => {
    const db = await copyOf(base);
    const victim = rowsAtShutdown[2]?.seq as string;
    await ownerQuery(db.url, 'ALTER TABLE access_log DISABLE TRIGGER USER');
    expect(await ownerQuery(db.url, 'DELETE FROM access_log WHERE seq = $1 RETURNING seq', [victim])).toHaveLength(1);
    const sut = auditVerify(db.url);
    expect(sut.status).toBe(1);
    expect(sut.json?.findings.map((f) => [f.kind, f.seq])).toEqual([['missing-row', rowsAtShutdown[3]?.seq]]);
    expect(sut.line).toContain('[missing-row]');
  });

  it('finds a rewritten chain: a row removed and every later hash recomputed with the audit key', async () => {
    const db = await copyOf(base);
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const from = 2; // rows[2] is removed; rows[3..] get new hashes chained to rows[1]
    try {
      await client.query('ALTER TABLE access_log DISABLE TRIGGER USER');
      const rows = (await client.query('SELECT * FROM access_log WHERE municipality_id = $1 ORDER BY seq', [AARHUS])).rows.map(toChained);
      await client.query('DELETE FROM access_log WHERE seq = $1', [rows[from]?.seq]);
      let prev = rows[from - 1]?.hash as string;
      for (const row of rows.slice(from + 1)) {
        const hash = chainHash(secrets['AUDIT_KEY'] as string, { ...row, prevHash: prev });
        await client.query('UPDATE access_log SET prev_hash = $1, hash = $2 WHERE seq = $3', [prev, hash, row.seq]);
        prev = hash;
      }
    } finally {
      await client.end();
    }
    // What the attacker aimed at: the chain alone verifies intact.
    expect(auditVerify(db.url, ['--chain-only'])).toMatchObject({ status: 0, line: expect.stringContaining('chain intact') });
    const sut = auditVerify(db.url);
    expect(sut.status).toBe(1);
    const kinds = sut.json?.findings.map((f) => f.kind);
    expect(kinds).toContain('rewritten-chain');
    expect(sut.line).toContain('rewritten chain');
    expect(sut.line).toContain('although the chain verifies');
  });

  it('finds a retention anchor the API never signed: the oldest rows removed by the owner', async () => {
    const db = await copyOf(base);
    const last = rowsAtShutdown[2] as { seq: string; hash: string };
    await ownerQuery(db.url, 'ALTER TABLE access_log DISABLE TRIGGER USER');
    await ownerQuery(db.url, `INSERT INTO access_log_chain_anchor (chain, seq, hash, pruned_at) VALUES ($1, $2, $3, now())`, [AARHUS, last.seq, last.hash]);
    expect(await ownerQuery(db.url, 'DELETE FROM access_log WHERE seq <= $1 AND municipality_id = $2 RETURNING seq', [last.seq, AARHUS])).toHaveLength(3);
    expect(auditVerify(db.url, ['--chain-only']).status).toBe(0);
    const sut = auditVerify(db.url);
    expect(sut.status).toBe(1);
    expect(sut.json?.findings.map((f) => [f.kind, f.chain, f.seq])).toEqual([['unsigned-retention', AARHUS, last.seq]]);
  });

  it('refuses anchors with a tampered signature or from an unknown key', () => {
    const forgedDir = mkdtempSync(join(tmpdir(), 'outcomes-forged-anchors-'));
    try {
      const lines = readFileSync(join(anchorDir, readdirSync(anchorDir).find((n) => n.endsWith('.jsonl')) as string), 'utf8').split('\n').filter(Boolean);
      const shutdown = JSON.parse(lines[lines.length - 1] as string) as AnchorLine & { sig: string };
      // The attacker "re-anchors" an older head to hide a cut tail, keeping the old signature.
      const forged = { ...shutdown, seq: rowsAtShutdown[0]?.seq, hash: rowsAtShutdown[0]?.hash };
      writeFileSync(join(forgedDir, 'anchors-2026-01-01.jsonl'), `${JSON.stringify(forged)}\n`);
      const sut = auditVerify(base.url, [], { AUDIT_ANCHOR_DIR: forgedDir });
      expect(sut.status).toBe(1);
      expect(sut.json?.findings.map((f) => f.kind)).toEqual(['bad-signature', 'no-anchors']);
      const otherKey = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
      const foreign = auditVerify(base.url, [], { AUDIT_VERIFY_KEY: otherKey });
      expect(foreign.status).toBe(1);
      expect(foreign.json?.findings.map((f) => f.kind)).toEqual(['unknown-key', 'no-anchors']);
    } finally {
      rmSync(forgedDir, { recursive: true, force: true });
    }
  });

  it('says so, and fails, when there are no anchors to check against', () => {
    const sut = auditVerify(base.url, [], { AUDIT_ANCHOR_DIR: join(anchorDir, 'none') });
    expect(sut.status).toBe(1);
    expect(sut.line).toMatch(/^access log NOT VERIFIED: \[no-anchors\]/);
  });
});

describe('retention through access_log_prune() only', () => {
  it('refuses a DELETE after set_config(app.access_log_retention), as the API role and as the owner', async () => {
    const db = await copyOf(base);
    const victim = rowsAtShutdown[1]?.seq as string;
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.access_log_retention', 'on', true)`);
      await expect(client.query('DELETE FROM access_log WHERE seq = $1', [victim])).rejects.toThrow(/access_log is append-only: DELETE of seq \d+ refused/);
      await client.query('ROLLBACK');
      await client.query('BEGIN');
      await client.query('SET LOCAL ROLE outcomes_app');
      await client.query(`SELECT set_config('app.access_log_retention', 'on', true)`);
      await expect(client.query('DELETE FROM access_log WHERE seq = $1', [victim])).rejects.toThrow(/permission denied for table access_log/);
      await client.query('ROLLBACK');
      // The API's role no longer chooses the cut-off: the old door is gone, the new one removes nothing young.
      await client.query('BEGIN');
      await client.query('SET LOCAL ROLE outcomes_app');
      await expect(client.query('SELECT access_log_prune(now())')).rejects.toThrow(/function access_log_prune\(timestamp with time zone\) does not exist/);
      await client.query('ROLLBACK');
      await client.query('BEGIN');
      await client.query('SET LOCAL ROLE outcomes_app');
      expect((await client.query('SELECT removed::int AS removed FROM access_log_prune()')).rows).toEqual([{ removed: 0 }]);
      await expect(client.query('SELECT * FROM access_log_settings')).rejects.toThrow(/permission denied for table access_log_settings/);
      await client.query('ROLLBACK');
      // Nor may the owner update or truncate.
      await expect(client.query(`UPDATE access_log SET outcome = 'ok' WHERE seq = $1`, [victim])).rejects.toThrow(/append-only: UPDATE refused/);
      await expect(client.query('TRUNCATE access_log')).rejects.toThrow(/append-only: TRUNCATE refused/);
    } finally {
      await client.end();
    }
    expect(await ownerQuery(db.url, 'SELECT seq::text AS seq FROM access_log WHERE seq = $1', [victim])).toHaveLength(1);
  });

  it('removes rows past the retention through the API, which signs the prune; the log still verifies', async () => {
    const db = await freshDatabase('tamper_prune');
    databases.push(db);
    const dir = mkdtempSync(join(tmpdir(), 'outcomes-prune-anchors-'));
    try {
      const migrated = spawnSync(process.execPath, [CLI, 'migrate'], { env: { PATH: process.env['PATH'], NODE_ENV: 'test', DATA_DIR: join(dir, 'unused'), DATABASE_URL: db.url, LOG_LEVEL: 'warn', ...secrets }, encoding: 'utf8' });
      expect(migrated.stdout).toContain('database up to date');
      expect(await ownerQuery(db.url, `SELECT extract(day FROM retention)::int AS days FROM access_log_settings`)).toEqual([{ days: 183 }]);
      // Three rows of 200 days ago at the start of the national chain (no municipality), as an API wrote them then.
      const client = new Client({ connectionString: db.url });
      await client.connect();
      const old: ChainedRow[] = [];
      try {
        let prevHash = GENESIS;
        for (let i = 0; i < 3; i++) {
          const [{ seq }] = (await client.query<{ seq: string }>(`SELECT nextval('access_log_seq')::text AS seq`)).rows as [{ seq: string }];
          const row = { seq, at: new Date(Date.now() - 200 * 86_400_000 + i * 1000), userId: randomUUID(), role: 'operator', municipalityId: null, action: 'read', resource: 'citizens', recordId: randomUUID(), citizenId: randomUUID(), criterion: null, address: '127.0.0.1', outcome: 'ok', citizenIds: null, change: null, prevHash };
          prevHash = chainHash(secrets['AUDIT_KEY'] as string, row);
          old.push({ ...row, hash: prevHash });
          await client.query(
            `INSERT INTO access_log (seq, at, user_id, role, municipality_id, action, resource, record_id, citizen_id, criterion, address, outcome, prev_hash, hash)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
            [row.seq, row.at, row.userId, row.role, row.municipalityId, row.action, row.resource, row.recordId, row.citizenId, row.criterion, row.address, row.outcome, row.prevHash, prevHash],
          );
        }
      } finally {
        await client.end();
      }
      const lastOld = old[2] as ChainedRow;
      const api = await startApi({ ...apiEnv(db.url), AUDIT_ANCHOR_DIR: dir });
      apis.push(api);
      // The start-up prune.
      await until('the prune', async () => (await ownerQuery(db.url, 'SELECT seq::text AS seq FROM access_log_chain_anchor')).length > 0);
      expect(await ownerQuery(db.url, 'SELECT chain, seq::text AS seq, hash::text AS hash FROM access_log_chain_anchor')).toEqual([{ chain: 'national', seq: lastOld.seq, hash: lastOld.hash }]);
      expect(await ownerQuery(db.url, 'SELECT * FROM access_log_anchor')).toEqual([]);
      expect(await ownerQuery(db.url, 'SELECT count(*)::int AS n FROM access_log WHERE seq <= $1', [lastOld.seq])).toEqual([{ n: 0 }]);
      const token = await signIn(api, 'admin@odense.demo');
      expect(await get(api, '/api/users', token)).toBe(200);
      api.child.kill('SIGTERM');
      expect(await api.exited).toBe(0);

      const prunes = anchorLines(dir).filter((a) => a.kind === 'prune');
      expect(prunes).toEqual([expect.objectContaining({ chain: 'national', seq: lastOld.seq, hash: lastOld.hash, removed: 3 })]);
      const cutoffAge = Date.parse(prunes[0]?.at as string) - Date.parse(prunes[0]?.cutoff as string);
      expect(Math.round(cutoffAge / 86_400_000)).toBe(183);
      const sut = auditVerify(db.url, [], { AUDIT_ANCHOR_DIR: dir });
      expect(sut.line).toMatch(/^access log verified: \d+ rows, chain intact/);
      expect(sut.status).toBe(0);
      // The verifier's retention is longer than the database's was: the signed prune says so.
      const longer = auditVerify(db.url, [], { AUDIT_ANCHOR_DIR: dir, AUDIT_RETENTION_DAYS: '365' });
      expect(longer.json?.findings.map((f) => f.kind)).toEqual(['short-retention']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});

describe('audit-verify while the API runs on the embedded database', () => {
  it('connects to the running server instead of starting a second one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'outcomes-tamper-embedded-'));
    // Not 0700: as root, the server runs as the `postgres` OS user and must reach its directory.
    chmodSync(dataDir, 0o755);
    try {
      // No DATABASE_URL and no secrets given: the embedded server and the generated secrets, as `npm start`.
      const api = await startApi({ DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'warn' });
      apis.push(api);
      const env = { PATH: process.env['PATH'] as string, NODE_ENV: 'test', DATA_DIR: dataDir };
      const result = spawnSync(process.execPath, [CLI, 'audit-verify'], { env, encoding: 'utf8' });
      expect(`${result.stdout}${result.stderr}`).toMatch(/^access log verified: 0 rows, chain intact, consistent with 1 signed anchor\(s\)/);
      expect(result.status).toBe(0);
      // The API still serves: the command did not stop the server it borrowed.
      expect((await fetch(`${api.baseUrl}/api/health`)).status).toBe(200);
      await api.stop();
      // Stopped: the command starts the embedded server itself, and says why when it cannot.
      const alone = spawnSync(process.execPath, [CLI, 'audit-verify'], { env, encoding: 'utf8' });
      expect(alone.stdout).toMatch(/^access log verified: 0 rows, chain intact, consistent with 2 signed anchor\(s\)/);
      // A data directory whose server cannot start: a message naming it, never "undefined".
      const damaged = join(dataDir, 'damaged');
      mkdirSync(join(damaged, 'postgres'), { recursive: true });
      writeFileSync(join(damaged, 'postgres', 'PG_VERSION'), '18\n');
      writeFileSync(join(damaged, 'secrets.json'), readFileSync(join(dataDir, 'secrets.json')));
      const broken = spawnSync(process.execPath, [CLI, 'audit-verify'], { env: { ...env, DATA_DIR: damaged }, encoding: 'utf8' });
      expect(broken.status).toBe(1);
      expect(broken.stderr).toContain(`the embedded PostgreSQL in ${join(damaged, 'postgres')} could not be started: `);
      expect(broken.stderr).not.toMatch(/undefined/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
