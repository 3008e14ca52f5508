import { randomUUID } from 'node:crypto';
import type { ApiErrorBody, Centre, Municipality } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { createOperator } from './support/fixtures';
import { call, closeDb, countRows, listPath, tokenFor } from './support/http';

afterAll(closeDb);

const aarhus = DEMO_IDS.municipalities.aarhus;
const unique = (label: string): string => `${label} ${randomUUID().slice(0, 8)}`;

async function createCentre(input: Partial<Centre> = {}): Promise<Centre> {
  const res = await call<Centre>('POST', '/api/centres', { municipalityId: aarhus, name: unique('Centre'), ...input });
  expect(res.status).toBe(201);
  return res.body;
}

/** What react-admin's edit form sends back: the whole record as it was read, with changes. */
function editable(record: Centre): Omit<Centre, 'id' | 'createdAt' | 'updatedAt'> {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = record;
  return rest;
}

describe('centres: create, read, list, update, delete', () => {
  it('creates a centre with defaults and reads it back', async () => {
    const sut = await createCentre({ address: 'Testvej 1, 8000 Aarhus C', email: 'test@example.org' });
    expect(sut).toMatchObject({ municipalityId: aarhus, version: 1, active: true, phone: null });
    const read = await call<Centre>('GET', `/api/centres/${sut.id}`);
    expect(read.body).toEqual(sut);
  });

  it('lists centres of one municipality, searched by words, with Content-Range', async () => {
    const name = unique('Søgbar Nord');
    const mine = await createCentre({ name });
    const sut = await call<Centre[]>('GET', listPath('centres', { filter: { municipalityId: aarhus, q: `søgbar ${name.split(' ')[2]}` }, sort: ['name', 'ASC'], range: [0, 9] }));
    expect(sut.status).toBe(200);
    expect(sut.body.map((c) => c.id)).toEqual([mine.id]);
    expect(sut.headers.get('content-range')).toBe('centres 0-0/1');
  });

  it('answers getMany (an id array without range) with every id asked for', async () => {
    const a = await createCentre();
    const b = await createCentre();
    const sut = await call<Centre[]>('GET', listPath('centres', { filter: { id: [a.id, b.id, DEMO_IDS.centres.odenseSyd] } }));
    expect(sut.body.map((c) => c.id).sort()).toEqual([a.id, b.id, DEMO_IDS.centres.odenseSyd].sort());
  });

  it('updates with the current version and bumps it', async () => {
    const centre = await createCentre();
    const sut = await call<Centre>('PUT', `/api/centres/${centre.id}`, { ...editable(centre), name: `${centre.name} (ny)` });
    expect(sut.status).toBe(200);
    expect(sut.body).toMatchObject({ name: `${centre.name} (ny)`, version: 2 });
    expect(new Date(sut.body.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(centre.updatedAt).getTime());
  });

  it('answers 409 to a stale version and keeps the first edit', async () => {
    const centre = await createCentre();
    const first = await call('PUT', `/api/centres/${centre.id}`, { ...editable(centre), name: 'First editor' });
    expect(first.status).toBe(200);
    const sut = await call<ApiErrorBody>('PUT', `/api/centres/${centre.id}`, { ...editable(centre), name: 'Second editor' });
    expect(sut.status).toBe(409);
    expect(sut.body.code).toBe('VERSION_CONFLICT');
    const read = await call<Centre>('GET', `/api/centres/${centre.id}`);
    expect(read.body.name).toBe('First editor');
  });

  it('deletes and answers the deleted record; then 404', async () => {
    const centre = await createCentre();
    const sut = await call<Centre>('DELETE', `/api/centres/${centre.id}`);
    expect(sut.status).toBe(200);
    expect(sut.body.id).toBe(centre.id);
    expect((await call('GET', `/api/centres/${centre.id}`)).status).toBe(404);
    expect((await call('DELETE', `/api/centres/${centre.id}`)).status).toBe(404);
  });
});

describe('centres: bad input gets a 400 naming the field and writes nothing', () => {
  it.each([
    ['missing name', { municipalityId: aarhus }, 'name'],
    ['empty name', { municipalityId: aarhus, name: '   ' }, 'name'],
    ['name too long', { municipalityId: aarhus, name: 'x'.repeat(201) }, 'name'],
    ['municipalityId not a UUID', { municipalityId: 'aarhus', name: 'X' }, 'municipalityId'],
    ['unknown municipality', { municipalityId: randomUUID(), name: unique('X') }, 'municipalityId'],
    ['bad e-mail', { municipalityId: aarhus, name: unique('X'), email: 'not-an-email' }, 'email'],
    ['bad phone', { municipalityId: aarhus, name: unique('X'), phone: '<script>' }, 'phone'],
    ['active as a string', { municipalityId: aarhus, name: unique('X'), active: 'yes' }, 'active'],
    ['an unknown field', { municipalityId: aarhus, name: unique('X'), municipality_id: aarhus }, 'municipality_id'],
    ['a read-only field', { municipalityId: aarhus, name: unique('X'), version: 7 }, 'version'],
    ['not JSON', '{"name": ', 'body'],
  ])('%s', async (_label, body, field) => {
    const before = await countRows('centre');
    const sut = await call<ApiErrorBody>('POST', '/api/centres', body);
    expect(sut.status).toBe(400);
    expect(sut.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(sut.body.errors ?? {})).toContain(field);
    expect(sut.body.message).toContain(field);
    expect(JSON.stringify(sut.body)).not.toMatch(/stack|at \w+ \(|SELECT|INSERT/);
    expect(await countRows('centre')).toBe(before);
  });

  it('refuses a PUT without a version', async () => {
    const centre = await createCentre();
    const { version: _v, ...rest } = editable(centre);
    const sut = await call<ApiErrorBody>('PUT', `/api/centres/${centre.id}`, rest);
    expect(sut.status).toBe(400);
    expect(sut.body.errors).toHaveProperty('version');
  });

  it('answers 409 to a second centre with the same name in a municipality', async () => {
    const centre = await createCentre();
    const sut = await call<ApiErrorBody>('POST', '/api/centres', { municipalityId: aarhus, name: centre.name });
    expect(sut.status).toBe(409);
    expect(sut.body.code).toBe('DUPLICATE');
    expect(sut.body.errors).toHaveProperty('name');
  });

  it('answers 400 to an id that is not a UUID and 404 to an unknown one', async () => {
    const bad = await call<ApiErrorBody>('GET', '/api/centres/42');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual({ id: 'must be a UUID' });
    expect((await call('GET', `/api/centres/${randomUUID()}`)).status).toBe(404);
  });
});

describe('list queries: bad sort, range or filter is a 400, not a 500', () => {
  it.each([
    ['sort', { sort: '["password","ASC"]' }],
    ['sort', { sort: 'name' }],
    ['range', { range: '[0,100000]' }],
    ['range', { range: '["a","b"]' }],
    ['filter', { filter: '{"municipalityId":"x"}' }],
    ['filter', { filter: '{"name; DROP TABLE centre":1}' }],
    ['filter', { filter: 'not json' }],
  ])('%s %j', async (parameter, params) => {
    const sut = await call<ApiErrorBody>('GET', listPath('centres', params));
    expect(sut.status).toBe(400);
    expect(sut.body.code).toBe('BAD_LIST_QUERY');
    expect(sut.body.errors).toHaveProperty(parameter);
  });

  it('refuses an unknown query parameter', async () => {
    const sut = await call<ApiErrorBody>('GET', '/api/centres?limit=5');
    expect(sut.status).toBe(400);
    expect(sut.body.errors).toHaveProperty('limit');
  });

  it('treats LIKE wildcards in a search as plain characters', async () => {
    const sut = await call<Centre[]>('GET', listPath('centres', { filter: { q: '%' } }));
    expect(sut.status).toBe(200);
    expect(sut.body).toEqual([]);
  });
});

describe('municipalities, as the national operator governs them', () => {
  let operator: string;
  beforeAll(async () => {
    const made = createOperator();
    await tokenFor(made.email, made.password);
    operator = made.email;
  });

  it('refuses to delete a municipality that still has centres (409) and keeps it', async () => {
    const sut = await call<ApiErrorBody>('DELETE', `/api/municipalities/${DEMO_IDS.municipalities.odense}`, undefined, { as: operator });
    expect(sut.status).toBe(409);
    expect(sut.body.code).toBe('STILL_REFERENCED');
    expect((await call('GET', `/api/municipalities/${DEMO_IDS.municipalities.odense}`)).status).toBe(200);
  });

  it('answers 409 to a duplicate municipality code, naming code', async () => {
    const sut = await call<ApiErrorBody>('POST', '/api/municipalities', { code: '751', name: 'Another Aarhus' }, { as: operator });
    expect(sut.status).toBe(409);
    expect(sut.body.errors).toHaveProperty('code');
  });

  it('creates, renames and deletes a municipality without centres', async () => {
    const code = '999'; // a fresh test database holds only the demo codes 751 and 461
    const created = await call<Municipality>('POST', '/api/municipalities', { code, name: 'Testkommune' }, { as: operator });
    expect(created.status).toBe(201);
    const renamed = await call<Municipality>('PUT', `/api/municipalities/${created.body.id}`, { code, name: 'Testkommune 2', version: 1 }, { as: operator });
    expect(renamed.body.name).toBe('Testkommune 2');
    expect((await call('DELETE', `/api/municipalities/${created.body.id}`, undefined, { as: operator })).status).toBe(200);
  });
});
