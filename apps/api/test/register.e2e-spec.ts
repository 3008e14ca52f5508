import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiErrorBody, Enrolment, RegisterEndStatus, RegisterReadiness } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { createCitizen, freshCpr, staff } from './support/fixtures';
import type { Town } from './support/fixtures';
import { call, closeDb, db } from './support/http';
import { daysFromToday, today } from './support/dates';

afterAll(closeDb);

/**
 * The national register (issue 21; docs/register.md): the end status from its code list on the
 * transition that ends a course, the readiness page's list of what each course lacks, and the monthly
 * extract of the month's events against the field list docs/register.md documents. Courses are built
 * by hand as rows (the owner's connection) where the test is about what the register sees in them,
 * with citizens made through the API so that their CPR numbers are the test's own.
 */

const CENTRE: Record<Town, string> = { aarhus: DEMO_IDS.centres.aarhusCentrum, odense: DEMO_IDS.centres.odenseSyd };
const STAFF_USER: Record<Town, string> = { aarhus: DEMO_IDS.users.aarhus.staff, odense: DEMO_IDS.users.odense.staff };

/** The code list as docs/register.md writes it, by hand. */
const CODES = ['drug_free', 'reduced', 'stabilised', 'unchanged', 'increased', 'dropped_out', 'transferred', 'moved', 'imprisoned', 'deceased', 'unknown'];

interface CourseInput {
  requestedOn?: string | null;
  referralDate: string;
  startDate?: string | null;
  endDate?: string | null;
  state: string;
  endStatus?: string | null;
  programme?: keyof typeof DEMO_IDS.programmes;
  courseKind?: 'sel-101' | 'sel-101a';
}

/** A course as rows: its request (when it has a date) and its enrolment, linked. */
async function course(town: Town, citizenId: string, input: CourseInput): Promise<string> {
  const municipalityId = DEMO_IDS.municipalities[town];
  let requestId: string | null = null;
  if (input.requestedOn) {
    const req = await db().query<{ id: string }>(
      `INSERT INTO case_request (municipality_id, citizen_id, requested_on, channel, status, joined_requests, created_by_user_id)
       VALUES ($1, $2, $3, 'phone', 'open', '[]', $4) RETURNING id`,
      [municipalityId, citizenId, input.requestedOn, STAFF_USER[town]],
    );
    requestId = req.rows[0]?.id ?? null;
  }
  const res = await db().query<{ id: string }>(
    `INSERT INTO enrolment (municipality_id, citizen_id, programme_id, centre_id, staff_user_id, referral_date, start_date, end_date, state, end_status, case_request_id, course_kind)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [municipalityId, citizenId, DEMO_IDS.programmes[input.programme ?? 'icm'], CENTRE[town], STAFF_USER[town], input.referralDate, input.startDate ?? null, input.endDate ?? null, input.state, input.endStatus ?? null, requestId, input.courseKind ?? 'sel-101'],
  );
  return res.rows[0]?.id as string;
}

/** An active enrolment through the API (so the transition tests move a real one). */
async function activeEnrolment(): Promise<Enrolment> {
  const citizen = await createCitizen('aarhus');
  const referred = await call<Enrolment>('POST', '/api/enrolments', { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.icm, centreId: CENTRE.aarhus, referralDate: daysFromToday(-20) }, { as: staff.aarhus });
  const active = await call<Enrolment>('POST', `/api/enrolments/${referred.body.id}/transitions`, { to: 'active', date: daysFromToday(-10), version: referred.body.version }, { as: staff.aarhus });
  if (active.status !== 200) throw new Error(`fixture start answered ${active.status}: ${JSON.stringify(active.body)}`);
  return active.body;
}

const end = (e: Enrolment, body: Record<string, unknown>) =>
  call<Enrolment & ApiErrorBody>('POST', `/api/enrolments/${e.id}/transitions`, { date: today(), version: e.version, ...body }, { as: staff.aarhus });

async function stored(id: string): Promise<{ state: string; end_status: string | null; end_reason: string | null; end_date: string | null; transitions: number }> {
  const row = (await db().query(`SELECT state, end_status, end_reason, to_char(end_date, 'YYYY-MM-DD') AS end_date FROM enrolment WHERE id = $1`, [id])).rows[0];
  const transitions = Number((await db().query(`SELECT count(*) AS n FROM enrolment_transition WHERE enrolment_id = $1`, [id])).rows[0].n);
  return { ...row, transitions };
}

describe('the end status, from the register\'s code list', () => {
  it('lists the code list with Danish and English labels and the published group, to every signed-in user', async () => {
    const list = await call<RegisterEndStatus[]>('GET', '/api/register/end-statuses', undefined, { as: staff.aarhus });
    expect(list.status).toBe(200);
    expect(list.body.map((s) => s.code)).toEqual(CODES);
    expect(list.body[0]).toEqual({ code: 'drug_free', labelDa: 'Stoffri', labelEn: 'Drug-free', publishedGroup: 'drug_free' });
    expect(list.body.filter((s) => s.publishedGroup === 'reduced_or_stabilised').map((s) => s.code)).toEqual(['reduced', 'stabilised']);
    expect((await call('GET', '/api/register/end-statuses', undefined, { as: 'admin@aarhus.demo' })).status).toBe(200);
  });

  it('refuses an end without an end status, 400 naming endStatus and the rule, writing nothing', async () => {
    const e = await activeEnrolment();
    for (const to of ['completed', 'dropped_out', 'transferred']) {
      const sut = await end(e, { to, reason: 'Afsluttet' });
      expect(sut.status).toBe(400);
      expect(Object.keys(sut.body.errors ?? {})).toEqual(['endStatus']);
      expect(sut.body.errors?.['endStatus']).toBe(`endStatus is required when a course ends (the register's status at the end): one of ${CODES.join(', ')}`);
    }
    expect(await stored(e.id)).toEqual({ state: 'active', end_status: null, end_reason: null, end_date: null, transitions: 2 });
  });

  it('refuses a code outside the list, 400 naming endStatus, writing nothing', async () => {
    const e = await activeEnrolment();
    const sut = await end(e, { to: 'completed', endStatus: 'clean' });
    expect(sut.status).toBe(400);
    expect(sut.body.errors).toEqual({ endStatus: `endStatus must be one of ${CODES.join(', ')}` });
    expect(await stored(e.id)).toEqual({ state: 'active', end_status: null, end_reason: null, end_date: null, transitions: 2 });
  });

  it('refuses an end before the start (400 naming date) and an end status on a start', async () => {
    const e = await activeEnrolment();
    const early = await end(e, { to: 'completed', endStatus: 'drug_free', date: daysFromToday(-11) });
    expect(early.status).toBe(400);
    expect(early.body.errors).toEqual({ date: `date must not be before ${daysFromToday(-10)}` });
    const citizen = await createCitizen('aarhus');
    const referred = await call<Enrolment>('POST', '/api/enrolments', { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.icm, centreId: CENTRE.aarhus, referralDate: today() }, { as: staff.aarhus });
    const start = await end(referred.body, { to: 'active', endStatus: 'drug_free' });
    expect(start.status).toBe(400);
    expect(start.body.errors).toEqual({ endStatus: 'endStatus is given only when a started course ends (completed, dropped_out, transferred), not when it becomes active' });
    expect(await stored(e.id)).toMatchObject({ state: 'active', end_status: null, transitions: 2 });
  });

  it('stores a valid end status with the free-text note beside it; a cancelled referral takes none', async () => {
    const e = await activeEnrolment();
    const sut = await end(e, { to: 'completed', endStatus: 'stabilised', reason: 'Stabilt forbrug, aftalt afslutning' });
    expect(sut.status).toBe(200);
    expect(sut.body).toMatchObject({ state: 'completed', endStatus: 'stabilised', endReason: 'Stabilt forbrug, aftalt afslutning', endDate: today() });
    expect(await stored(e.id)).toEqual({ state: 'completed', end_status: 'stabilised', end_reason: 'Stabilt forbrug, aftalt afslutning', end_date: today(), transitions: 3 });

    const citizen = await createCitizen('aarhus');
    const referred = await call<Enrolment>('POST', '/api/enrolments', { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.icm, centreId: CENTRE.aarhus, referralDate: today() }, { as: staff.aarhus });
    const cancelled = await end(referred.body, { to: 'cancelled', reason: 'Borgeren takkede nej' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ state: 'cancelled', endStatus: null });
  });
});

describe('readiness', () => {
  it('lists each incomplete course with exactly what it lacks, the left-out ones with why, and nothing of another municipality', async () => {
    const ids = {
      a: (await createCitizen('aarhus')).id,
      b: (await createCitizen('aarhus')).id,
      c: (await createCitizen('aarhus')).id,
      replacement: (await createCitizen('aarhus', { cpr: '6903614281' })).id,
      anonymous: (await createCitizen('aarhus', { cpr: null })).id,
      anonymousKind: (await createCitizen('aarhus', { cpr: null })).id,
      cancelled: (await createCitizen('aarhus')).id,
      odense: (await createCitizen('odense')).id,
    };
    // Ended before the code list: no request and no end status.
    const a = await course('aarhus', ids.a, { referralDate: '2025-03-03', startDate: '2025-03-10', endDate: '2025-06-02', state: 'completed' });
    // Started before its request, ended before its start.
    const b = await course('aarhus', ids.b, { requestedOn: '2025-04-10', referralDate: '2025-04-10', startDate: '2025-04-07', endDate: '2025-04-01', state: 'dropped_out', endStatus: 'dropped_out' });
    // Complete: not listed.
    const c = await course('aarhus', ids.c, { requestedOn: '2025-04-10', referralDate: '2025-04-10', startDate: '2025-04-14', endDate: '2025-07-01', state: 'completed', endStatus: 'drug_free' });
    const replacement = await course('aarhus', ids.replacement, { referralDate: '2025-05-05', startDate: '2025-05-06', state: 'active' });
    const anonymous = await course('aarhus', ids.anonymous, { referralDate: '2025-05-05', startDate: '2025-05-06', state: 'active' });
    const anonymousKind = await course('aarhus', ids.anonymousKind, { referralDate: '2025-05-05', startDate: '2025-05-06', state: 'active', courseKind: 'sel-101a' });
    const cancelled = await course('aarhus', ids.cancelled, { referralDate: '2025-05-05', endDate: '2025-05-07', state: 'cancelled' });
    const odense = await course('odense', ids.odense, { referralDate: '2025-03-03', startDate: '2025-03-10', endDate: '2025-06-02', state: 'completed' });

    const before = Number((await db().query(`SELECT max(seq) AS s FROM access_log`)).rows[0].s);
    const sut = await call<RegisterReadiness>('GET', '/api/register/readiness', undefined, { as: staff.aarhus });
    expect(sut.status).toBe(200);
    const incomplete = new Map(sut.body.incomplete.map((r) => [r.enrolmentId, r]));
    expect(incomplete.get(a)).toEqual({ enrolmentId: a, citizenId: ids.a, programmeId: DEMO_IDS.programmes.icm, centreId: CENTRE.aarhus, state: 'completed', requestedOn: null, startDate: '2025-03-10', endDate: '2025-06-02', endStatus: null, missing: ['no-request-date', 'no-end-status'] });
    expect(incomplete.get(b)?.missing).toEqual(['start-before-request', 'end-before-start']);
    expect(incomplete.get(b)?.requestedOn).toBe('2025-04-10');
    for (const absent of [c, replacement, anonymous, cancelled, odense]) expect(incomplete.has(absent)).toBe(false);
    const leftOut = new Map(sut.body.leftOut.map((r) => [r.enrolmentId, r]));
    expect(leftOut.get(replacement)).toEqual({ enrolmentId: replacement, citizenId: ids.replacement, programmeId: DEMO_IDS.programmes.icm, state: 'active', reason: 'replacement-cpr' });
    expect(leftOut.get(anonymous)).toEqual({ enrolmentId: anonymous, citizenId: ids.anonymous, programmeId: DEMO_IDS.programmes.icm, state: 'active', reason: 'no-cpr' });
    expect(leftOut.get(anonymousKind)).toEqual({ enrolmentId: anonymousKind, citizenId: ids.anonymousKind, programmeId: DEMO_IDS.programmes.icm, state: 'active', reason: 'anonymous' });
    expect(incomplete.has(anonymousKind)).toBe(false);
    for (const absent of [a, b, c, cancelled, odense]) expect(leftOut.has(absent)).toBe(false);
    expect(sut.body.municipalityId).toBe(DEMO_IDS.municipalities.aarhus);
    expect(sut.body.ready).toBe(sut.body.courses - sut.body.incomplete.length);

    // The read is in the access log with every citizen it named.
    const logged = (await db().query(`SELECT action, resource, citizen_ids FROM access_log WHERE seq > $1 AND resource = 'register'`, [before])).rows;
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ action: 'search', resource: 'register' });
    expect(logged[0].citizen_ids).toEqual(expect.arrayContaining([ids.a, ids.b, ids.replacement, ids.anonymous]));
    expect(logged[0].citizen_ids).not.toContain(ids.odense);

    // Odense's staff see Odense's course, not Aarhus's.
    const other = await call<RegisterReadiness>('GET', '/api/register/readiness', undefined, { as: staff.odense });
    expect(other.body.incomplete.map((r) => r.enrolmentId)).toContain(odense);
    expect(other.body.incomplete.map((r) => r.enrolmentId)).not.toContain(a);
  });

  it('is not the admin\'s nor the evaluator\'s', async () => {
    expect((await call('GET', '/api/register/readiness', undefined, { as: 'admin@aarhus.demo' })).status).toBe(403);
    expect((await call('GET', '/api/register/readiness', undefined, { as: 'evaluator@aarhus.demo' })).status).toBe(403);
    expect((await call('GET', '/api/register/extracts/2024-02', undefined, { as: 'admin@aarhus.demo' })).status).toBe(403);
  });
});

// -------------------------------------------------------------------------------------------------
// The extract against docs/register.md's field list

interface DocumentedField {
  field: string;
  format: string;
}

/** The field table of docs/register.md ("| field | meaning | format | source |"), read as the reader reads it. */
function documentedFields(): DocumentedField[] {
  const text = readFileSync(join(__dirname, '../../../docs/register.md'), 'utf8');
  const lines = text.split('\n');
  const header = lines.findIndex((l) => /^\| field \| meaning \| format \| source \|$/.test(l.trim()));
  if (header < 0) throw new Error('docs/register.md has no field table');
  const rows: DocumentedField[] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    rows.push({ field: cells[0] as string, format: cells[2] as string });
  }
  return rows;
}

/** Whether a value fits a documented format (the formats the table uses, each written out here). */
function fits(format: string, value: string): boolean {
  const optional = / or empty$/.test(format);
  const base = format.replace(/ or empty$/, '');
  if (value === '') return optional;
  const oneOf = /^one of: (.+)$/.exec(base);
  if (oneOf) return (oneOf[1] as string).split(', ').includes(value);
  switch (base) {
    case 'date DD.MM.YYYY':
      return /^\d{2}\.\d{2}\.\d{4}$/.test(value);
    case 'UUID':
      return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);
    case '10 digits':
      return /^\d{10}$/.test(value);
    case '3 digits':
      return /^\d{3}$/.test(value);
    case 'text':
      return value.trim() !== '';
    case 'code':
      return /^[a-z_]+$/.test(value);
    default:
      throw new Error(`docs/register.md names a format the test does not know: ${format}`);
  }
}

/** A `;`-separated file with CRLF line ends and "-quoting where needed. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

describe('the monthly extract', () => {
  it('holds exactly the month\'s events, as the documented field list says, without replacement or no-CPR citizens or another municipality', async () => {
    const cpr = { x: freshCpr(), y: freshCpr(), z: freshCpr(), odense: freshCpr() };
    const ids = {
      x: (await createCitizen('aarhus', { cpr: cpr.x })).id,
      y: (await createCitizen('aarhus', { cpr: cpr.y })).id,
      z: (await createCitizen('aarhus', { cpr: cpr.z })).id,
      replacement: (await createCitizen('aarhus', { cpr: '6802614283' })).id,
      anonymous: (await createCitizen('aarhus', { cpr: null })).id,
      anonymousKind: (await createCitizen('aarhus', { cpr: null })).id,
      odense: (await createCitizen('odense', { cpr: cpr.odense })).id,
    };
    // February 2016 (a leap year): events on 31.1 and 1.3 are outside it, 1.2 and 29.2 inside.
    const x = await course('aarhus', ids.x, { requestedOn: '2016-01-31', referralDate: '2016-01-31', startDate: '2016-02-01', endDate: '2016-02-29', state: 'completed', endStatus: 'drug_free' });
    const y = await course('aarhus', ids.y, { requestedOn: '2016-02-29', referralDate: '2016-02-29', startDate: '2016-03-01', state: 'active' });
    const z = await course('aarhus', ids.z, { requestedOn: '2016-01-15', referralDate: '2016-01-15', startDate: '2016-01-20', endDate: '2016-03-01', state: 'dropped_out', endStatus: 'dropped_out' });
    await course('aarhus', ids.replacement, { requestedOn: '2016-02-10', referralDate: '2016-02-10', startDate: '2016-02-12', state: 'active' });
    await course('aarhus', ids.anonymous, { referralDate: '2016-02-10', startDate: '2016-02-12', state: 'active' });
    await course('odense', ids.odense, { requestedOn: '2016-02-10', referralDate: '2016-02-10', startDate: '2016-02-12', state: 'active' });

    const before = Number((await db().query(`SELECT max(seq) AS s FROM access_log`)).rows[0].s);
    const res = await call<string>('GET', '/api/register/extracts/2016-02', undefined, { as: staff.aarhus });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="stofmisbrugsdatabasen-2016-02.csv"');
    const [header, ...rows] = parseCsv(res.body);

    // The header is the documented field list, in order; every value fits its documented format.
    const fields = documentedFields();
    expect(fields.length).toBe(14);
    expect(header).toEqual(fields.map((f) => f.field));
    for (const row of rows) {
      expect(row).toHaveLength(fields.length);
      fields.forEach((f, i) => {
        if (!fits(f.format, row[i] as string)) throw new Error(`${f.field} = "${row[i]}" does not fit "${f.format}"`);
      });
    }

    // Only the month's events, whoever's.
    const at = (row: string[], field: string) => row[(header as string[]).indexOf(field)] as string;
    for (const row of rows) expect(at(row, 'haendelsesdato')).toMatch(/^\d{2}\.02\.2016$/);
    expect(rows.every((r) => at(r, 'kommunekode') === '751')).toBe(true);

    // This test's courses: exactly these rows, written out by hand.
    const sex = (c: string) => (Number(c.slice(-1)) % 2 === 1 ? 'M' : 'K');
    const centre = CENTRE.aarhus;
    const mine = rows.filter((r) => [x, y, z].includes(at(r, 'forloeb_id')));
    expect(mine).toEqual([
      ['start', '01.02.2016', x, cpr.x, sex(cpr.x), '751', '31.01.2016', '01.02.2016', centre, 'Rusmiddelcenter Aarhus, Centrum', 'ICM', '29.02.2016', 'drug_free', 'drug_free'],
      ['henvendelse', '29.02.2016', y, cpr.y, sex(cpr.y), '751', '29.02.2016', '01.03.2016', centre, 'Rusmiddelcenter Aarhus, Centrum', 'ICM', '', '', ''],
      ['afslutning', '29.02.2016', x, cpr.x, sex(cpr.x), '751', '31.01.2016', '01.02.2016', centre, 'Rusmiddelcenter Aarhus, Centrum', 'ICM', '29.02.2016', 'drug_free', 'drug_free'],
    ]);
    // No replacement number, no citizen without one, nobody of Odense.
    const cprs = new Set(rows.map((r) => at(r, 'cpr')));
    expect(cprs.has('6802614283')).toBe(false);
    expect(cprs.has(cpr.odense)).toBe(false);
    expect(rows.every((r) => at(r, 'cpr') !== '')).toBe(true);

    // One access-log row, in the request's transaction, naming every citizen in the file.
    const logged = (await db().query(`SELECT action, resource, citizen_id, citizen_ids, criterion, outcome FROM access_log WHERE seq > $1 AND resource = 'register'`, [before])).rows;
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ action: 'export', resource: 'register', citizen_id: null, outcome: 'ok' });
    expect(JSON.parse(logged[0].criterion)).toEqual({ document: 'register-extract', month: '2016-02', rows: rows.length });
    expect(logged[0].citizen_ids).toEqual(expect.arrayContaining([ids.x, ids.y]));
    expect(logged[0].citizen_ids).toHaveLength(cprs.size);
    for (const absent of [ids.z, ids.replacement, ids.anonymous, ids.odense]) expect(logged[0].citizen_ids).not.toContain(absent);
  });

  it('refuses a month that is no month, or one still to come, 400 naming month', async () => {
    const bad = await call<ApiErrorBody>('GET', '/api/register/extracts/2024-13', undefined, { as: staff.aarhus });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual({ month: 'month must be a month YYYY-MM' });
    const next = daysFromToday(40).slice(0, 7);
    const future = await call<ApiErrorBody>('GET', `/api/register/extracts/${next}`, undefined, { as: staff.aarhus });
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual({ month: `month must not be after the current month (${today().slice(0, 7)})` });
  });
});
