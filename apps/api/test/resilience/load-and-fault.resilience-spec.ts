// Issue #11, load and database fault: 100 simulated staff users working at once against the built
// API, then PostgreSQL stopped for 10 s under them. This suite starts its own database (so it can
// stop it) and its own API on it, not the shared stack of the global set-up.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HealthStatus } from '@outcomes/contracts';
import { Pool } from 'pg';
// Plain JS helper shared with the browser tests and CI.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startApi, type RunningApi } from '../../../../tools/testing/api-process.cjs';
import { startControlledPostgres } from '../support/controlled-postgres';
import type { ControlledPostgres } from '../support/controlled-postgres';
import { latency, latencyTable, LoadClient, now, sleep, statusCounts } from './support/load-client';
import type { Sample } from './support/load-client';
import { checkLedger, createStaff, MIX, runUsers, WriteLedger } from './support/load-scenario';
import type { SimUser } from './support/load-scenario';

/** How long the load phase runs: 20 s in CI, LOAD_SECONDS=60 for the full run. */
const LOAD_SECONDS = Number(process.env['LOAD_SECONDS'] ?? 20);
const USERS = Number(process.env['LOAD_USERS'] ?? 100);
/**
 * A staff member's pause between actions: 0 to this many ms (half a second on average, a brisk
 * user). Shorter keeps a 2-core runner in permanent overload, which measures the queue, not the API.
 */
const THINK_MS = Number(process.env['LOAD_THINK_MS'] ?? 1000);
const OUTAGE_MS = 10_000;
/** Work before the database is stopped, and after it is back (the recovery must fit well within). */
const BEFORE_OUTAGE_MS = 3_000;
const AFTER_RETURN_MS = 8_000;

const secrets = {
  JWT_SECRET: randomBytes(48).toString('base64'),
  ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
  AUDIT_KEY: randomBytes(32).toString('base64'),
};

let db: ControlledPostgres;
let api: RunningApi;
let users: SimUser[];
const ledger = new WriteLedger();

const isOk = (s: Sample): boolean => s.status >= 200 && s.status < 300;
const ms = (n: number): string => `${Math.round(n)} ms`;

/** The owner's view of the database, for one check (a fresh pool: the old one's connections die with the server). */
async function withOwner<T>(work: (pool: Pool) => Promise<T>): Promise<T> {
  const pool = new Pool({ connectionString: db.url, max: 2 });
  pool.on('error', () => undefined); // an idle connection dropped by the server must not end the test process
  try {
    return await work(pool);
  } finally {
    await pool.end();
  }
}

function auditVerify(): { status: number | null; output: string } {
  // Chain only: this API's anchors are in its own DATA_DIR (the anchors have their own suite, audit-tamper).
  const result = spawnSync(process.execPath, [join(__dirname, '../../../../dist/apps/api/cli.js'), 'audit-verify', '--chain-only'], {
    env: { PATH: process.env['PATH'], DATABASE_URL: db.url, AUDIT_KEY: secrets.AUDIT_KEY, NODE_ENV: 'test', DATA_DIR: '/tmp/outcomes-cli-unused' },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function printTable(title: string, rows: Record<string, Record<string, number | string>>): void {
  const columns = [...new Set(Object.values(rows).flatMap((r) => Object.keys(r)))];
  const width = Math.max(...Object.keys(rows).map((k) => k.length), 8);
  const lines = [`${''.padEnd(width)}  ${columns.map((c) => c.padStart(9)).join(' ')}`];
  for (const [name, row] of Object.entries(rows)) lines.push(`${name.padEnd(width)}  ${columns.map((c) => String(row[c] ?? '').padStart(9)).join(' ')}`);
  console.log(`${title}\n${lines.join('\n')}`);
}

beforeAll(async () => {
  const logDir = join(__dirname, '../../../../.test-results');
  mkdirSync(logDir, { recursive: true });
  db = await startControlledPostgres();
  api = await startApi(
    { DATABASE_URL: db.url, SEED_DEMO: 'true', LOGIN_RATE_LIMIT: '100000', LOG_LEVEL: process.env['LOAD_API_LOG_LEVEL'] ?? 'warn', ...secrets },
    { logFile: join(logDir, 'api-load-and-fault.log') },
  );
  const setupStarted = now();
  users = await createStaff(new LoadClient(api.baseUrl), USERS);
  console.log(`set-up: ${users.length} staff accounts (${users.filter((u) => u.town === 'aarhus').length} Aarhus, ${users.filter((u) => u.town === 'odense').length} Odense), each signed in with a caseload and a course, in ${((now() - setupStarted) / 1000).toFixed(1)} s`);
}, 240_000);

afterAll(async () => {
  await api?.stop();
  await db?.exit();
});

describe(`load: ${USERS} staff users at once`, () => {
  it(`serves the mix for ${LOAD_SECONDS} s without an error, and every acknowledged write is stored as sent`, async () => {
    const client = new LoadClient(api.baseUrl);
    const started = now();
    const end = started + LOAD_SECONDS * 1000;
    await runUsers(client, ledger, users, () => now() >= end, THINK_MS);
    const seconds = (now() - started) / 1000;

    const samples = client.samples;
    printTable(`load: ${USERS} users, ${seconds.toFixed(1)} s, mix ${MIX.map(([a, w]) => `${a} ${w} %`).join(', ')}; think time 0-${THINK_MS} ms`, {
      ...latencyTable(samples),
    });
    console.log(`load: ${samples.length} requests, ${(samples.length / seconds).toFixed(0)} requests/s; statuses ${JSON.stringify(statusCounts(samples))}`);

    // An error: any answer but 2xx (nothing in this mix expects another), or no answer at all.
    const errors = samples.filter((s) => !isOk(s));
    if (errors.length > 0) console.log('load: errors', errors.slice(0, 10));
    expect(statusCounts(errors)).toEqual({});
    expect(samples.length).toBeGreaterThan(USERS * LOAD_SECONDS); // the users did work: at least one request each per second

    const check = await withOwner((pool) => checkLedger(pool, ledger, users));
    console.log(`load: acknowledged writes ${check.acknowledged}, found as sent ${check.found} (sessions ${ledger.sessions.size}, ASI ${ledger.assessments.size}, meetings' attendance ${ledger.attendance.size}; ${ledger.superseded} attendance saves replaced by the same user's next save)`);
    expect(check.problems).toEqual([]);
    expect(check.found).toBe(check.acknowledged);
    expect(check.unackedButStored).toBe(0);
  });
});

describe('database fault: PostgreSQL stopped for 10 s under load', () => {
  it('answers 503 quickly while it is down, keeps running, recovers within 5 s, and loses no acknowledged write', async () => {
    const client = new LoadClient(api.baseUrl);
    const healthClient = new LoadClient(api.baseUrl);
    const pid = api.child.pid;
    const ackedBefore = ledger.acknowledged;
    let finished = false;

    // The health check, polled throughout as a load balancer would.
    const health: { sample: Sample; body: HealthStatus }[] = [];
    const poller = (async () => {
      while (!finished) {
        const res = await healthClient.request<HealthStatus>('health', 'GET', '/api/health', null);
        health.push({ sample: healthClient.samples[healthClient.samples.length - 1] as Sample, body: res.body });
        await sleep(200);
      }
    })();
    const working = runUsers(client, ledger, users, () => finished, THINK_MS);

    await sleep(BEFORE_OUTAGE_MS);
    const stopCalled = now();
    await db.stop();
    const stopped = now();
    await sleep(OUTAGE_MS - (stopped - stopCalled));
    const startCalled = now();
    await db.start();
    const back = now();
    await sleep(AFTER_RETURN_MS);
    finished = true;
    await Promise.all([working, poller]);

    const samples = client.samples;
    // Kept for a closer look at a failing run (times relative to the stop of the database).
    writeFileSync(
      join(__dirname, '../../../../.test-results/load-and-fault-outage.json'),
      JSON.stringify({ stopCalled: 0, stopped: stopped - stopCalled, startCalled: startCalled - stopCalled, back: back - stopCalled, samples: samples.map((s) => ({ ...s, started: s.started - stopCalled, ended: s.ended - stopCalled })) }),
    );
    // Down: from the moment the server had stopped until it was told to start again.
    const duringOutage = samples.filter((s) => s.started >= stopped && s.started < startCalled);
    const answeredWhileDown = duringOutage.filter((s) => s.ended <= startCalled);
    const unavailable = samples.filter((s) => s.status === 503);
    const lastUnavailable = Math.max(...unavailable.map((s) => s.ended));
    const firstOkAfterReturn = Math.min(...samples.filter((s) => isOk(s) && s.started >= back).map((s) => s.ended));
    const recoveredWithin = lastUnavailable - back;
    const healthDown = health.filter((h) => h.sample.started >= stopped && h.sample.ended <= startCalled);
    const healthOkAgain = Math.min(...health.filter((h) => h.sample.status === 200 && h.sample.started >= back).map((h) => h.sample.ended)) - back;

    // An error: no answer; a 5xx other than 503 DATABASE_UNAVAILABLE; any 4xx; a 503 before the stop or after the recovery.
    const errors = samples.filter(
      (s) => !isOk(s) && !(s.status === 503 && s.code === 'DATABASE_UNAVAILABLE' && s.ended >= stopCalled && s.started <= back + 5000),
    );

    printTable('fault: requests by kind over the whole phase', latencyTable(samples));
    console.log(
      [
        `fault: PostgreSQL stopped in ${ms(stopped - stopCalled)}, down ${((startCalled - stopCalled) / 1000).toFixed(1)} s, started again in ${ms(back - startCalled)}`,
        `fault: ${duringOutage.length} requests started while it was down: ${JSON.stringify(statusCounts(duringOutage))}; max latency ${ms(Math.max(...duringOutage.map(latency)))}, p99 ${ms(latencyTable(duringOutage)['overall']?.p99 ?? NaN)}`,
        `fault: /api/health while down: ${healthDown.length} probes ${JSON.stringify(statusCounts(healthDown.map((h) => h.sample)))}, reason "${healthDown[0]?.body.reason}"; 200 again ${ms(healthOkAgain)} after the database was back`,
        `fault: time to recovery: first success ${ms(firstOkAfterReturn - back)} after the database was back, last 503 answered ${ms(Math.max(0, recoveredWithin))} after`,
        `fault: whole phase ${samples.length} requests, statuses ${JSON.stringify(statusCounts(samples))}; API pid ${pid} → ${api.child.pid}, exit code ${api.child.exitCode}`,
      ].join('\n'),
    );

    if (errors.length > 0) console.log('fault: errors', errors.slice(0, 10));
    expect(statusCounts(errors)).toEqual({});
    // While down: every request answered, 503 DATABASE_UNAVAILABLE, within a second; nothing hangs.
    expect(answeredWhileDown.length).toBeGreaterThan(USERS);
    expect(statusCounts(answeredWhileDown)).toEqual({ '503 DATABASE_UNAVAILABLE': answeredWhileDown.length });
    expect(Math.max(...duringOutage.map(latency))).toBeLessThan(1000);
    // The health check says so, and why.
    expect(healthDown.length).toBeGreaterThan(10);
    for (const h of healthDown) {
      expect(h.sample.status).toBe(503);
      expect(h.body).toMatchObject({ status: 'unavailable', database: 'down', reason: expect.any(String) });
      expect(latency(h.sample)).toBeLessThan(1000);
    }
    // Back within 5 s: after the last 503, only successes, for reads and every kind of write.
    expect(recoveredWithin).toBeLessThan(5000);
    expect(healthOkAgain).toBeLessThan(5000);
    const afterRecovery = samples.filter((s) => s.started > lastUnavailable);
    for (const kind of ['worklist', 'citizen', 'POST session', 'PUT attendance', 'POST assessment']) {
      expect(afterRecovery.filter((s) => s.kind === kind && isOk(s)).length).toBeGreaterThan(0);
    }
    // The same process throughout, still answering.
    expect(api.child.pid).toBe(pid);
    expect(api.child.exitCode).toBeNull();
    expect((await fetch(`${api.baseUrl}/api/health`)).status).toBe(200);

    // No acknowledged write lost, those just before the stop included; nothing half-written.
    const check = await withOwner((pool) => checkLedger(pool, ledger, users));
    const refusedWrites = samples.filter((s) => s.kind !== 'health' && /^(POST|PUT) /.test(s.kind) && !isOk(s)).length;
    console.log(`fault: acknowledged writes ${check.acknowledged} (${check.acknowledged - ackedBefore} in this phase), found as sent ${check.found}; ${refusedWrites} writes answered 503, ${check.unackedButStored} of them stored anyway (whole)`);
    expect(check.problems).toEqual([]);
    expect(check.found).toBe(check.acknowledged);
    expect(check.acknowledged - ackedBefore).toBeGreaterThan(0);

    // The access log's hash chain still verifies, with the API's audit key.
    const verified = auditVerify();
    console.log(`fault: audit-verify: ${verified.output.trim()}`);
    expect(verified).toMatchObject({ status: 0, output: expect.stringContaining('chain intact') });
  });
});
