import { randomUUID } from 'node:crypto';
import type { ExportJob } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { Pool } from 'pg';
// Plain JS helper shared with the browser tests and CI.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startApi } from '../../../tools/testing/api-process.cjs';
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { RunningApi } from '../../../tools/testing/api-process.cjs';
import { freshDatabase, processSecrets } from './support/fresh-database';
import type { FreshDatabase } from './support/fresh-database';

/*
 * Stateless replicas: API processes on different ports share one PostgreSQL and nothing else.
 * Sessions, export jobs and their leases live in the database, so any replica honours what another did.
 */

const PASSWORD = 'demo-password-2026';
const EVALUATOR = 'evaluator@aarhus.demo';
const AARHUS = DEMO_IDS.municipalities.aarhus;
/** Short, so a job whose process was killed is retried within the test; longer than any export here. */
const LEASE_SECONDS = 40;

let database: FreshDatabase;
let owner: Pool;
let env: Record<string, string>;
const replicas: RunningApi[] = [];

async function replica(): Promise<RunningApi> {
  const api = await startApi(env);
  replicas.push(api);
  return api;
}

async function send<T>(api: RunningApi, method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (token) headers['authorization'] = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${api.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function login(api: RunningApi, email: string): Promise<string> {
  const res = await send<{ token: string }>(api, 'POST', '/api/auth/login', { email, password: PASSWORD });
  if (res.status !== 200) throw new Error(`sign-in on ${api.baseUrl} answered ${res.status}`);
  return res.body.token;
}

async function exportProject(api: RunningApi, token: string, programmeId: string): Promise<string> {
  const res = await send<{ id: string }>(api, 'POST', '/api/export-projects', {
    name: `Replika ${randomUUID().slice(0, 6)}`, purpose: 'Effektevaluering på to replikaer', municipalityIds: [AARHUS],
    programmeIds: [programmeId], periodFrom: '2020-01-01', periodTo: '2030-12-31',
  }, token);
  if (res.status !== 201) throw new Error(`export project: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

async function startExport(api: RunningApi, token: string, projectId: string, dataset = 'enrolments'): Promise<string> {
  const res = await send<ExportJob>(api, 'POST', '/api/export-jobs', { projectId, dataset, format: 'csv' }, token);
  if (res.status !== 201) throw new Error(`export job: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

async function jobRow(id: string): Promise<{ status: string; progress: number; row_count: number | null }> {
  const { rows } = await owner.query<{ status: string; progress: number; row_count: number | null }>('SELECT status, progress, row_count FROM export_job WHERE id = $1', [id]);
  return rows[0] as { status: string; progress: number; row_count: number | null };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const done = (id: string, timeoutMs: number) =>
  until(`export ${id} to finish`, async () => {
    const row = await jobRow(id);
    return row.status === 'done' || row.status === 'failed' ? row : undefined;
  }, timeoutMs);

/** What the access log and the queue hold of one export job: its 'run' rows and its pg-boss jobs. */
async function traces(id: string): Promise<{ runs: number; queueJobs: { state: string; retrycount: number }[] }> {
  const runs = await owner.query(`SELECT 1 FROM access_log WHERE action = 'export' AND record_id = $1 AND criterion LIKE 'run:%'`, [id]);
  const jobs = await owner.query<{ state: string; retrycount: number }>(
    // pg-boss 11 and later keep a finished job in pgboss.job (until the queue's deleteAfterSeconds): no archive table.
    `SELECT state::text AS state, retry_count AS retrycount FROM pgboss.job WHERE data->>'exportJobId' = $1`,
    [id],
  );
  return { runs: runs.rowCount ?? 0, queueJobs: jobs.rows };
}

/** A programme of its own with `rows` active enrolments, written straight into the database as its owner. */
/** Two states throughout, so that disclosure control (k = 5, two states) withholds nobody. */
async function bigProgramme(api: RunningApi, rows: number): Promise<string> {
  const admin = await login(api, 'admin@aarhus.demo');
  const code = `RP${randomUUID().slice(0, 6).toUpperCase()}`;
  const res = await send<{ id: string }>(api, 'POST', '/api/programmes', { code, name: `Replika ${code}`, format: 'individual', expectedSessions: 12, followUpMonths: [6] }, admin);
  if (res.status !== 201) throw new Error(`programme: ${res.status}`);
  await owner.query(
    `WITH c AS (
       INSERT INTO citizen (municipality_id, first_name_encrypted, last_name_encrypted, birth_year, sex)
       SELECT $1, 'x', 'x', 1960 + g % 40, CASE WHEN g % 2 = 0 THEN 'male' ELSE 'female' END FROM generate_series(1, $3) g
       RETURNING id)
     INSERT INTO enrolment (municipality_id, citizen_id, programme_id, centre_id, referral_date, start_date, state)
     SELECT $1, c.id, $2, $4, DATE '2026-01-15', DATE '2026-02-01', CASE WHEN g % 3 = 0 THEN 'dropped_out' ELSE 'active' END
     FROM (SELECT id, row_number() OVER () AS g FROM c) c`,
    [AARHUS, res.body.id, rows, DEMO_IDS.centres.aarhusCentrum],
  );
  return res.body.id;
}

beforeAll(async () => {
  database = await freshDatabase('replicas');
  owner = new Pool({ connectionString: database.url, max: 2 });
  env = {
    DATABASE_URL: database.url,
    SEED_DEMO: 'true',
    LOGIN_RATE_LIMIT: '100000',
    EXPORT_JOB_TIMEOUT_SECONDS: String(LEASE_SECONDS),
    // Four exports of one evaluator at once, so that both workers compete (the per-user cap is tested elsewhere).
    EXPORT_MAX_CONCURRENT_PER_USER: '4',
    ...processSecrets(),
  };
  // One after the other only to keep the output readable; starting together is safe (advisory lock).
  await replica();
  await replica();
}, 120_000);

afterAll(async () => {
  for (const api of replicas) await api.stop();
  await owner?.end();
  await database?.drop();
});

describe('two API processes on one PostgreSQL', () => {
  it('honour each other’s sessions: a login on one works on the other, a logout on one ends it on both', async () => {
    const [a, b] = replicas as [RunningApi, RunningApi];
    expect(a.baseUrl).not.toBe(b.baseUrl);
    const token = await login(a, 'staff@aarhus.demo');
    expect((await send<{ email: string }>(b, 'GET', '/api/auth/me', undefined, token)).body.email).toBe('staff@aarhus.demo');
    expect((await send(b, 'GET', '/api/programmes', undefined, token)).status).toBe(200);

    expect((await send(b, 'POST', '/api/auth/logout', undefined, token)).status).toBe(204);
    expect((await send(a, 'GET', '/api/auth/me', undefined, token)).status).toBe(401);
    expect((await send(b, 'GET', '/api/auth/me', undefined, token)).status).toBe(401);
  });

  it('run each export job exactly once, whichever takes it', async () => {
    const [a, b] = replicas as [RunningApi, RunningApi];
    const programmeId = await bigProgramme(a, 200);
    const token = await login(a, EVALUATOR);
    // Several at once, asked for through both replicas, so that both workers compete for them.
    const projects = await Promise.all([1, 2, 3, 4].map(() => exportProject(a, token, programmeId)));
    const ids = await Promise.all(projects.map((p, i) => startExport(i % 2 === 0 ? a : b, token, p)));
    for (const id of ids) {
      expect(await done(id, 60_000)).toMatchObject({ status: 'done', row_count: 200 });
      const { runs, queueJobs } = await traces(id);
      expect(runs).toBe(1);
      expect(queueJobs).toEqual([{ state: 'completed', retrycount: 0 }]);
    }
  }, 120_000);

  it('retry on the other replica the job of a process killed mid-way, and finish it with one result', async () => {
    const [a, b] = replicas as [RunningApi, RunningApi];
    const ROWS = 30_000;
    const programmeId = await bigProgramme(a, ROWS);
    // Only `a` may take the job, so that the process killed is the one running it; `b` leaves gracefully.
    await b.stop();
    const token = await login(a, EVALUATOR);
    const id = await startExport(a, token, await exportProject(a, token, programmeId));
    const running = await until('the export to be under way', async () => {
      const row = await jobRow(id);
      return row.status === 'running' && row.progress > 0 ? row : undefined;
    }, 60_000);
    expect(running.progress).toBeLessThan(100);

    a.child.kill('SIGKILL');
    await a.exited;
    const killedAt = Date.now();
    expect(await jobRow(id)).toMatchObject({ status: 'running' });

    const c = await replica(); // the other replica, started anew on the same database
    const result = await done(id, (LEASE_SECONDS + 60) * 1000);
    console.log(`killed at ${running.progress} %; retried and finished by another replica ${((Date.now() - killedAt) / 1000).toFixed(1)} s later (lease ${LEASE_SECONDS} s)`);
    expect(result).toMatchObject({ status: 'done', row_count: ROWS });
    const { runs, queueJobs } = await traces(id);
    expect(runs).toBe(1);
    expect(queueJobs).toEqual([{ state: 'completed', retrycount: 1 }]);

    // One file: the killed attempt left no chunks behind, and the download has every row once.
    const file = await fetch(`${c.baseUrl}/api/export-jobs/${id}/download`, { headers: { authorization: `Bearer ${await login(c, EVALUATOR)}` } });
    expect(file.status).toBe(200);
    const lines = (await file.text()).trim().split('\n');
    expect(lines).toHaveLength(ROWS + 1);
    expect(new Set(lines.slice(1)).size).toBe(ROWS); // each line has its own pseudonyms
  }, 300_000);

  it('on SIGTERM finish the export in flight, or hand it back for another replica, and exit 0', async () => {
    const ROWS = 30_000;
    const c = replicas[replicas.length - 1] as RunningApi;
    const programmeId = await bigProgramme(c, ROWS);
    const token = await login(c, EVALUATOR);
    const id = await startExport(c, token, await exportProject(c, token, programmeId));
    await until('the export to be under way', async () => {
      const row = await jobRow(id);
      return row.status === 'running' && row.progress > 0 ? row : undefined;
    }, 60_000);

    c.child.kill('SIGTERM');
    expect(await c.exited).toBe(0);
    const afterStop = await jobRow(id);
    console.log(`SIGTERM during an export: after the process exited the job was ${afterStop.status} (${afterStop.progress} %)`);
    if (afterStop.status !== 'done') await replica();
    expect(await done(id, (LEASE_SECONDS + 60) * 1000)).toMatchObject({ status: 'done', row_count: ROWS });
    expect((await traces(id)).runs).toBe(1);
  }, 300_000);
});
