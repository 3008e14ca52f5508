import { readFileSync } from 'node:fs';
import type { ApiErrorBody, Citizen } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { createCitizen, freshCpr, staff } from './support/fixtures';
import { call, closeDb, db, listPath } from './support/http';

afterAll(closeDb);

const search = (q: string, as: string = staff.aarhus) =>
  call<Citizen[]>('POST', '/api/citizens/search', { filter: JSON.stringify({ q }), range: '[0,49]' }, { as });

describe('citizens', () => {
  it('registers a citizen, deriving birth year and sex from the CPR number', async () => {
    const sut = await createCitizen('aarhus', { cpr: '070761-4285', firstName: 'Jens', lastName: 'Kofoed', phone: '+45 12 34 56 78' });
    expect(sut).toMatchObject({ cpr: '0707614285', cprMasked: '070761-xxxx', birthYear: 1961, sex: 'male', cprReplacement: false, firstName: 'Jens', lastName: 'Kofoed', phone: '+45 12 34 56 78', municipalityId: DEMO_IDS.municipalities.aarhus });
  });

  it('accepts anonymous treatment (no CPR) and replacement numbers', async () => {
    const anonymous = await createCitizen('aarhus', { cpr: null, birthYear: 1990, sex: 'female' });
    expect(anonymous).toMatchObject({ cpr: null, cprMasked: null, birthYear: 1990, sex: 'female' });
    const replacement = await createCitizen('aarhus', { cpr: '6707614285' });
    expect(replacement).toMatchObject({ cprReplacement: true, birthYear: 1961 });
  });

  it('answers 409 to a second citizen with the same CPR number, pointing at the first', async () => {
    const first = await createCitizen('aarhus');
    const sut = await call<ApiErrorBody>('POST', '/api/citizens', { cpr: `${first.cpr?.slice(0, 6)}-${first.cpr?.slice(6)}`, firstName: 'Other', lastName: 'Person' }, { as: staff.aarhus });
    expect(sut.status).toBe(409);
    expect(sut.body).toMatchObject({ code: 'DUPLICATE', existingId: first.id, errors: { cpr: expect.any(String) } });
  });

  it.each([
    ['9 digits', '070761428', 'cpr'],
    ['11 digits', '07076142851', 'cpr'],
    ['letters', '07O7614285', 'cpr'],
    ['an impossible date', '3102614285', 'cpr'],
    ['a future birth', '0101304285', 'cpr'],
  ])('refuses %s, naming the field, writing nothing', async (_label, cpr, field) => {
    const before = Number((await db().query<{ n: string }>('SELECT count(*) AS n FROM citizen')).rows[0]?.n);
    const sut = await call<ApiErrorBody>('POST', '/api/citizens', { cpr, firstName: 'A', lastName: 'B' }, { as: staff.aarhus });
    expect(sut.status).toBe(400);
    expect(sut.body.errors).toHaveProperty(field);
    expect(JSON.stringify(sut.body)).not.toContain(cpr);
    expect(Number((await db().query<{ n: string }>('SELECT count(*) AS n FROM citizen')).rows[0]?.n)).toBe(before);
  });

  it('finds a citizen by whole name words through POST search, Danish spellings folded', async () => {
    const mine = await createCitizen('aarhus', { firstName: 'Åse', lastName: `Aagaard-Kvist ${freshCpr()}` });
    const sut = await search('ågård åse');
    expect(sut.status).toBe(200);
    expect(sut.body.map((c) => c.id)).toContain(mine.id);
    expect(sut.body[0]).not.toHaveProperty('cpr');
    expect((await search('gård')).body.map((c) => c.id)).not.toContain(mine.id); // whole words only
  });

  it('refuses a name in a GET query string', async () => {
    const sut = await call<ApiErrorBody>('GET', listPath('citizens', { filter: { q: 'Jens' } }), undefined, { as: staff.aarhus });
    expect(sut.status).toBe(400);
    expect(sut.body.errors).toHaveProperty('filter');
  });

  it('looks up by CPR number in the body', async () => {
    const mine = await createCitizen('aarhus');
    const found = await call<{ citizen: Citizen | null }>('POST', '/api/citizens/lookup', { cpr: mine.cpr }, { as: staff.aarhus });
    expect(found.body.citizen?.id).toBe(mine.id);
    const elsewhere = await call<{ citizen: Citizen | null }>('POST', '/api/citizens/lookup', { cpr: mine.cpr }, { as: staff.odense });
    expect(elsewhere.body.citizen).toBeNull();
  });

  it('keeps citizens inside their municipality: 404 by id, absent from search', async () => {
    const mine = await createCitizen('aarhus', { firstName: 'Unikanavn' });
    expect((await call('GET', `/api/citizens/${mine.id}`, undefined, { as: staff.odense })).status).toBe(404);
    expect((await search('unikanavn', staff.odense)).body).toEqual([]);
    expect((await call('GET', `/api/citizens/${mine.id}`, undefined, { as: 'evaluator@aarhus.demo' })).status).toBe(403);
  });

  it('answers 409 to a stale version', async () => {
    const mine = await createCitizen('aarhus');
    const body = { cpr: mine.cpr, firstName: 'Ny', lastName: mine.lastName, version: mine.version };
    expect((await call('PUT', `/api/citizens/${mine.id}`, body, { as: staff.aarhus })).status).toBe(200);
    const stale = await call<ApiErrorBody>('PUT', `/api/citizens/${mine.id}`, { ...body, firstName: 'Gammel' }, { as: staff.aarhus });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
  });

  it('logs every read with the citizen id, and a CPR lookup only as what was searched and the citizen found', async () => {
    const mine = await createCitizen('aarhus');
    await call('GET', `/api/citizens/${mine.id}`, undefined, { as: staff.aarhus });
    const reads = await db().query("SELECT action, citizen_id FROM access_log WHERE citizen_id = $1 ORDER BY seq", [mine.id]);
    expect(reads.rows).toEqual([{ action: 'create', citizen_id: mine.id }, { action: 'read', citizen_id: mine.id }]);
    await call('POST', '/api/citizens/lookup', { cpr: mine.cpr }, { as: staff.aarhus });
    const [lookup] = (await db().query("SELECT criterion, citizen_ids::text[] AS citizen_ids FROM access_log WHERE user_id = $1 ORDER BY seq DESC LIMIT 1", [DEMO_IDS.users.aarhus.staff])).rows as { criterion: string; citizen_ids: string[] }[];
    expect(JSON.parse(lookup?.criterion ?? 'null')).toEqual({ fields: ['cpr'], values: { cpr: { words: 1, cpr: true, hashes: [expect.stringMatching(/^[0-9a-f]{64}$/)] } } });
    expect(lookup?.citizen_ids).toEqual([mine.id]);
  });
});

describe('who has seen this citizen', () => {
  it('lists the accesses to the citizen with who made them, for the treating staff only', async () => {
    const mine = await createCitizen('aarhus');
    await call('GET', `/api/citizens/${mine.id}`, undefined, { as: 'staff@aarhus.demo' });
    const sut = await call<{ action: string; userDisplayName: string; citizenId: string }[]>('GET', listPath(`citizens/${mine.id}/access-history`, { sort: ['seq', 'DESC'], range: [0, 9] }), undefined, { as: staff.aarhus });
    expect(sut.status).toBe(200);
    expect(sut.body.map((r) => r.action)).toEqual(['read', 'create']);
    expect(sut.body.every((r) => r.userDisplayName === 'Behandler (Aarhus)' && r.citizenId === mine.id)).toBe(true);
    expect((await call('GET', listPath(`citizens/${mine.id}/access-history`), undefined, { as: staff.odense })).status).toBe(404);
  });
});

describe('no CPR number or name in the clear', () => {
  it('is in no table, no log line and no URL', async () => {
    const cpr = '1212874321';
    const mine = await createCitizen('aarhus', { cpr, firstName: 'Klartekstfornavn', lastName: 'Klartekstefternavn', email: 'klartekst@example.org' });
    await call('GET', `/api/citizens/${mine.id}`, undefined, { as: staff.aarhus });
    await search('Klartekstfornavn');
    await call('POST', '/api/citizens/lookup', { cpr }, { as: staff.aarhus });

    // Every row of every table as text: what `pg_dump | grep` would see of the data.
    const tables = (await db().query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows;
    let dump = '';
    for (const { tablename } of tables) {
      const rows = await db().query<{ t: string }>(`SELECT t::text AS t FROM "${tablename}" t`);
      dump += rows.rows.map((r) => r.t).join('\n');
    }
    expect(dump.length).toBeGreaterThan(1000);
    for (const secret of [cpr, '121287-4321', 'Klartekstfornavn', 'Klartekstefternavn', 'klartekst@example.org', 'klartekstfornavn']) {
      expect(dump).not.toContain(secret);
    }
    await new Promise((r) => setTimeout(r, 300));
    const log = readFileSync(process.env['API_LOG_FILE'] as string, 'utf8');
    for (const secret of [cpr, 'Klartekstfornavn', 'klartekstfornavn', 'Klartekstefternavn']) expect(log).not.toContain(secret);
  });
});
