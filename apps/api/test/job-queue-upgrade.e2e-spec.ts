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
 * Decision 159: pg-boss 12 cannot migrate pg-boss 10's schema (version 24). At start-up the owner
 * drops such a schema, pg-boss 12 installs its own, and every export still queued or running in
 * export_job is queued again under its own id; a finished one is not. The "pg-boss 10 schema" here
 * is the part the start-up reads (its version table at 24, and an archive table pg-boss 11 removed):
 * the real 10.x package is not installed beside 12.
 */

const AARHUS = DEMO_IDS.municipalities.aarhus;

describe('a database left by pg-boss 10', () => {
  let database: FreshDatabase;
  let api: RunningApi | undefined;
  let owner: Pool;
  const secrets = processSecrets();
  const env = (): Record<string, string> => ({ DATABASE_URL: database.url, SEED_DEMO: 'true', LOGIN_RATE_LIMIT: '100000', ...secrets });

  beforeAll(async () => {
    database = await freshDatabase('queueupgrade');
    owner = new Pool({ connectionString: database.url, max: 2 });
  });

  afterAll(async () => {
    await api?.stop();
    await owner?.end();
    await database?.drop();
  });

  const send = async <T>(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${(api as RunningApi).baseUrl}${path}`, {
      method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    // A download answers its file, not JSON.
    return { status: res.status, body: (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T };
  };
  const signIn = async (): Promise<string> => {
    const res = await fetch(`${(api as RunningApi).baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'evaluator@aarhus.demo', password: 'demo-password-2026' }) });
    return ((await res.json()) as { token: string }).token;
  };
  const newProject = async (token: string): Promise<string> => {
    const res = await send<{ id: string }>('POST', '/api/export-projects', token, {
      name: `Opgradering ${randomUUID().slice(0, 6)}`, purpose: 'Kø-opgradering', municipalityIds: [AARHUS], programmeIds: [DEMO_IDS.programmes.icm], periodFrom: '2020-01-01', periodTo: '2030-12-31',
    });
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const waitDone = async (token: string, id: string): Promise<ExportJob> => {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const job = (await send<ExportJob>('GET', `/api/export-jobs/${id}`, token)).body;
      if (job.status === 'done' || job.status === 'failed') return job;
      if (Date.now() > deadline) throw new Error(`export ${id} still ${job.status}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };

  it('is replaced at start-up, and the exports it left unfinished run; a finished one is not run again', async () => {
    api = await startApi(env());
    let token = await signIn();
    const finishedProject = await newProject(token);
    const finished = await send<ExportJob>('POST', '/api/export-jobs', token, { projectId: finishedProject, dataset: 'codebook', format: 'csv' });
    expect(finished.status).toBe(201);
    expect((await waitDone(token, finished.body.id)).status).toBe('done');
    const waitingProject = await newProject(token);
    await api.stop();
    api = undefined;

    // What pg-boss 10 left: its schema at version 24 (with the archive table 11 removed), and an export
    // queued in export_job whose queue entry lives in that old schema.
    const evaluator = DEMO_IDS.users.aarhus.evaluator;
    const waiting = (await owner.query<{ id: string }>(
      `INSERT INTO export_job (municipality_id, project_id, requested_by, dataset, format, status) VALUES ($1, $2, $3, 'codebook', 'csv', 'queued') RETURNING id`,
      [AARHUS, waitingProject, evaluator],
    )).rows[0]?.id as string;
    await owner.query('DROP SCHEMA pgboss CASCADE');
    await owner.query('CREATE SCHEMA pgboss');
    await owner.query('CREATE TABLE pgboss.version (version int PRIMARY KEY, maintained_on timestamptz, cron_on timestamptz)');
    await owner.query('INSERT INTO pgboss.version (version) VALUES (24)');
    await owner.query('CREATE TABLE pgboss.archive (id uuid PRIMARY KEY, name text, data jsonb)');
    await owner.query(`INSERT INTO pgboss.archive VALUES ($1, 'export', $2)`, [randomUUID(), { exportJobId: waiting, userId: evaluator }]);

    api = await startApi(env());
    token = await signIn();
    expect(await waitDone(token, waiting)).toMatchObject({ id: waiting, status: 'done' });
    const version = (await owner.query<{ version: number }>('SELECT version FROM pgboss.version')).rows[0]?.version as number;
    expect(version).toBeGreaterThanOrEqual(25);
    expect((await owner.query(`SELECT to_regclass('pgboss.archive') AS t`)).rows[0].t).toBeNull();
    // One queue entry, under the export job's own id, for the unfinished export; none for the finished one.
    const entries = (await owner.query<{ id: string; state: string }>(`SELECT id, state::text AS state FROM pgboss.job WHERE name = 'export' ORDER BY created_on`)).rows;
    expect(entries).toEqual([{ id: waiting, state: 'completed' }]);
    // The finished export's file is still there, untouched.
    expect((await send('GET', `/api/export-jobs/${finished.body.id}/download`, token)).status).toBe(200);
    // And the queue works as before for a new export.
    const again = await send<ExportJob>('POST', '/api/export-jobs', token, { projectId: finishedProject, dataset: 'codebook', format: 'csv' });
    expect(again.status).toBe(201);
    expect((await waitDone(token, again.body.id)).status).toBe('done');
    expect(api.output()).not.toMatch(/"statusCode":\s*5\d\d/);
  }, 240_000);
});
