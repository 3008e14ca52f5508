import { randomUUID } from 'node:crypto';
import type { Citizen } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import ExcelJS from 'exceljs';
import { activeEnrolment, admins, ASI_INTAKE_ITEMS, bornInThe1960s, createCitizen, createUser, staff } from './support/fixtures';
import { call, closeDb, db, tokenFor } from './support/http';
import { apiCrypto } from './support/rows';
import { csv, declaredUpload, dryRun, results, runImport, settled, upload } from './support/imports';
import { daysFromToday } from './support/dates';
import { someoneWaitsFor } from './support/locks';

afterAll(closeDb);

const CITIZEN_HEADER = ['CPR-nummer', 'Fornavn', 'Efternavn', 'Telefon'];
const CITIZEN_MAPPING = { 'CPR-nummer': 'cpr', Fornavn: 'firstName', Efternavn: 'lastName', Telefon: 'phone' };
const CENTRE = 'Rusmiddelcenter Aarhus, Centrum';
const DEMO_CENTRE = DEMO_IDS.centres.aarhusCentrum;

/** The citizens of the municipality holding this CPR number, read from the database by its keyed hash (the key from the run's environment). */
async function citizensWithCpr(cpr: string): Promise<string[]> {
  const hash = apiCrypto().blindIndex('cpr', cpr.replace('-', ''));
  return (await db().query<{ id: string }>('SELECT id FROM citizen WHERE cpr_hash = $1 ORDER BY id', [hash])).rows.map((r) => r.id);
}

const cprOf = async (citizenId: string): Promise<string> => (await call<Citizen>('GET', `/api/citizens/${citizenId}`, undefined, { as: staff.aarhus })).body.cpr as string;

describe('an import of citizens', () => {
  it('does in the import what its dry run said, row by row; a CPR number already registered updates that citizen, never a second one', async () => {
    const existing = await createCitizen('aarhus', { phone: '+45 11 11 11 11' });
    const existingCpr = await cprOf(existing.id);
    const [a, b] = [bornInThe1960s(), bornInThe1960s()];
    const tag = randomUUID().slice(0, 6);
    const file = csv([CITIZEN_HEADER, [a, 'Anna', `Import ${tag}`, ''], [b, 'Bo', `Import ${tag}`, '+45 22 22 22 22'], [existingCpr, existing.firstName, existing.lastName, '+45 33 33 33 33']]);
    const uploaded = await upload('citizens', file);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ kind: 'citizens', format: 'csv', status: 'uploaded', rowCount: 3, columns: CITIZEN_HEADER });
    // Headers named as the fields' Danish labels are mapped by themselves.
    expect(uploaded.body.mapping).toEqual(CITIZEN_MAPPING);

    const checked = await dryRun(uploaded.body.id, CITIZEN_MAPPING);
    expect(checked).toMatchObject({ status: 'checked', phase: 'dry-run', progress: 100, created: 2, updated: 1, failed: 0 });
    const planned = await results(uploaded.body.id);
    expect(planned.map((r) => [r.row, r.action, r.recordId])).toEqual([[2, 'create', null], [3, 'create', null], [4, 'update', null]]);
    // The dry run wrote nothing.
    expect(await citizensWithCpr(a)).toEqual([]);
    expect((await call<Citizen>('GET', `/api/citizens/${existing.id}`, undefined, { as: staff.aarhus })).body.phone).toBe('+45 11 11 11 11');

    const done = await runImport(uploaded.body.id, 'valid-rows');
    expect(done).toMatchObject({ status: 'done', phase: 'import', mode: 'valid-rows', created: 2, updated: 1, failed: 0, rolledBack: false });
    const imported = await results(uploaded.body.id);
    expect(imported.map((r) => [r.row, r.action])).toEqual([[2, 'create'], [3, 'create'], [4, 'update']]);
    const [idA] = await citizensWithCpr(a);
    const [idB] = await citizensWithCpr(b);
    expect(imported.map((r) => r.recordId)).toEqual([idA, idB, existing.id]);
    expect(await citizensWithCpr(existingCpr)).toEqual([existing.id]);
    const updated = (await call<Citizen>('GET', `/api/citizens/${existing.id}`, undefined, { as: staff.aarhus })).body;
    expect(updated).toMatchObject({ phone: '+45 33 33 33 33', firstName: existing.firstName, lastName: existing.lastName, version: existing.version + 1 });
    const bo = (await call<Citizen>('GET', `/api/citizens/${idB}`, undefined, { as: staff.aarhus })).body;
    expect(bo).toMatchObject({ firstName: 'Bo', lastName: `Import ${tag}`, phone: '+45 22 22 22 22', cpr: b });
    // Encrypted as the form's: the CPR number is not stored in the clear.
    const stored = (await db().query<{ cpr_encrypted: string }>('SELECT cpr_encrypted FROM citizen WHERE id = $1', [idB])).rows[0];
    expect(stored?.cpr_encrypted).not.toContain(b);

    // Every imported row is in the access log with the import's id.
    const logged = (await db().query<{ action: string; record_id: string; criterion: string }>(
      `SELECT action, record_id, criterion FROM access_log WHERE criterion LIKE $1 AND resource = 'citizens' AND action <> 'read' ORDER BY criterion`, [`import=${uploaded.body.id} row=%`])).rows;
    expect(logged.filter((r) => r.criterion.endsWith('import mode=valid-rows: create') || r.criterion.endsWith('import mode=valid-rows: update')).map((r) => [r.action, r.record_id])).toEqual([
      ['create', idA], ['create', idB], ['update', existing.id],
    ]);
    // A second run of the same file is refused: it is done.
    expect((await call('POST', `/api/imports/${uploaded.body.id}/run`, { mode: 'valid-rows' }, { as: staff.aarhus })).status).toBe(409);
  });

  it('records when the import finished, not when its transaction began', async () => {
    const file = csv([CITIZEN_HEADER, [bornInThe1960s(), 'Ida', `Ur ${randomUUID().slice(0, 6)}`, '']]);
    const uploaded = await upload('citizens', file);
    expect(uploaded.status).toBe(201);
    expect(await dryRun(uploaded.body.id, CITIZEN_MAPPING)).toMatchObject({ status: 'checked', created: 1 });
    // The owner holds back every citizen's INSERT (a SHARE lock): the import's transaction begins,
    // then waits. Once it is seen waiting, and a moment more, the lock goes; the import can only
    // finish after that moment, by the database's own clock.
    const owner = await db().connect();
    let released: Date | undefined;
    try {
      await owner.query('BEGIN');
      await owner.query('LOCK TABLE citizen IN SHARE MODE');
      const run = await call('POST', `/api/imports/${uploaded.body.id}/run`, { mode: 'valid-rows' }, { as: staff.aarhus });
      expect(run.status).toBe(201);
      await someoneWaitsFor('citizen', 'INSERT INTO "citizen"');
      await new Promise((r) => setTimeout(r, 300));
      released = (await owner.query<{ at: Date }>('SELECT clock_timestamp() AS at')).rows[0]?.at;
      await owner.query('COMMIT');
    } finally {
      await owner.query('ROLLBACK').catch(() => undefined);
      owner.release();
    }
    const done = await settled(uploaded.body.id);
    expect(done).toMatchObject({ status: 'done', created: 1 });
    const finishedAt = (await db().query<{ finished_at: Date }>('SELECT finished_at FROM import_job WHERE id = $1', [uploaded.body.id])).rows[0]?.finished_at;
    expect(released).toBeInstanceOf(Date);
    // pg gives milliseconds: a finish within the released millisecond is equal; the old code's was 300 ms and more before it.
    expect(finishedAt?.getTime()).toBeGreaterThanOrEqual(released?.getTime() ?? Infinity);
  });

  it('lists every row’s errors with row, column and rule (English and Danish), and imports the valid rows only in valid-rows mode', async () => {
    const good = bornInThe1960s();
    const file = csv([CITIZEN_HEADER, [good, 'Gitte', 'Gyldig', ''], ['3213801234', 'Ugyldig', 'Dato', ''], ['12345', '', 'Kort', 'tlf?']]);
    const uploaded = await upload('citizens', file);
    const checked = await dryRun(uploaded.body.id, CITIZEN_MAPPING);
    expect(checked).toMatchObject({ created: 1, failed: 2 });
    const rows = await results(uploaded.body.id);
    expect(rows[0]).toMatchObject({ row: 2, action: 'create', errors: [] });
    expect(rows[1]).toMatchObject({ row: 3, action: 'error', errors: [{ row: 3, column: 'CPR-nummer', field: 'cpr', rule: 'cpr must begin with a real date of birth', ruleDa: 'CPR-nummeret skal begynde med en rigtig fødselsdato' }] });
    // Every problem of the row at once: the form's rules (first name, phone) and the CPR number's.
    expect(rows[2]?.row).toBe(4);
    expect(rows[2]?.errors.map((e) => [e.row, e.column, e.field])).toEqual([[4, 'Fornavn', 'firstName'], [4, 'Telefon', 'phone'], [4, 'CPR-nummer', 'cpr']]);
    for (const error of rows[2]?.errors ?? []) expect(error.ruleDa.length).toBeGreaterThan(5);
    // No error carries the CPR number itself.
    expect(JSON.stringify(rows)).not.toContain('3213801234');

    await runImport(uploaded.body.id, 'valid-rows');
    expect(await citizensWithCpr(good)).toHaveLength(1);
  });

  it('imports nothing in all-or-nothing mode when a row fails', async () => {
    const good = bornInThe1960s();
    const uploaded = await upload('citizens', csv([CITIZEN_HEADER, [good, 'Alle', 'Eller-intet', ''], ['0101', 'Dårlig', 'Række', '']]));
    await dryRun(uploaded.body.id, CITIZEN_MAPPING);
    const done = await runImport(uploaded.body.id, 'all-or-nothing');
    expect(done).toMatchObject({ status: 'done', rolledBack: true, created: 0, updated: 0, failed: 1 });
    expect(await citizensWithCpr(good)).toEqual([]);
    const rows = await results(uploaded.body.id);
    expect(rows.map((r) => [r.row, r.action, r.recordId])).toEqual([[2, 'create', null], [3, 'error', null]]);
    expect(rows[1]?.errors[0]).toMatchObject({ column: 'CPR-nummer', rule: 'cpr must be 10 digits, written DDMMYYSSSS or DDMMYY-SSSS' });
  });

  it('treats a CPR number twice in one file as create, then update (also when a refused row lies between)', async () => {
    const twice = bornInThe1960s();
    const uploaded = await upload('citizens', csv([CITIZEN_HEADER, [twice, 'Første', 'Gang', ''], ['99', 'Dårlig', 'Række', ''], [twice, 'Anden', 'Gang', '+45 44 44 44 44']]));
    await dryRun(uploaded.body.id, CITIZEN_MAPPING);
    expect((await results(uploaded.body.id)).map((r) => [r.row, r.action])).toEqual([[2, 'create'], [3, 'error'], [4, 'update']]);
    expect(await citizensWithCpr(twice)).toEqual([]);
    await runImport(uploaded.body.id, 'valid-rows');
    const ids = await citizensWithCpr(twice);
    expect(ids).toHaveLength(1);
    expect((await results(uploaded.body.id)).map((r) => [r.row, r.action, r.recordId])).toEqual([[2, 'create', ids[0]], [3, 'error', null], [4, 'update', ids[0]]]);
    const citizen = (await call<Citizen>('GET', `/api/citizens/${ids[0]}`, undefined, { as: staff.aarhus })).body;
    expect(citizen).toMatchObject({ firstName: 'Anden', lastName: 'Gang', phone: '+45 44 44 44 44', version: 2 });
  });

  it('reads an XLSX (semicolon CSV too) and offers the mapping saved last time', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Borgere');
    sheet.addRow(['personnummer', 'fornavn x', 'efternavn x']);
    const cpr = bornInThe1960s();
    sheet.addRow([cpr, 'Xenia', 'Xlsx']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const first = await upload('citizens', bytes);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ format: 'xlsx', columns: ['personnummer', 'fornavn x', 'efternavn x'], rowCount: 1 });
    const mapping = { personnummer: 'cpr', 'fornavn x': 'firstName', 'efternavn x': 'lastName' };
    await dryRun(first.body.id, mapping);
    // The next upload of the kind with the same columns starts from the saved mapping, even as a semicolon CSV.
    const again = await upload('citizens', csv([['personnummer', 'fornavn x', 'efternavn x'], [bornInThe1960s(), 'Yrsa', 'Semikolon']], ';'));
    expect(again.body).toMatchObject({ format: 'csv', mapping });
    // A column the saved mapping does not know is matched by its name, unless its field is mapped already (decision 176).
    const more = await upload('citizens', csv([['personnummer', 'fornavn x', 'efternavn x', 'Telefon', 'Fornavn'], [bornInThe1960s(), 'Zola', 'Flere', '+45 00 00 00 00', 'Z']]));
    expect(more.body.mapping).toEqual({ ...mapping, Telefon: 'phone' });
    // Not another user's: their first upload is matched by name only (nothing here).
  });
});

describe('bad input to an import', () => {
  it('empties a file not imported within seven days (decision 165): its rows gone, the job expired, no dry run or import of it', async () => {
    const checkedOne = await upload('citizens', csv([CITIZEN_HEADER, [bornInThe1960s(), 'Gammel', `Fil ${randomUUID().slice(0, 6)}`, '']]));
    await dryRun(checkedOne.body.id, CITIZEN_MAPPING);
    const fresh = await upload('citizens', csv([CITIZEN_HEADER, [bornInThe1960s(), 'Ny', `Fil ${randomUUID().slice(0, 6)}`, '']]));
    // Uploaded eight days ago (the owner moves the date); the other one today.
    await db().query(`UPDATE import_job SET created_at = now() - interval '8 days' WHERE id = $1`, [checkedOne.body.id]);
    // The ten-minute purge, run now (as the API's role calls it).
    const client = await db().connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL ROLE outcomes_app');
      expect((await client.query<{ n: number }>('SELECT purge_stale_imports() AS n')).rows[0]?.n).toBeGreaterThanOrEqual(1);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const rows = async (id: string) => (await db().query<{ status: string; emptied: boolean }>('SELECT status, rows_encrypted IS NULL AS emptied FROM import_job WHERE id = $1', [id])).rows[0];
    expect(await rows(checkedOne.body.id)).toEqual({ status: 'expired', emptied: true });
    expect(await rows(fresh.body.id)).toEqual({ status: 'uploaded', emptied: false });
    const shown = await call<{ status: string }>('GET', `/api/imports/${checkedOne.body.id}`, undefined, { as: staff.aarhus });
    expect([shown.status, shown.body.status]).toEqual([200, 'expired']);
    for (const [path, body] of [['dry-run', { mapping: CITIZEN_MAPPING }], ['run', { mode: 'valid-rows' }]] as const) {
      const refused = await call<{ code: string }>('POST', `/api/imports/${checkedOne.body.id}/${path}`, body, { as: staff.aarhus });
      expect([path, refused.status, refused.body.code]).toEqual([path, 409, 'ILLEGAL_TRANSITION']);
    }
  });

  it('refuses a file that is not CSV or XLSX by its content (400), whatever it is called', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 3, 0, 255, 254])]);
    const res = await upload('citizens', pdf);
    expect(res.status).toBe(400);
    expect(res.body.errors?.['file']).toMatch(/neither CSV nor XLSX/);
    const zipButNotXlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]);
    expect((await upload('citizens', zipButNotXlsx)).body.errors?.['file']).toMatch(/could not be read as XLSX/);
    expect((await upload('pets', csv([['a'], ['b']]))).status).toBe(400);
    expect((await upload('citizens', csv([['a', 'a'], ['1', '2']]))).body.errors?.['file']).toBe('two columns are named "a" (columns 1 and 2); every column needs its own name');
  });

  it('refuses a file over IMPORT_MAX_BYTES with 413 naming the limit (10485760 bytes here)', async () => {
    const res = await declaredUpload(10 * 1024 * 1024 + 1);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.body.errors?.['file']).toBe('must be at most 10485760 bytes (10.0 MiB)');
  });

  it('refuses a field mapped twice, a required field left out and an unknown column (400 naming each); nothing is queued', async () => {
    const uploaded = await upload('citizens', csv([['Fornavn', 'Kaldenavn', 'Efternavn'], ['A', 'B', 'C']]));
    const twice = await call<{ errors: Record<string, string> }>('POST', `/api/imports/${uploaded.body.id}/dry-run`, { mapping: { Fornavn: 'firstName', Kaldenavn: 'firstName', Efternavn: 'lastName' } }, { as: staff.aarhus });
    expect(twice.status).toBe(400);
    expect(twice.body.errors).toEqual({ 'mapping.Kaldenavn': 'the field firstName is mapped twice (columns "Fornavn" and "Kaldenavn"); map each field from one column only' });
    const missing = await call<{ errors: Record<string, string> }>('POST', `/api/imports/${uploaded.body.id}/dry-run`, { mapping: { Fornavn: 'firstName', Mellemnavn: 'lastName' } }, { as: staff.aarhus });
    expect(missing.body.errors).toEqual({ 'mapping.Mellemnavn': 'the file has no column "Mellemnavn"', 'mapping.lastName': 'the required field lastName (Last name) is not mapped to a column' });
    expect((await call<{ status: string }>('GET', `/api/imports/${uploaded.body.id}`, undefined, { as: staff.aarhus })).body.status).toBe('uploaded');
    // Running before a dry run is refused.
    expect((await call('POST', `/api/imports/${uploaded.body.id}/run`, { mode: 'valid-rows' }, { as: staff.aarhus })).status).toBe(409);
  });
});

describe('an import of enrolments, sessions and assessments', () => {
  it('names an unknown programme, a date in an unknown format and an unknown CPR number per row; imports the valid ones through the enrolments’ rules', async () => {
    const citizen = await createCitizen('aarhus', { cpr: bornInThe1960s });
    const cpr = await cprOf(citizen.id);
    const referred = daysFromToday(-10);
    const [y, m, d] = referred.split('-');
    const header = ['CPR', 'Program', 'Sted', 'Henvist'];
    const file = csv([header, [cpr, 'ICM', CENTRE, `${d}.${m}.${y}`], [cpr, 'NOPE', CENTRE, '2026/01/02'], [bornInThe1960s(), 'ICM', 'Intet sted', referred]]);
    const uploaded = await upload('enrolments', file);
    const mapping = { CPR: 'cpr', Program: 'programmeCode', Sted: 'centre', Henvist: 'referralDate' };
    const checked = await dryRun(uploaded.body.id, mapping);
    expect(checked).toMatchObject({ created: 1, failed: 2 });
    const rows = await results(uploaded.body.id);
    expect(rows[0]).toMatchObject({ row: 2, action: 'create', errors: [] });
    expect(rows[1]?.errors.map((e) => [e.row, e.column, e.rule])).toEqual([
      [3, 'Henvist', 'referralDate must be a date in one of the formats yyyy-mm-dd, dd-mm-yyyy, dd.mm.yyyy'],
      [3, 'Program', 'programmeCode is not the code of a programme of your municipality or the national catalogue'],
    ]);
    expect(rows[2]?.errors.map((e) => [e.row, e.column])).toEqual([[4, 'CPR'], [4, 'Sted']]);
    const done = await runImport(uploaded.body.id, 'valid-rows');
    expect(done).toMatchObject({ created: 1, failed: 2 });
    const made = (await db().query<{ id: string; referral_date: string; state: string }>(`SELECT id, to_char(referral_date, 'YYYY-MM-DD') AS referral_date, state FROM enrolment WHERE citizen_id = $1`, [citizen.id])).rows;
    expect(made).toEqual([{ id: (await results(uploaded.body.id))[0]?.recordId, referral_date: referred, state: 'referred' }]);
    // The same file again: the enrolment is reported, not made twice.
    const again = await upload('enrolments', csv([header, [cpr, 'ICM', CENTRE, referred]]));
    await dryRun(again.body.id, mapping);
    expect((await results(again.body.id))[0]?.errors[0]?.rule).toMatch(/already has an enrolment in this programme referred on this date/);
  });

  it('imports sessions and assessments into the citizen’s course; the composites are computed as the form’s, never read from the file', async () => {
    const enrolment = await activeEnrolment('aarhus');
    const cpr = await cprOf(enrolment.citizenId);
    // Yesterday: a session at 09:30 today is still in the future when the suite runs before then.
    const day = daysFromToday(-1);
    const sessions = await upload('sessions', csv([['cpr', 'programmeCode', 'date', 'time', 'durationMinutes', 'kind', 'attendance'], [cpr, 'ICM', day, '09:30', '45', 'case-management-meeting', 'attended']]));
    expect(sessions.body.mapping).toEqual({ cpr: 'cpr', programmeCode: 'programmeCode', date: 'date', time: 'time', durationMinutes: 'durationMinutes', kind: 'kind', attendance: 'attendance' });
    await dryRun(sessions.body.id, sessions.body.mapping);
    expect(await runImport(sessions.body.id, 'all-or-nothing')).toMatchObject({ created: 1, failed: 0, rolledBack: false });
    const session = (await db().query<{ enrolment_id: string; duration_minutes: number; starts_at: Date }>('SELECT enrolment_id, duration_minutes, starts_at FROM treatment_session WHERE id = $1', [(await results(sessions.body.id))[0]?.recordId])).rows[0];
    expect(session?.enrolment_id).toBe(enrolment.id);
    expect(session?.duration_minutes).toBe(45);
    // 09:30 in Copenhagen: 07:30 or 08:30 UTC, by the season.
    expect(['07:30', '08:30']).toContain(session?.starts_at.toISOString().slice(11, 16));

    const items = ASI_INTAKE_ITEMS;
    const codes = Object.keys(items);
    const header = ['cpr', 'programmeCode', 'timepoint', 'date', ...codes, 'Composite medical'];
    const assessments = await upload('assessments', csv([header, [cpr, 'ICM', 'intake', day, ...codes.map((c) => String(items[c])), '0.999']]));
    // The file's own composite column is offered no field.
    expect(Object.keys(assessments.body.mapping)).not.toContain('Composite medical');
    await dryRun(assessments.body.id, assessments.body.mapping);
    expect(await runImport(assessments.body.id, 'valid-rows')).toMatchObject({ created: 1, failed: 0 });
    const imported = await call<{ composites: Record<string, number | null>; enrolmentId: string }>('GET', `/api/assessments/${(await results(assessments.body.id))[0]?.recordId}`, undefined, { as: staff.aarhus });
    // The same items through the form's POST, on another course: the same composites.
    const other = await activeEnrolment('aarhus');
    const form = await call<{ composites: Record<string, number | null> }>('POST', '/api/assessments', { enrolmentId: other.id, timepoint: 'intake', date: day, items }, { as: staff.aarhus });
    expect(imported.body.enrolmentId).toBe(enrolment.id);
    expect(imported.body.composites).toEqual(form.body.composites);
    expect(imported.body.composites['medical']).not.toBe(0.999);
  });
});

/**
 * Every refusal of the services (and of the database keys they leave to it) that a row can meet, each
 * provoked through an import, with its words written here by hand (decision 175): the file's column,
 * the rule in English and in Danish. None is the Danish wrapper around an English rule.
 */
describe('the services’ refusals of an import’s rows, in the file’s words, in English and Danish', () => {
  const dk = (iso: string): string => iso.split('-').reverse().join('-');
  /** A 1960s CPR number's holder's age on `date`, worked out here from its digits (DDMMYY, 7th digit 0-3: the 1900s). */
  const ageOn = (cpr: string, date: string): number => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const [bd, bm, by] = [Number(cpr.slice(0, 2)), Number(cpr.slice(2, 4)), 1900 + Number(cpr.slice(4, 6))];
    return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  };
  async function programme(extra: Record<string, unknown>): Promise<{ id: string; code: string }> {
    const code = `IR${randomUUID().slice(0, 6).toUpperCase()}`;
    const res = await call<{ id: string }>('POST', '/api/programmes', { code, name: `Indlæsning ${code}`, format: 'individual', expectedSessions: 12, followUpMonths: [6], ...extra }, { as: admins.aarhus });
    expect(res.status).toBe(201);
    return { id: res.body.id, code };
  }
  /** Uploads and dry-runs the file; answers each row's errors as [row, column, rule, ruleDa]. */
  async function refusals(kind: string, rows: string[][], mapping: Record<string, string>): Promise<[number, string | null, string, string][][]> {
    const uploaded = await upload(kind, csv(rows));
    expect(uploaded.status).toBe(201);
    await dryRun(uploaded.body.id, mapping);
    return (await results(uploaded.body.id)).map((r) => r.errors.map((e): [number, string | null, string, string] => [e.row, e.column, e.rule, e.ruleDa]));
  }

  it('citizens: a birth year that is not the CPR number’s', async () => {
    const cpr = bornInThe1960s();
    const found = await refusals('citizens', [['CPR-nummer', 'Fornavn', 'Efternavn', 'Fødselsår'], [cpr, 'Forkert', 'Årstal', '1975']], { 'CPR-nummer': 'cpr', Fornavn: 'firstName', Efternavn: 'lastName', Fødselsår: 'birthYear' });
    expect(found).toEqual([[[2, 'Fødselsår', 'birthYear does not match the CPR number; leave it empty or give the year the CPR number says', 'Fødselsåret passer ikke med CPR-nummeret; lad feltet stå tomt, eller skriv året, CPR-nummeret giver']]]);
  });

  it('enrolments: a programme no longer active, a referral before birth or too far ahead, an age outside the programme’s, an attestation, an enrolment already open', async () => {
    const adult = await createCitizen('aarhus', { cpr: bornInThe1960s });
    const cpr = await cprOf(adult.id);
    const closed = await programme({});
    await db().query('UPDATE programme SET active = false WHERE id = $1', [closed.id]);
    const young = await programme({ minAge: 15, maxAge: 25 });
    const attested = await programme({ requiredAttestations: ['finished-treatment'] });
    const open = await activeEnrolment('aarhus');
    const openCpr = await cprOf(open.citizenId);
    const yesterday = daysFromToday(-1);
    const ahead = daysFromToday(120);
    const age = ageOn(cpr, yesterday);
    const header = ['CPR', 'Program', 'Sted', 'Henvist'];
    const found = await refusals('enrolments', [
      header,
      [cpr, closed.code, CENTRE, yesterday],
      [cpr, 'ICM', CENTRE, '1950-01-01'],
      [cpr, 'ICM', CENTRE, ahead],
      [cpr, young.code, CENTRE, yesterday],
      [cpr, attested.code, CENTRE, yesterday],
      [openCpr, 'ICM', CENTRE, yesterday],
    ], { CPR: 'cpr', Program: 'programmeCode', Sted: 'centre', Henvist: 'referralDate' });
    expect(found).toEqual([
      [[2, 'Program', 'the programme is no longer active; no new enrolment can be made in it', 'Programmet er ikke længere aktivt; der kan ikke oprettes nye forløb i det']],
      // The birth date is not named: it is the CPR number's first six digits.
      [[3, 'Henvist', 'referralDate must not be before the citizen’s birth', 'Henvisningsdatoen må ikke ligge før borgerens fødsel']],
      [[4, 'Henvist', `referralDate must not be more than 90 days after today (${daysFromToday(0)})`, `Henvisningsdatoen må højst ligge 90 dage efter i dag (${dk(daysFromToday(0))})`]],
      [[5, 'CPR', `${young.code} is for ages up to 25; the citizen is ${age} on the referral date ${yesterday}`, `${young.code} er for borgere op til 25 år; borgeren er ${age} år på henvisningsdatoen ${dk(yesterday)}`]],
      [[6, 'Program', `${attested.code} requires the attestation "finished-treatment", which a file cannot give; refer the citizen on the citizen’s page`, `${attested.code} kræver bekræftelsen "Borgeren har afsluttet stofmisbrugsbehandling", som en fil ikke kan give; henvis borgeren på borgerens side`]],
      [[7, 'Program', 'the citizen already has an open enrolment (referred or active) in this programme; end it before another is made', 'Borgeren har allerede et åbent forløb (henvist eller aktivt) i programmet; afslut det, før et nyt oprettes']],
    ]);
    // No text names the birth date or the CPR number.
    expect(JSON.stringify(found)).not.toContain(cpr.slice(0, 6));
  });

  it('sessions: a course not active, a session in the future or before the start, a number past the programme’s, a second session on a day, a number used twice', async () => {
    const twelve = await programme({});
    const course = await activeEnrolment('aarhus', twelve.id);
    const cpr = await cprOf(course.citizenId);
    const started = daysFromToday(-3);
    const referredOnly = await createCitizen('aarhus', { cpr: bornInThe1960s });
    const referred = await call('POST', '/api/enrolments', { citizenId: referredOnly.id, programmeId: twelve.id, centreId: DEMO_CENTRE, referralDate: started }, { as: staff.aarhus });
    expect(referred.status).toBe(201);
    const header = ['CPR', 'Program', 'Dato', 'Minutter', 'Type', 'Fremmøde', 'Nummer'];
    const row = (who: string, date: string, number = ''): string[] => [who, twelve.code, date, '45', 'case-management-meeting', 'attended', number];
    const found = await refusals('sessions', [
      header,
      row(await cprOf(referredOnly.id), daysFromToday(-1)),
      row(cpr, daysFromToday(1)),
      row(cpr, daysFromToday(-10)),
      row(cpr, daysFromToday(-2), '13'),
      row(cpr, daysFromToday(-2), '1'),
      row(cpr, daysFromToday(-2), '2'),
      row(cpr, daysFromToday(-1), '1'),
    ], { CPR: 'cpr', Program: 'programmeCode', Dato: 'date', Minutter: 'durationMinutes', Type: 'kind', Fremmøde: 'attendance', Nummer: 'sessionNumber' });
    expect(found).toEqual([
      [[2, 'Program', 'the citizen’s newest enrolment in this programme is referred, not active; sessions are logged on active enrolments', 'Borgerens nyeste forløb i programmet er henvist, ikke aktivt; sessioner registreres kun på aktive forløb']],
      [[3, 'Dato', 'date and time must not be in the future for an attended or missed session', 'Dato og klokkeslæt må ikke ligge i fremtiden for en session, borgeren er mødt op til eller udeblevet fra']],
      [[4, 'Dato', `date must not be before the enrolment started (${started})`, `Datoen må ikke ligge før forløbets start (${dk(started)})`]],
      [[5, 'Nummer', `sessionNumber must be between 1 and 12 for ${twelve.code}`, `Sessionsnummeret skal være mellem 1 og 12 for ${twelve.code}`]],
      [],
      [[7, 'Dato', 'the enrolment already has a session on this day; an import logs no second one (log it on the citizen’s page if there were two)', 'Forløbet har allerede en session denne dag; en indlæsning registrerer ikke en session mere (registrér den på borgerens side, hvis der var to)']],
      [[8, 'Nummer', 'the enrolment already has a session with this number', 'Forløbet har allerede en session med dette nummer']],
    ]);
  });

  it('the forms’ own rules (the endpoints’ DTOs): an empty required cell, a number out of range, a value not in the list, a bad phone, e-mail, language, length, duration and kind', async () => {
    const citizens = await refusals('citizens', [
      ['Fornavn', 'Efternavn', 'Fødselsår', 'Køn', 'Telefon', 'E-mail', 'Adresse', 'Sprog'],
      ['', 'Tom', '1800', 'x', 'tlf?', 'x@', 'a'.repeat(301), 'Dansk'],
    ], { Fornavn: 'firstName', Efternavn: 'lastName', Fødselsår: 'birthYear', Køn: 'sex', Telefon: 'phone', 'E-mail': 'email', Adresse: 'address', Sprog: 'preferredLanguage' });
    expect(citizens).toEqual([[
      [2, 'Fornavn', 'firstName must be filled in', 'Fornavn skal udfyldes'],
      [2, 'Fødselsår', 'birthYear must not be less than 1900', 'Fødselsår må ikke være mindre end 1900'],
      [2, 'Køn', 'sex must be one of male, female', 'Køn skal være en af værdierne male, female'],
      [2, 'Telefon', 'phone must be a telephone number (digits, spaces, +, -, parentheses)', 'Telefonnummeret må kun bestå af cifre, mellemrum, +, - og parenteser'],
      [2, 'E-mail', 'email must be an e-mail address', 'E-mailadressen er ikke en gyldig e-mailadresse'],
      [2, 'Adresse', 'address must be shorter than or equal to 300 characters', 'Adresse må højst være 300 tegn'],
      [2, 'Sprog', 'preferredLanguage must be a language code such as da, en or ar', 'Foretrukket sprog skal være en sprogkode som da, en eller ar'],
    ]]);
    const course = await activeEnrolment('aarhus');
    const cpr = await cprOf(course.citizenId);
    const yesterday = daysFromToday(-1);
    const sessions = await refusals('sessions', [
      ['CPR', 'Program', 'Dato', 'Minutter', 'Type', 'Fremmøde', 'Nummer'],
      [cpr, 'ICM', yesterday, '0', 'Samtale!', 'ja', '0'],
      [cpr, 'ICM', yesterday, '721', 'case-management-meeting', 'attended', ''],
      [cpr, 'ICM', yesterday, '45 min', 'case-management-meeting', 'attended', ''],
    ], { CPR: 'cpr', Program: 'programmeCode', Dato: 'date', Minutter: 'durationMinutes', Type: 'kind', Fremmøde: 'attendance', Nummer: 'sessionNumber' });
    expect(sessions).toEqual([
      [
        [2, 'Minutter', 'durationMinutes must be at least 1', 'Varigheden skal være mindst 1 minut'],
        [2, 'Type', 'kind must be a short code such as move-session or case-management-meeting', 'Sessionstypen skal være en kort kode som move-session eller case-management-meeting'],
        [2, 'Nummer', 'sessionNumber must not be less than 1', 'Sessionsnummer må ikke være mindre end 1'],
        [2, 'Fremmøde', 'attendance must be one of attended, no-show, cancelled', 'Fremmøde skal være en af værdierne attended, no-show, cancelled'],
      ],
      [[3, 'Minutter', 'durationMinutes must be at most 720 (12 hours)', 'Varigheden må højst være 720 minutter (12 timer)']],
      [[4, 'Minutter', 'durationMinutes must be a whole number of minutes', 'Varigheden skal være et helt antal minutter']],
    ]);
  });

  it('assessments: a date in the future or before the referral, an answer outside its item’s values, E5 against E4, a timepoint taken already', async () => {
    const course = await activeEnrolment('aarhus');
    const cpr = await cprOf(course.citizenId);
    const referral = daysFromToday(-3);
    const header = ['CPR', 'Program', 'Tidspunkt', 'Dato', 'M6', 'E4', 'E5'];
    const found = await refusals('assessments', [
      header,
      [cpr, 'ICM', 'intake', daysFromToday(1), '9', '1', '0'],
      [cpr, 'ICM', 'intake', daysFromToday(-10), '9', '1', '0'],
      [cpr, 'ICM', 'intake', daysFromToday(-1), '45', '1', '0'],
      [cpr, 'ICM', 'intake', daysFromToday(-1), '9', '0', '1'],
      [cpr, 'ICM', 'intake', daysFromToday(-1), '9', '1', '0'],
      [cpr, 'ICM', 'intake', daysFromToday(0), '9', '1', '0'],
    ], { CPR: 'cpr', Program: 'programmeCode', Tidspunkt: 'timepoint', Dato: 'date', M6: 'item:M6', E4: 'item:E4', E5: 'item:E5' });
    expect(found).toEqual([
      [[2, 'Dato', 'date must not be in the future', 'Datoen må ikke ligge i fremtiden']],
      [[3, 'Dato', `date must not be before the enrolment’s referral (${referral})`, `Datoen må ikke ligge før forløbets henvisning (${dk(referral)})`]],
      [[4, 'M6', 'M6 must be a whole number of days from 0 to 30', 'M6 skal være et helt antal dage fra 0 til 30']],
      [[5, 'E5', 'E5 must be 0 or unanswered when E4 (valid driver’s licence) is 0', 'E5 skal være 0 eller ubesvaret, når E4 (gyldigt kørekort) er 0']],
      [],
      [[7, 'Tidspunkt', 'the enrolment already has an assessment of this timepoint (only ad-hoc may be taken more than once)', 'Forløbet har allerede en måling af dette tidspunkt (kun ekstra målinger må tages flere gange)']],
    ]);
  });
});

describe('who may see and run an import', () => {
  it('is the uploader only: another municipality’s staff and a colleague get 404, an admin 403', async () => {
    const uploaded = await upload('citizens', csv([CITIZEN_HEADER, [bornInThe1960s(), 'Hemmelig', 'Borger', '']]));
    const id = uploaded.body.id;
    {
      const as = staff.odense;
      expect((await call('GET', `/api/imports/${id}`, undefined, { as })).status).toBe(404);
      expect((await call('GET', `/api/imports/${id}/results`, undefined, { as })).status).toBe(404);
      expect((await call('POST', `/api/imports/${id}/dry-run`, { mapping: CITIZEN_MAPPING }, { as })).status).toBe(404);
      expect((await call('POST', `/api/imports/${id}/run`, { mode: 'valid-rows' }, { as })).status).toBe(404);
      const list = await call<{ id: string }[]>('GET', '/api/imports', undefined, { as });
      expect(list.body.map((j) => j.id)).not.toContain(id);
    }
    expect((await call('GET', `/api/imports/${id}`, undefined, { as: admins.aarhus })).status).toBe(403);
    expect((await upload('citizens', csv([CITIZEN_HEADER, ['x', 'y', 'z', '']]), admins.aarhus)).status).toBe(403);
    // A colleague in the same municipality does not see it either (the results tell whose CPR numbers are registered).
    const colleague = await createUser('aarhus', 'staff');
    const token = await tokenFor(colleague.email, colleague.password);
    expect((await call('GET', `/api/imports/${id}`, undefined, { token })).status).toBe(404);
    expect((await call('POST', `/api/imports/${id}/dry-run`, { mapping: CITIZEN_MAPPING }, { token })).status).toBe(404);
    expect((await settled(id)).status).toBe('uploaded');
  });
});

describe('an import of 10,000 citizens', () => {
  it('runs as a job with progress and finishes (dry run and import) within a minute', async () => {
    const tag = randomUUID().slice(0, 6);
    const rows: string[][] = [CITIZEN_HEADER];
    const seen = new Set<string>();
    while (rows.length <= 10_000) {
      const cpr = bornInThe1960s();
      if (seen.has(cpr)) continue;
      seen.add(cpr);
      rows.push([cpr, `Masse${rows.length}`, `Import ${tag}`, '']);
    }
    const uploaded = await upload('citizens', csv(rows));
    expect(uploaded.body.rowCount).toBe(10_000);
    const started = Date.now();
    const res = await call('POST', `/api/imports/${uploaded.body.id}/dry-run`, { mapping: CITIZEN_MAPPING }, { as: staff.aarhus });
    expect(res.status).toBe(201);
    const progress = new Set<number>();
    for (;;) {
      const job = await call<{ status: string; progress: number }>('GET', `/api/imports/${uploaded.body.id}`, undefined, { as: staff.aarhus });
      progress.add(job.body.progress);
      if (job.body.status !== 'checking') break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const dryMs = Date.now() - started;
    const runStarted = Date.now();
    const done = await runImport(uploaded.body.id, 'valid-rows', staff.aarhus);
    const runMs = Date.now() - runStarted;
    console.log(`10,000-row citizen import: dry run ${dryMs} ms, import ${runMs} ms; progress seen ${[...progress].sort((a, b) => a - b).join(',')}`);
    // Some progress between 0 and 100 was seen while it ran.
    expect([...progress].some((p) => p > 0 && p < 100)).toBe(true);
    expect(done.created + done.updated).toBe(10_000);
    expect(runMs).toBeLessThan(60_000);
    expect(dryMs).toBeLessThan(60_000);
    const logged = await db().query<{ n: number }>(`SELECT count(*)::int AS n FROM access_log WHERE criterion LIKE $1 AND action IN ('create', 'update')`, [`import=${uploaded.body.id} row=%`]);
    expect(logged.rows[0]?.n).toBeGreaterThanOrEqual(10_000);
  }, 240_000);
});
