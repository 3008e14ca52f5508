import { randomUUID } from 'node:crypto';
import type { ExportJob } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { Pool } from 'pg';
// Plain JS helper shared with the browser tests and CI.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startApi } from '../../../tools/testing/api-process.cjs';
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { RunningApi } from '../../../tools/testing/api-process.cjs';
import { closeDb, db } from './support/http';
import { AARHUS, ownProgramme, project, runExport } from './support/exports';
import { freshDatabase, processSecrets } from './support/fresh-database';
import { apiCrypto } from './support/rows';
import type { FreshDatabase } from './support/fresh-database';

/*
 * Exports run in a worker process of their own (decision 132): its rows are the ones the data
 * gives, and a worker that dies fails its job, never the API.
 */

afterAll(closeDb);

describe('an export written by the worker process', () => {
  it('holds exactly the rows the database holds, with the released quasi-identifiers, and logs the run', async () => {
    const programmeId = await ownProgramme();
    const owner = db();
    const code = (await owner.query<{ code: string }>('SELECT code FROM programme WHERE id = $1', [programmeId])).rows[0]?.code;
    const interviewer = (await owner.query<{ id: string }>(`SELECT id FROM app_user WHERE email = 'staff@aarhus.demo'`)).rows[0]?.id;
    // Ten citizens born 1991, male, referred 15 January 2026, started 1 February: five active, five
    // dropped out (k = 5 and two states hold, so nothing is suppressed). Each has an intake
    // assessment on 10 February 2026 and those dropped out an end assessment on 20 May 2026;
    // written as the owner, straight into the tables. Their names are encrypted with the API's keys:
    // they are Aarhus's citizens in the shared database, and every other test lists them.
    const crypto = apiCrypto();
    await owner.query(
      `WITH c AS (
         INSERT INTO citizen (municipality_id, first_name_encrypted, last_name_encrypted, birth_year, sex)
         SELECT $1, $5, $6, 1991, 'male' FROM generate_series(1, 10) RETURNING id),
       e AS (
         INSERT INTO enrolment (municipality_id, citizen_id, programme_id, centre_id, referral_date, start_date, state)
         SELECT $1, c.id, $2, $3, DATE '2026-01-15', DATE '2026-02-01', CASE WHEN g % 2 = 0 THEN 'dropped_out' ELSE 'active' END
         FROM (SELECT id, row_number() OVER () AS g FROM c) c RETURNING id, citizen_id, state)
       INSERT INTO assessment (municipality_id, enrolment_id, citizen_id, timepoint, assessed_on, interviewer_user_id, items, medical, drug_free)
       SELECT $1, e.id, e.citizen_id, t.timepoint, t.on_date, $4, '{}'::jsonb, 0.12345, true
       FROM e JOIN (VALUES ('intake', DATE '2026-02-10', NULL), ('end', DATE '2026-05-20', 'dropped_out')) t(timepoint, on_date, only_state)
         ON t.only_state IS NULL OR t.only_state = e.state`,
      [AARHUS, programmeId, DEMO_IDS.centres.aarhusCentrum, interviewer, crypto.encrypt('first_name', 'Udtræk'), crypto.encrypt('last_name', 'Arbejder')],
    );
    const created = await project([programmeId]);
    expect(created.status).toBe(201);

    const { job, cells } = await runExport(created.body.id, 'assessments');
    const [header, ...rows] = cells as [string[], ...string[][]];
    const pick = (columns: string[], from: string[][], names: string[]): string[] => {
      for (const name of columns) expect(names).toContain(name);
      return from.map((r) => columns.map((name) => r[names.indexOf(name)]).join('|')).sort();
    };
    expect(job.rowCount).toBe(15);
    expect(rows).toHaveLength(15);
    const assessment = (timepoint: string, quarter: string) => `1990-1994|male|751|${code}|${timepoint}|${quarter}|0.123|true`;
    expect(pick(['birth_year_band', 'sex', 'municipality_code', 'programme_code', 'timepoint', 'assessment_quarter', 'medical', 'drug_free'], rows, header)).toEqual([
      ...Array.from({ length: 10 }, () => assessment('intake', '2026-Q1')),
      ...Array.from({ length: 5 }, () => assessment('end', '2026-Q2')),
    ].sort());
    // The enrolments file of the same project: the released quarters and the states (k = 5 and two
    // states hold in each group of five, so nothing is emptied).
    const enrolmentsFile = await runExport(created.body.id, 'enrolments');
    const [enrolmentHeader, ...enrolmentRows] = enrolmentsFile.cells as [string[], ...string[][]];
    expect(enrolmentsFile.job.disclosure).toMatchObject({ suppressedValues: 0, withheldRows: 0 });
    const enrolment = (state: string) => `1990-1994|male|751|${code}|2026-Q1|2026-Q1||${state}`;
    expect(pick(['birth_year_band', 'sex', 'municipality_code', 'programme_code', 'referral_quarter', 'start_quarter', 'end_quarter', 'state'], enrolmentRows, enrolmentHeader)).toEqual([
      ...Array.from({ length: 5 }, () => enrolment('active')),
      ...Array.from({ length: 5 }, () => enrolment('dropped_out')),
    ].sort());
    const at = (name: string): number => header.indexOf(name);
    // Ten people, ten enrolments, each under a pseudonym that is none of the database's ids.
    const people = new Set(rows.map((r) => r[at('person_id')]));
    const enrolments = new Set(rows.map((r) => r[at('enrolment_id')]));
    expect(people.size).toBe(10);
    expect(enrolments.size).toBe(10);
    for (const id of people) expect(id).toMatch(/^[0-9a-f]{20}$/);
    // The run's access-log row, written by the job's own transaction beside the file.
    const runs = await owner.query<{ criterion: string }>(`SELECT criterion FROM access_log WHERE action = 'export' AND record_id = $1 AND criterion LIKE 'run:%'`, [job.id]);
    expect(runs.rows).toHaveLength(1);
    expect(runs.rows[0]?.criterion).toContain('rows=15');
  }, 120_000);

  it('writes each enrolment\'s assessments together and oldest first, whatever order they were stored in (decision 189)', async () => {
    // Since decision 189 the assessments file sorts the enrolments in scope first, then reads each
    // one's assessments, rather than sorting the whole join. Ten citizens (five active, five dropped
    // out, as above, so that nothing is withheld), each with three assessments written newest first
    // and interleaved across the enrolments: neither the insertion order nor the rows' physical order
    // is the file's order.
    const programmeId = await ownProgramme();
    const owner = db();
    const interviewer = (await owner.query<{ id: string }>(`SELECT id FROM app_user WHERE email = 'staff@aarhus.demo'`)).rows[0]?.id;
    const crypto = apiCrypto();
    const enrolmentIds = (await owner.query<{ id: string }>(
      `WITH c AS (
         INSERT INTO citizen (municipality_id, first_name_encrypted, last_name_encrypted, birth_year, sex)
         SELECT $1, $4, $5, 1992, 'female' FROM generate_series(1, 10) RETURNING id)
       INSERT INTO enrolment (municipality_id, citizen_id, programme_id, centre_id, referral_date, start_date, state)
       SELECT $1, c.id, $2, $3, DATE '2026-01-15', DATE '2026-02-01', CASE WHEN g % 2 = 0 THEN 'dropped_out' ELSE 'active' END
       FROM (SELECT id, row_number() OVER () AS g FROM c) c RETURNING id`,
      [AARHUS, programmeId, DEMO_IDS.centres.aarhusCentrum, crypto.encrypt('first_name', 'Orden'), crypto.encrypt('last_name', 'Rækkefølge')],
    )).rows.map((r) => r.id);
    // Newest first: follow-up (Q4), end (Q3), intake (Q1); within a timepoint, the enrolments in turn.
    for (const [timepoint, on] of [['follow-up-3', '2026-11-20'], ['end', '2026-08-10'], ['intake', '2026-02-10']] as const) {
      for (const enrolmentId of [...enrolmentIds].reverse()) {
        await owner.query(
          `INSERT INTO assessment (municipality_id, enrolment_id, citizen_id, timepoint, assessed_on, interviewer_user_id, items, drug_free)
           SELECT $1, e.id, e.citizen_id, $3, $4::date, $5, '{}'::jsonb, false FROM enrolment e WHERE e.id = $2`,
          [AARHUS, enrolmentId, timepoint, on, interviewer],
        );
      }
    }
    const created = await project([programmeId]);
    expect(created.status).toBe(201);
    const { job, cells } = await runExport(created.body.id, 'assessments');
    const [header, ...rows] = cells as [string[], ...string[][]];
    expect(job.rowCount).toBe(30);
    const at = (name: string): number => header.indexOf(name);
    const byEnrolment = new Map<string, number[]>();
    rows.forEach((r, i) => byEnrolment.set(r[at('enrolment_id')] as string, [...(byEnrolment.get(r[at('enrolment_id')] as string) ?? []), i]));
    expect(byEnrolment.size).toBe(10);
    for (const indexes of byEnrolment.values()) {
      expect(indexes).toEqual([indexes[0], (indexes[0] as number) + 1, (indexes[0] as number) + 2]); // together
      expect(indexes.map((i) => `${rows[i]?.[at('timepoint')]} ${rows[i]?.[at('assessment_quarter')]}`)).toEqual(['intake 2026-Q1', 'end 2026-Q3', 'follow-up-3 2026-Q4']);
    }
  }, 120_000);
});

describe('an export whose worker process dies', () => {
  let database: FreshDatabase;
  let api: RunningApi;
  let owner: Pool;

  beforeAll(async () => {
    database = await freshDatabase('exportworker');
    owner = new Pool({ connectionString: database.url, max: 2 });
    // A 1 MiB heap: V8 cannot even start the worker, which dies at once (SIGTRAP or SIGSEGV), every attempt.
    api = await startApi({ DATABASE_URL: database.url, SEED_DEMO: 'true', LOGIN_RATE_LIMIT: '100000', EXPORT_WORKER_HEAP_MIB: '1', ...processSecrets() });
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    await owner?.end();
    await database?.drop();
  });

  const send = async <T>(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${api.baseUrl}${path}`, {
      method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };

  it('fails its job after the retries, leaves no file and no run in the access log, and answers no 500', async () => {
    const login = await fetch(`${api.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'evaluator@aarhus.demo', password: 'demo-password-2026' }) });
    const { token } = (await login.json()) as { token: string };
    const created = await send<{ id: string }>('POST', '/api/export-projects', token, {
      name: `Dør ${randomUUID().slice(0, 6)}`, purpose: 'Et udtræk hvis arbejdsproces dør', municipalityIds: [AARHUS], programmeIds: [DEMO_IDS.programmes.icm], periodFrom: '2020-01-01', periodTo: '2030-12-31',
    });
    expect(created.status).toBe(201);
    const started = await send<ExportJob>('POST', '/api/export-jobs', token, { projectId: created.body.id, dataset: 'enrolments', format: 'csv' });
    expect(started.status).toBe(201);

    const statuses: number[] = [];
    let job = started.body;
    const deadline = Date.now() + 90_000;
    while (job.status !== 'failed') {
      if (job.status === 'done') throw new Error('the export finished although its worker cannot start');
      if (Date.now() > deadline) throw new Error(`export still ${job.status}`);
      await new Promise((r) => setTimeout(r, 250));
      const polled = await send<ExportJob>('GET', `/api/export-jobs/${job.id}`, token);
      statuses.push(polled.status);
      job = polled.body;
    }
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(job).toMatchObject({ status: 'failed', rowCount: null, byteSize: null });
    expect((await send('GET', `/api/export-jobs/${job.id}/download`, token)).status).toBe(409);
    expect((await send('GET', '/api/export-jobs', token)).status).toBe(200);

    // Three attempts (retryLimit 2), each a worker that died: the stored error is its signal, never a message.
    const row = (await owner.query<{ error: string }>('SELECT error FROM export_job WHERE id = $1', [job.id])).rows[0];
    expect(row?.error).toMatch(/^(SIG[A-Z]+|exit \d+)$/);
    const chunks = await owner.query('SELECT 1 FROM export_file_chunk WHERE job_id = $1', [job.id]);
    expect(chunks.rowCount).toBe(0);
    const runs = await owner.query(`SELECT 1 FROM access_log WHERE action = 'export' AND record_id = $1 AND criterion LIKE 'run:%'`, [job.id]);
    expect(runs.rowCount).toBe(0);
    // The API lived through it, and never answered (nor logged) a 500.
    expect((await fetch(`${api.baseUrl}/api/health`)).status).toBe(200);
    expect(api.output()).not.toMatch(/"statusCode":\s*5\d\d/);
  }, 150_000);
});
