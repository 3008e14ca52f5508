import { randomUUID } from 'node:crypto';
import type { AccessHistoryCitizen, AccessLogEntry } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { createCitizen, freshCpr } from './support/fixtures';
import { call, closeDb, db, listPath } from './support/http';

afterAll(closeDb);

const LOOKUP = '/api/citizens/access-history/lookup';
type Found = { citizens: AccessHistoryCitizen[] };

async function lastEntry(userId: string): Promise<Record<string, unknown> | undefined> {
  const rows = await db().query('SELECT * FROM access_log WHERE user_id = $1 ORDER BY seq DESC LIMIT 1', [userId]);
  return rows.rows[0];
}

/** A surname no other test uses: one word, letters only (names are found by whole words). */
const uniqueSurname = (): string => `Opslag${randomUUID().replace(/[^a-f]/g, '').slice(0, 10)}`;

// "Who has seen this citizen", for the admin: the citizen is looked up by name or CPR in a POST body,
// the lookup logged as a search of citizens; the log is then filtered on the id the lookup gave.
describe('the admin looks a citizen up for the access history', () => {
  it('finds a citizen by whole name words, answers name and birth year only, and logs the lookup without the text', async () => {
    const surname = uniqueSurname();
    const citizen = await createCitizen('aarhus', { firstName: 'Inger', lastName: surname });

    const sut = await call<Found>('POST', LOOKUP, { q: `inger ${surname.toLowerCase()}` }, { as: 'admin@aarhus.demo' });

    expect(sut.status).toBe(200);
    expect(sut.body.citizens).toEqual([{ id: citizen.id, firstName: 'Inger', lastName: surname, birthYear: citizen.birthYear }]);
    const logged = await lastEntry(DEMO_IDS.users.aarhus.admin);
    expect(logged).toMatchObject({ action: 'search', resource: 'citizens', citizen_id: citizen.id, outcome: 'ok' });
    expect(JSON.parse(logged?.['criterion'] as string)).toMatchObject({ fields: ['q'], values: { q: { words: 2, cpr: false } } });
    expect(JSON.stringify(logged)).not.toContain(surname);
  });

  it('finds a citizen by CPR number and logs that a CPR number was searched, never the number', async () => {
    const cpr = freshCpr();
    const citizen = await createCitizen('aarhus', { cpr, firstName: 'Karl', lastName: uniqueSurname() });

    const sut = await call<Found>('POST', LOOKUP, { q: `${cpr.slice(0, 6)}-${cpr.slice(-4)}` }, { as: 'admin@aarhus.demo' });

    expect(sut.status).toBe(200);
    expect(sut.body.citizens.map((c) => c.id)).toEqual([citizen.id]);
    const logged = await lastEntry(DEMO_IDS.users.aarhus.admin);
    expect(JSON.parse(logged?.['criterion'] as string)).toMatchObject({ values: { q: { words: 1, cpr: true } } });
    expect(JSON.stringify(logged)).not.toContain(cpr.slice(-4));
  });

  it('then finds who has seen the citizen in the log by the id the lookup gave', async () => {
    const surname = uniqueSurname();
    const citizen = await createCitizen('aarhus', { firstName: 'Lis', lastName: surname });
    await call('GET', `/api/citizens/${citizen.id}`, undefined, { as: 'staff@aarhus.demo' });
    const found = await call<Found>('POST', LOOKUP, { q: surname }, { as: 'admin@aarhus.demo' });
    const id = found.body.citizens[0]?.id;
    expect(id).toBe(citizen.id);

    const log = await call<AccessLogEntry[]>('GET', listPath('access-log', { filter: { citizenId: id }, range: [0, 49] }), undefined, { as: 'admin@aarhus.demo' });

    expect(log.status).toBe(200);
    // The staff member's create and read, and the admin's own lookup.
    expect(log.body.filter((e) => e.userId === DEMO_IDS.users.aarhus.staff).map((e) => e.action).sort()).toEqual(['create', 'read']);
    expect(log.body.filter((e) => e.userId === DEMO_IDS.users.aarhus.admin).map((e) => e.action)).toEqual(['search']);
  });

  it('finds nobody of another municipality', async () => {
    const surname = uniqueSurname();
    await createCitizen('odense', { firstName: 'Ole', lastName: surname });
    const sut = await call<Found>('POST', LOOKUP, { q: surname }, { as: 'admin@aarhus.demo' });
    expect(sut.status).toBe(200);
    expect(sut.body.citizens).toEqual([]);
  });

  it.each([
    ['an empty text', { q: '' }],
    ['punctuation only', { q: '--- ,,' }],
    ['digits that are not 10', { q: '12345' }],
    ['no q', {}],
    ['q not text', { q: 42 }],
  ])('answers 400 naming q with a rule the web shows in Danish, for %s', async (_, body) => {
    const sut = await call<{ code: string; errors: Record<string, string> }>('POST', LOOKUP, body, { as: 'admin@aarhus.demo' });
    expect(sut.status).toBe(400);
    expect(sut.body.code).toBe('VALIDATION_FAILED');
    expect(sut.body.errors['q']).toBe('q must be a name or a CPR number of 10 digits');
  });

  it('answers 400 naming q for a CPR number whose date does not exist', async () => {
    const sut = await call<{ errors: Record<string, string> }>('POST', LOOKUP, { q: '3102801234' }, { as: 'admin@aarhus.demo' });
    expect(sut.status).toBe(400);
    expect(Object.keys(sut.body.errors)).toEqual(['q']);
  });

  it('is refused to staff, who see a citizen’s history on the citizen page', async () => {
    const sut = await call('POST', LOOKUP, { q: 'Inger' }, { as: 'staff@aarhus.demo' });
    expect(sut.status).toBe(403);
  });
});
