import { randomUUID } from 'node:crypto';
import type { ExportJob, OutcomeReport } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { Client, Pool } from 'pg';
// Plain JS helper shared with the browser tests and CI.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startApi } from '../../../tools/testing/api-process.cjs';
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { RunningApi } from '../../../tools/testing/api-process.cjs';
import { freshDatabase, processSecrets } from './support/fresh-database';
import type { FreshDatabase } from './support/fresh-database';

/*
 * DATABASE_READ_URL: the outcome report and evaluator exports read from a read-only replica. The
 * "replica" here is a copy of the primary taken at one moment and made read-only, i.e. a replica that
 * has stopped replaying: rows written to the primary afterwards are missing from it. So what the
 * report counts and the export holds shows which database they were read from, while the export's
 * file, job and access-log row must still be written on the primary.
 */

const PASSWORD = 'demo-password-2026';
const AARHUS = DEMO_IDS.municipalities.aarhus;
/** Half active, half dropped out: an export releases nobody without two states among at least k = 5 alike. */
const BEFORE_COPY = 10;
const AFTER_COPY = 4;

let primary: FreshDatabase;
let replicaName: string;
let replicaOwnerUrl: string;
let env: Record<string, string>;
let api: RunningApi | undefined;
let programmeId: string;

async function send<T>(path: string, token: string, method = 'GET', body?: unknown): Promise<{ status: number; body: T; text: string }> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${(api as RunningApi).baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const json = res.headers.get('content-type')?.includes('json') && text ? (JSON.parse(text) as T) : (undefined as T);
  return { status: res.status, body: json, text };
}

async function login(email: string): Promise<string> {
  const res = await fetch(`${(api as RunningApi).baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** `n` enrolments in the test's programme, written straight into the primary as its owner. */
async function enrol(n: number): Promise<void> {
  const owner = new Client({ connectionString: primary.url });
  await owner.connect();
  try {
    await owner.query(
      `WITH c AS (
         INSERT INTO citizen (municipality_id, first_name_encrypted, last_name_encrypted, birth_year, sex)
         SELECT $1, 'x', 'x', 1990, 'female' FROM generate_series(1, $3) RETURNING id)
       INSERT INTO enrolment (municipality_id, citizen_id, programme_id, centre_id, referral_date, start_date, state)
       SELECT $1, c.id, $2, $4, DATE '2026-01-15', DATE '2026-02-01', CASE WHEN g % 2 = 0 THEN 'dropped_out' ELSE 'active' END
       FROM (SELECT id, row_number() OVER () AS g FROM c) c`,
      [AARHUS, programmeId, n, DEMO_IDS.centres.aarhusCentrum],
    );
  } finally {
    await owner.end();
  }
}

async function onServer<T>(work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: process.env['TEST_DATABASE_URL'] });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

beforeAll(async () => {
  primary = await freshDatabase('primary');
  env = { DATABASE_URL: primary.url, SEED_DEMO: 'true', LOGIN_RATE_LIMIT: '100000', ...processSecrets() };
  // First start: migrations, demo data, a programme with enrolments; then the copy is taken.
  api = await startApi(env);
  const admin = await login('admin@aarhus.demo');
  const code = `RR${randomUUID().slice(0, 6).toUpperCase()}`;
  const created = await send<{ id: string }>('/api/programmes', admin, 'POST', { code, name: `Læsereplika ${code}`, format: 'individual', expectedSessions: 12, followUpMonths: [6] });
  expect(created.status).toBe(201);
  programmeId = created.body.id;
  await enrol(BEFORE_COPY);
  await api.stop();
  api = undefined;

  replicaName = `${primary.name}_replica`;
  await onServer(async (admin) => {
    await admin.query(`CREATE DATABASE ${replicaName} TEMPLATE ${primary.name}`);
    // As a hot standby: every transaction on it is read-only.
    await admin.query(`ALTER DATABASE ${replicaName} SET default_transaction_read_only = on`);
  });
  const replicaUrl = new URL(primary.url);
  replicaUrl.pathname = `/${replicaName}`;
  replicaOwnerUrl = replicaUrl.toString();
  await enrol(AFTER_COPY); // on the primary only: the replica is "behind"

  // Without a user in the URL, the API uses its restricted role's name and password on the replica.
  replicaUrl.username = '';
  replicaUrl.password = '';
  api = await startApi({ ...env, DATABASE_READ_URL: replicaUrl.toString() });
}, 180_000);

afterAll(async () => {
  await api?.stop();
  if (replicaName) await onServer((admin) => admin.query(`DROP DATABASE IF EXISTS ${replicaName} WITH (FORCE)`));
  await primary?.drop();
});

describe('DATABASE_READ_URL: reports and exports read from the replica', () => {
  it('counts the outcome report on the replica, not the primary', async () => {
    const token = await login('staff@aarhus.demo');
    const report = await send<OutcomeReport>(`/api/outcomes/report?programmeId=${programmeId}&from=2026-01-01&to=2026-12-31`, token);
    expect(report.status).toBe(200);
    expect(report.body.counts.referred).toBe(BEFORE_COPY);
    const onPrimary = await onServer(async () => {
      const owner = new Client({ connectionString: primary.url });
      await owner.connect();
      const { rows } = await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM enrolment WHERE programme_id = $1', [programmeId]);
      await owner.end();
      return rows[0]?.n;
    });
    expect(onPrimary).toBe(BEFORE_COPY + AFTER_COPY);
    // The reads arrived as the restricted role, named as the read pool.
    const readers = await onServer(async (admin) =>
      (await admin.query<{ usename: string }>(`SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = $1 AND application_name = 'outcomes-api-read'`, [replicaName])).rows,
    );
    expect(readers).toEqual([{ usename: 'outcomes_app' }]);
  });

  it('reads an export’s rows on the replica and writes its file, job and access-log row on the primary', async () => {
    const token = await login('evaluator@aarhus.demo');
    const project = await send<{ id: string }>('/api/export-projects', token, 'POST', {
      name: `Læsereplika ${randomUUID().slice(0, 6)}`, purpose: 'Effektevaluering fra læsereplika', municipalityIds: [AARHUS],
      programmeIds: [programmeId], periodFrom: '2026-01-01', periodTo: '2026-12-31',
    });
    expect(project.status).toBe(201);
    const job = await send<ExportJob>('/api/export-jobs', token, 'POST', { projectId: project.body.id, dataset: 'enrolments', format: 'csv' });
    expect(job.status).toBe(201);
    let state = job.body;
    for (let i = 0; i < 120 && state.status !== 'done' && state.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 500));
      state = (await send<ExportJob>(`/api/export-jobs/${job.body.id}`, token)).body;
    }
    expect(state).toMatchObject({ status: 'done', rowCount: BEFORE_COPY });
    const file = await send<undefined>(`/api/export-jobs/${job.body.id}/download`, token);
    expect(file.status).toBe(200);
    expect(file.text.trim().split('\n')).toHaveLength(BEFORE_COPY + 1);

    const owner = new Pool({ connectionString: primary.url, max: 1 });
    try {
      const runs = await owner.query(`SELECT 1 FROM access_log WHERE action = 'export' AND record_id = $1 AND criterion LIKE 'run:%'`, [job.body.id]);
      expect(runs.rowCount).toBe(1);
    } finally {
      await owner.end();
    }
  }, 90_000);

  it('refuses to start when the read connection escapes row-level security (the owner)', async () => {
    const refused = await startApi({ ...env, DATABASE_READ_URL: replicaOwnerUrl }, { wait: false });
    const code = await refused.exited;
    const output = refused.output();
    await refused.stop();
    expect(code).not.toBe(0);
    expect(output).toContain('DATABASE_READ_URL must connect as the restricted application role');
    expect(output).not.toContain(new URL(replicaOwnerUrl).password || 'no-password-in-url');
  }, 60_000);
});
