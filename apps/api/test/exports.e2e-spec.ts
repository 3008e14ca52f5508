import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { get as httpGet } from 'node:http';
import { connect } from 'node:net';
import type { ExportDataset, ExportFormat, ExportJob, ExportProject } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { activeEnrolment, admins, ASI_INTAKE_ITEMS as items, staff } from './support/fixtures';
import { baseUrl, call, closeDb, db, listPath, tokenFor } from './support/http';
import { AARHUS, download, EVALUATOR, exportCells, finished, ownProgramme, project, startExport } from './support/exports';
import { today } from './support/dates';
import { someoneWaitsFor } from './support/locks';

afterAll(closeDb);

const ODENSE = DEMO_IDS.municipalities.odense;

describe('export projects', () => {
  it('are refused for a municipality that has not been granted (403 naming it) and for a period ending before it starts', async () => {
    const programme = DEMO_IDS.programmes.move;
    const foreign = await project([programme], { municipalityIds: [AARHUS, ODENSE] });
    expect(foreign.status).toBe(403);
    expect(foreign.body.errors?.['municipalityIds']).toContain(ODENSE);
    const backwards = await project([programme], { periodFrom: '2026-06-01', periodTo: '2026-01-31' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual({ periodTo: 'periodTo must not be before periodFrom' });
    expect(await db().query(`SELECT 1 FROM export_project WHERE period_from = '2026-06-01'`)).toMatchObject({ rowCount: 0 });
  });

  it('are each evaluator’s own: another evaluator of the same municipality gets 404', async () => {
    const mine = await project([DEMO_IDS.programmes.move]);
    expect(mine.status).toBe(201);
    expect(mine.body).not.toHaveProperty('pseudonymKeyEncrypted');
    const other = await call('POST', '/api/users', { email: `eval-${randomUUID().slice(0, 6)}@aarhus.test`, displayName: 'Anden evaluator', role: 'evaluator', password: 'Grøn-Cykel-Lampe-2026!' }, { as: admins.aarhus });
    expect(other.status).toBe(201);
    const token = await tokenFor((other.body as { email: string }).email, 'Grøn-Cykel-Lampe-2026!');
    const theirs = await call('GET', `/api/export-projects/${mine.body.id}`, undefined, { token });
    expect(theirs.status).toBe(404);
  });

  it('refuses an unknown dataset (400 naming the field), and an export of another evaluator’s project (404)', async () => {
    const mine = await project([DEMO_IDS.programmes.move]);
    const unknown = await startExport(mine.body.id, 'citizens');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.['dataset']).toMatch(/enrolments, assessments, sessions, outreach, codebook/);
    const odense = await call<ExportProject>('POST', '/api/export-projects', {
      name: 'Odense', purpose: 'Effektevaluering af MOVE', municipalityIds: [ODENSE], programmeIds: [DEMO_IDS.programmes.move], periodFrom: '2025-01-01', periodTo: '2025-12-31',
    }, { as: 'evaluator@odense.demo' });
    expect((await startExport(odense.body.id, 'enrolments')).status).toBe(404);
  });
});

describe('an export’s content', () => {
  const names: string[] = [];
  const cprs: string[] = [];
  const ids: string[] = [];
  const NOTE = `Fortrolig note ${randomUUID()}`;
  let programmeId: string;
  let projectId: string;
  let optedOut: string;

  beforeAll(async () => {
    programmeId = await ownProgramme();
    const dropped: string[] = [];
    const citizens: string[] = [];
    for (let i = 0; i < 11; i++) {
      const enrolment = await activeEnrolment('aarhus', programmeId);
      const citizen = (await call<{ id: string; cpr: string; firstName: string; lastName: string }>('GET', `/api/citizens/${enrolment.citizenId}`, undefined, { as: staff.aarhus })).body;
      names.push(citizen.firstName, citizen.lastName);
      cprs.push(citizen.cpr);
      ids.push(citizen.id, enrolment.id);
      const session = await call('POST', '/api/sessions', { enrolmentId: enrolment.id, startsAt: new Date(Date.now() - 3600_000).toISOString(), durationMinutes: 50, kind: 'case-management-meeting', attendance: 'attended', note: NOTE }, { as: staff.aarhus });
      expect(session.status).toBe(201);
      const assessment = await call('POST', '/api/assessments', { enrolmentId: enrolment.id, timepoint: 'intake', date: today(), items }, { as: staff.aarhus });
      expect(assessment.status).toBe(201);
      if (i === 5) optedOut = citizen.id;
      citizens.push(citizen.id);
      if (i >= 6) dropped.push(enrolment.id);
    }
    // Two outcome states and one birth band, set as the database's owner: without a second state
    // behind every combination of quasi-identifiers (l-diversity) no row could be released. Five
    // active (the sixth opted out) and five dropped out: the latter's end quarter is emptied so that
    // they share their combination with the active five (hand-worked: 5 values, nobody withheld).
    await db().query(`UPDATE citizen SET birth_year = 1981, sex = 'male' WHERE id = ANY($1)`, [citizens]);
    await db().query(`UPDATE enrolment SET state = 'dropped_out', end_date = start_date WHERE id = ANY($1)`, [dropped]);
    const said = await call('POST', `/api/citizens/${optedOut}/consents`, { purpose: 'evaluation', event: 'refused', onDate: today(), basedOnEntry: 0 }, { as: staff.aarhus });
    expect(said.status).toBe(201);
    projectId = (await project([programmeId])).body.id;
  });

  it.each([
    ['enrolments', 'csv'],
    ['assessments', 'csv'],
    ['sessions', 'csv'],
    ['enrolments', 'xlsx'],
    ['assessments', 'xlsx'],
  ] as [ExportDataset, ExportFormat][])('%s as %s holds no CPR number, name, id, exact date, month or note, and leaves out the citizen who opted out', async (dataset, format) => {
    const [header, ...rows] = await exportCells(projectId, dataset, format);
    expect(header).toContain('person_id');
    expect(header).toContain('birth_year_band');
    expect(rows).toHaveLength(10);
    const cells = rows.flat();
    const leaks = cells.filter((cell) =>
      cprs.some((cpr) => cell.includes(cpr) || cell.includes(`${cpr.slice(0, 6)}-${cpr.slice(6)}`)) ||
      names.some((name) => cell.toLowerCase().includes(name.toLowerCase())) ||
      ids.some((id) => cell.includes(id)) ||
      /\d{4}-\d{2}-\d{2}/.test(cell) ||
      /[0-9a-f]{8}-[0-9a-f]{4}-/.test(cell) ||
      cell.includes('Fortrolig'),
    );
    expect(leaks).toEqual([]);
    // Dates are reduced to the quarter wherever a file has one; no column or cell is a month.
    expect(header?.filter((h) => h.endsWith('_month') || h === 'birth_year')).toEqual([]);
    expect(cells.filter((cell) => /^\d{4}-\d{2}$/.test(cell))).toEqual([]);
    const quarters = header?.flatMap((h, i) => (h.endsWith('_quarter') ? rows.map((r) => r[i] ?? '') : [])).filter((m) => m !== '') ?? [];
    if (dataset !== 'sessions') expect(quarters.length).toBeGreaterThan(0);
    for (const q of quarters) expect(q).toMatch(/^\d{4}-Q[1-4]$/);
  });

  it('names every column of every file once, as the codebook lists it, in Danish and English', async () => {
    const timepoint = (p: string): string[] => [`${p}_assessment_quarter`, ...['medical', 'employment', 'alcohol', 'drug', 'legal', 'family', 'psychiatric'].map((d) => `${p}_${d}`), `${p}_drug_free`];
    const [enrolmentHeader] = await exportCells(projectId, 'enrolments', 'csv');
    expect(enrolmentHeader).toEqual([
      'enrolment_id', 'person_id', 'birth_year_band', 'sex', 'municipality_code', 'programme_code', 'referral_quarter', 'start_quarter', 'end_quarter', 'state',
      'sessions_attended', 'group_meetings_present', ...['intake', 'end', 'fu3', 'fu6', 'fu9', 'fu12'].flatMap(timepoint),
    ]);
    const codebook = await exportCells(projectId, 'codebook', 'xlsx');
    expect(codebook[0]).toEqual(['dataset', 'variable', 'label_da', 'label_en', 'type', 'values', 'computation']);
    for (const dataset of ['enrolments', 'assessments', 'sessions', 'outreach'] as const) {
      const [header = []] = await exportCells(projectId, dataset, 'csv');
      expect([dataset, header.filter((h, i) => header.indexOf(h) !== i)]).toEqual([dataset, []]);
      const described = codebook.filter((r) => r[0] === dataset);
      expect(described.map((r) => r[1])).toEqual(header);
      expect(described.filter((r) => !r[2] || !r[3])).toEqual([]);
    }
  });

  it('writes the ASI composites rounded to 3 decimals, in CSV and XLSX, as the codebook says', async () => {
    // ASI_INTAKE_ITEMS worked by hand (ln 8000 = 8.98720, ln 300 = 5.70378):
    // medical 9/90 + 3/12 + 2/12 = 0.51667; employment 1 - (1/4 + 0/4 + 12/120 + ln 8000/36) = 0.40036;
    // alcohol 4/180 + 0 + 0 + 0/24 + 1/24 + ln 300/44 = 0.19352; drug (2 + 10 + 1 + 5)/390 + 2/52 + 3/52 = 0.14231;
    // legal 0; family 1/10 + 2/150 + 1/20 + 1/20 + (1/6)/5 = 0.24667 (F18..F26: six answered 0/1, one of them 1);
    // psychiatric 2/11 + 8/330 + 2/44 + 1/44 = 0.27424.
    const expected = { medical: '0.517', employment: '0.4', alcohol: '0.194', drug: '0.142', legal: '0', family: '0.247', psychiatric: '0.274' };
    const domains = Object.keys(expected);
    for (const format of ['csv', 'xlsx'] as const) {
      const [long = [], ...assessments] = await exportCells(projectId, 'assessments', format);
      expect(assessments).toHaveLength(10);
      for (const row of assessments) expect(Object.fromEntries(domains.map((d) => [d, row[long.indexOf(d)]]))).toEqual(expected);
      // Each answer in its own item column, as entered (the fixture), every other item column empty.
      const itemColumns = long.filter((h) => h.startsWith('item_'));
      expect(itemColumns.length).toBeGreaterThan(Object.keys(items).length);
      const entered = Object.fromEntries(itemColumns.map((h) => [h, h.slice('item_'.length) in items ? String(items[h.slice('item_'.length)]) : '']));
      for (const row of assessments) expect(Object.fromEntries(itemColumns.map((h) => [h, row[long.indexOf(h)] ?? '']))).toEqual(entered);
      const [wide = [], ...enrolments] = await exportCells(projectId, 'enrolments', format);
      for (const row of enrolments) expect(Object.fromEntries(domains.map((d) => [d, row[wide.indexOf(`intake_${d}`)]]))).toEqual(expected);
    }
  });

  it('gives the same pseudonyms within a project and different ones in another project', async () => {
    const column = (table: string[][], name: string): string[] => {
      const i = table[0]?.indexOf(name) ?? -1;
      return table.slice(1).map((r) => r[i] ?? '').sort();
    };
    const first = await exportCells(projectId, 'sessions', 'csv');
    const again = await exportCells(projectId, 'sessions', 'csv');
    const other = await exportCells((await project([programmeId])).body.id, 'sessions', 'csv');
    expect(column(again, 'person_id')).toEqual(column(first, 'person_id'));
    expect(column(first, 'person_id').every((p) => /^[0-9a-f]{20}$/.test(p))).toBe(true);
    expect(column(other, 'person_id').filter((p) => column(first, 'person_id').includes(p))).toEqual([]);
  });

  it('logs each run and each download in the access log with the row count', async () => {
    const started = await startExport(projectId, 'enrolments');
    const job = await finished(started.body.id);
    await download(job.id);
    const { rows } = await db().query<{ criterion: string }>(`SELECT criterion FROM access_log WHERE action = 'export' AND record_id = $1 ORDER BY seq`, [job.id]);
    expect(rows.map((r) => r.criterion)).toEqual([
      expect.stringMatching(/^run: dataset=enrolments format=csv rows=10 .* k=5 l=2 generalisation=birth-year-5y,months-to-quarters suppressed=5 withheld=0$/),
      expect.stringMatching(/^download: .* rows=10 /),
    ]);
    expect(job.disclosure).toEqual({ k: 5, l: 2, generalisation: ['birth-year-5y', 'months-to-quarters'], suppressedValues: 5, withheldRows: 0 });
  });

  it('records when the file was finished, not when its writing began', async () => {
    // The owner holds back every chunk's INSERT (a SHARE lock on their table): the job's writing
    // transaction begins, then waits for the lock. Once the owner sees it waiting, and a moment more,
    // the lock goes; the job can only finish after that moment, by the database's own clock.
    const owner = await db().connect();
    let released: Date | undefined;
    try {
      await owner.query('BEGIN');
      await owner.query('LOCK TABLE export_file_chunk IN SHARE MODE');
      const started = await startExport(projectId, 'enrolments');
      await someoneWaitsFor('export_file_chunk', 'export_chunk_append');
      await new Promise((r) => setTimeout(r, 300));
      released = (await owner.query<{ at: Date }>('SELECT clock_timestamp() AS at')).rows[0]?.at;
      await owner.query('COMMIT');
      const job = await finished(started.body.id);
      expect(job.status).toBe('done');
      const { rows } = await db().query<{ started_at: Date; finished_at: Date; expires_at: Date }>('SELECT started_at, finished_at, expires_at FROM export_job WHERE id = $1', [job.id]);
      const times = rows[0];
      expect(released).toBeInstanceOf(Date);
      // pg gives milliseconds: a finish within the released millisecond is equal; the old code's was 300 ms and more before it.
      expect(times?.finished_at.getTime()).toBeGreaterThanOrEqual(released?.getTime() ?? Infinity);
      expect(new Date(job.finishedAt ?? 0).getTime()).toBe(times?.finished_at.getTime());
      // Kept for the retention's hours from the finish (EXPORT_RETENTION_HOURS, 24 by default), not from the start.
      expect((times?.expires_at.getTime() ?? 0) - (times?.finished_at.getTime() ?? 0)).toBe(24 * 3600_000);
    } finally {
      await owner.query('ROLLBACK').catch(() => undefined);
      owner.release();
    }
  });

  it('answers 409 before the file is ready and 410 once it has expired', async () => {
    const started = await startExport(projectId, 'codebook');
    const early = await download(started.body.id);
    if (early.status !== 200) expect(early.status).toBe(409);
    const job = await finished(started.body.id);
    await db().query(`UPDATE export_job SET expires_at = now() - interval '1 second' WHERE id = $1`, [job.id]);
    expect((await download(job.id)).status).toBe(410);
    await db().query('SELECT purge_expired_exports()');
    expect((await db().query('SELECT 1 FROM export_file_chunk WHERE job_id = $1', [job.id])).rowCount).toBe(0);
    expect((await call<ExportJob>('GET', `/api/export-jobs/${job.id}`, undefined, { as: EVALUATOR })).body.status).toBe('expired');
  });

  it('includes the codebook: every variable with Danish and English labels', async () => {
    const [header, ...rows] = await exportCells(projectId, 'codebook', 'csv');
    expect(header).toEqual(['dataset', 'variable', 'label_da', 'label_en', 'type', 'values', 'computation']);
    const enrolmentVariables = rows.filter((r) => r[0] === 'enrolments').map((r) => r[1]);
    const [enrolmentHeader] = await exportCells(projectId, 'enrolments', 'csv');
    expect(enrolmentVariables).toEqual(enrolmentHeader);
  });
});

/** Resident set size of the API process, in MiB (Linux /proc). */
function apiRssMiB(): number {
  const status = readFileSync(`/proc/${process.env['API_PID']}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
}

describe('a 100,000-row export', () => {
  const ROWS = 100_000;
  let programmeId: string;
  let projectId: string;
  let doneJob: ExportJob | undefined;

  beforeAll(async () => {
    // Written straight into the database (as its owner): 100,000 citizens through the API would
    // take too long here. They live in a municipality of their own, granted to the evaluator, so
    // that no other spec's lists meet their placeholder names (not real ciphertext).
    const owner = db();
    const [free] = (await owner.query<{ code: string }>(
      `SELECT lpad(x::text, 3, '0') AS code FROM generate_series(900, 999) x
       WHERE NOT EXISTS (SELECT 1 FROM municipality WHERE code = lpad(x::text, 3, '0')) LIMIT 1`,
    )).rows;
    const town = (await owner.query<{ id: string }>(`INSERT INTO municipality (code, name) VALUES ($1, 'Eksportby') RETURNING id`, [free?.code])).rows[0]?.id as string;
    const centre = (await owner.query<{ id: string }>(`INSERT INTO centre (municipality_id, name) VALUES ($1, 'Eksportcentret') RETURNING id`, [town])).rows[0]?.id;
    // The town's own local programme: a record names a national programme or one of its own municipality.
    const code = `EX${randomUUID().slice(0, 6).toUpperCase()}`;
    programmeId = (await owner.query<{ id: string }>(
      `INSERT INTO programme (municipality_id, code, name, format, expected_sessions, follow_up_months) VALUES ($1, $2, $3, 'individual', 12, '{6}') RETURNING id`,
      [town, code, `Eksport ${code}`],
    )).rows[0]?.id as string;
    // The town's grant to the evaluator, as its admin would make it (written as the owner). A grant is
    // made by a user of the data owner (its key): the town gets an admin, who never signs in.
    const townAdmin = (await owner.query<{ id: string }>(
      `INSERT INTO app_user (municipality_id, email, display_name, role, password_hash, active) VALUES ($1, $2, 'Eksportbys admin', 'admin', 'x', false) RETURNING id`,
      [town, `admin-${free?.code}-${Date.now()}@eksportby.test`],
    )).rows[0]?.id;
    await owner.query(
      `INSERT INTO evaluator_grant (evaluator_user_id, evaluator_email, evaluator_municipality_id, municipality_id, granted_by_user_id, purpose, valid_from, valid_until)
       SELECT id, email, municipality_id, $1, $3, 'Ydelsesprøve af udtræk', current_date - 1, current_date + 1 FROM app_user WHERE email = $2`,
      [town, EVALUATOR, townAdmin],
    );
    await owner.query(
      `WITH c AS (
         INSERT INTO citizen (municipality_id, first_name_encrypted, last_name_encrypted, birth_year, sex)
         SELECT $1, 'x', 'x', 1960 + g % 40, CASE WHEN g % 2 = 0 THEN 'male' ELSE 'female' END FROM generate_series(1, $3) g
         RETURNING id)
       INSERT INTO enrolment (municipality_id, citizen_id, programme_id, centre_id, referral_date, start_date, state)
       SELECT $1, c.id, $2, $4, DATE '2026-01-15', DATE '2026-02-01', CASE WHEN g % 3 = 0 THEN 'dropped_out' ELSE 'active' END
       FROM (SELECT id, row_number() OVER () AS g FROM c) c`,
      [town, programmeId, ROWS, centre],
    );
    // A bulk load is followed by ANALYZE, as an operator's import would be: with the statistics of
    // the few rows before it, the planner joined each enrolment to a sequential scan of 100,000
    // citizens (10 s a batch of 500), whenever autovacuum had not analysed the tables in time.
    await owner.query('ANALYZE citizen');
    await owner.query('ANALYZE enrolment');
    projectId = (await project([programmeId], { municipalityIds: [town] })).body.id;
  }, 120_000);

  it('streams: the API’s memory stays flat while it writes and serves the file', async () => {
    const before = apiRssMiB();
    const samples: { progress: number; rss: number }[] = [];
    const started = await startExport(projectId, 'enrolments');
    expect(started.status).toBe(201);
    // A second request while it runs gets the running job, not a duplicate.
    const second = await startExport(projectId, 'sessions');
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(started.body.id);
    let job: ExportJob = started.body;
    while (job.status !== 'done' && job.status !== 'failed') {
      await new Promise((r) => setTimeout(r, 100));
      job = (await call<ExportJob>('GET', `/api/export-jobs/${job.id}`, undefined, { as: EVALUATOR })).body;
      samples.push({ progress: job.progress, rss: apiRssMiB() });
    }
    // Every (band, sex) holds thousands with two states: disclosure control changes nothing here.
    expect(job).toMatchObject({ status: 'done', rowCount: ROWS, progress: 100, disclosure: { suppressedValues: 0, withheldRows: 0 } });
    let serving = apiRssMiB();
    const sampler = setInterval(() => (serving = Math.max(serving, apiRssMiB())), 50);
    const file = await download(job.id).finally(() => clearInterval(sampler));
    expect(file.body.length).toBe(job.byteSize);
    expect(file.body.toString('utf8').trim().split('\n')).toHaveLength(ROWS + 1);
    doneJob = job;

    const peak = (from: number, to: number): number => Math.max(before, ...samples.filter((x) => x.progress >= from && x.progress <= to).map((x) => x.rss));
    const firstHalf = peak(0, 50);
    const whole = peak(0, 100);
    console.log(
      `100,000-row export: ${((job.byteSize ?? 0) / 2 ** 20).toFixed(1)} MiB file, ${samples.length} samples; API RSS before ${before.toFixed(0)} MiB, ` +
        `peak by 50 % ${firstHalf.toFixed(0)} MiB, peak writing ${whole.toFixed(0)} MiB, peak serving ${serving.toFixed(0)} MiB`,
    );
    // Holding the rows would take well over 200 MiB (100,000 objects of 56 fields); streaming stays
    // within V8's working heap, which grows lazily before it collects: measured here +50-130 MiB,
    // the same for 400,000 rows (docs/performance.md), and +170 MiB in one of three fresh-clone runs
    // on 2026-12-05 (the heap's lazy growth, not rows held: the file is 100,000 rows either way).
    // 190 keeps the line below what holding the rows takes. The progress bar must have moved meanwhile.
    expect(samples.filter((x) => x.progress > 0 && x.progress < 100).length).toBeGreaterThan(2);
    expect(Math.max(whole, serving) - before).toBeLessThan(190);
  }, 360_000);

  it('a client that leaves a download half-way costs nothing lasting: twelve such, in turns (more than the pool’s ten connections), leave the API answering and the file whole', async () => {
    const job = doneJob;
    if (!job) throw new Error('the streaming test above made no file');
    const token = await tokenFor(EVALUATOR);
    const leaveHalfway = (): Promise<number> =>
      new Promise((resolve, reject) => {
        let received = 0;
        const req = httpGet(`${baseUrl()}/api/export-jobs/${job.id}/download`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
          if (res.statusCode !== 200) {
            res.resume();
            reject(new Error(`the download answered ${res.statusCode}`));
            return;
          }
          res.on('data', (chunk: Buffer) => {
            received += chunk.length;
            // Gone after the first megabyte: the API is in the middle of its COPY.
            if (received > 2 ** 20) {
              req.destroy();
              resolve(received);
            }
          });
          res.on('end', () => reject(new Error('the whole file came before the client left')));
        });
        req.on('error', (error) => (received > 2 ** 20 ? undefined : reject(error)));
      });
    // Three rounds of four: a download holds two connections for a moment (its own transaction and
    // the one that logs it first), so more than five at once can wait on each other for the pool.
    const cut: number[] = [];
    for (let round = 0; round < 3; round++) cut.push(...(await Promise.all(Array.from({ length: 4 }, leaveHalfway))));
    expect(cut).toHaveLength(12);
    expect(cut.every((n) => n < (job.byteSize ?? 0))).toBe(true);
    // Every connection is usable again: a list and then the whole file, byte for byte as long as the job says.
    expect((await call('GET', listPath('export-jobs'), undefined, { as: EVALUATOR })).status).toBe(200);
    const again = await download(job.id);
    expect(again.status).toBe(200);
    expect(again.body.length).toBe(job.byteSize);
    expect(again.body.toString('utf8').trim().split('\n')).toHaveLength(ROWS + 1);
  }, 240_000);

  it('a client that leaves before the first byte (a double click, a cancelled download) leaves no transaction open', async () => {
    const job = doneJob;
    if (!job) throw new Error('the streaming test above made no file');
    const token = await tokenFor(EVALUATOR);
    const { hostname, port } = new URL(baseUrl());
    // Raw sockets closed a few milliseconds after the request: while the API looks the job up and
    // logs the download, before it writes anything. Fifteen, in five rounds at different moments
    // (more than the pool's ten connections, had each kept one).
    for (const afterMs of [2, 5, 10, 20, 30]) {
      await Promise.all(
        Array.from({ length: 3 }, () =>
          new Promise<void>((resolve) => {
            const socket = connect(Number(port), hostname, () => {
              socket.write(`GET /api/export-jobs/${job.id}/download HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${token}\r\n\r\n`);
              setTimeout(() => {
                socket.destroy();
                resolve();
              }, afterMs);
            });
            socket.on('error', () => resolve());
          }),
        ),
      );
    }
    // Read by the database's owner: no connection of the API's role stays in a transaction (a
    // leaked download showed as "idle in transaction" on its COPY, for good).
    const open = async (): Promise<string[]> =>
      (await db().query<{ query: string }>(
        `SELECT query FROM pg_stat_activity WHERE usename = 'outcomes_app' AND state = 'idle in transaction' AND query LIKE 'COPY (SELECT data FROM export_file_chunk%'`,
      )).rows.map((r) => r.query);
    let left = await open();
    for (let i = 0; i < 40 && left.length > 0; i++) {
      await new Promise((r) => setTimeout(r, 250));
      left = await open();
    }
    expect(left).toEqual([]);
    const again = await download(job.id);
    expect(again.status).toBe(200);
    expect(again.body.length).toBe(job.byteSize);
  }, 120_000);
});

describe('export jobs list', () => {
  it('lists only the evaluator’s own jobs, filtered by project', async () => {
    const mine = await project([DEMO_IDS.programmes.move]);
    const started = await startExport(mine.body.id, 'codebook');
    await finished(started.body.id);
    const list = await call<ExportJob[]>('GET', listPath('export-jobs', { filter: { projectId: mine.body.id } }), undefined, { as: EVALUATOR });
    expect(list.status).toBe(200);
    expect(list.body.map((j) => j.id)).toEqual([started.body.id]);
    expect(list.body[0]).toMatchObject({ dataset: 'codebook', format: 'csv', status: 'done', fileName: expect.stringMatching(/^codebook-\d{4}-\d{2}-\d{2}\.csv$/) });
  });
});
