import { randomUUID } from 'node:crypto';
import type { LikelyDuplicate } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { createCitizen } from './support/fixtures';
import { call, closeDb, db } from './support/http';

afterAll(closeDb);

const PATH = '/api/citizens/likely-duplicates';
type Found = { citizens: LikelyDuplicate[] };

/** A surname no other test uses: one word, letters only (names are matched by whole words). */
const uniqueSurname = (): string => `Dublet${randomUUID().replace(/[^a-f]/g, '').slice(0, 10)}`;

const ask = (body: Record<string, unknown>, as = 'staff@aarhus.demo') => call<Found>('POST', PATH, body, { as });

// Issue 22: before a citizen without a CPR number is registered, the form offers who may already be
// registered as the same person. Matching is by whole name words (keyed hashes), birth year and sex.
describe('likely duplicates of a citizen about to be registered without a CPR number', () => {
  it('offers the citizen with the same name, birth year and sex, as name, birth year, sex and whether a CPR number is held', async () => {
    const surname = uniqueSurname();
    const first = await createCitizen('aarhus', { cpr: null, firstName: 'Rest', lastName: surname, birthYear: 1985, sex: 'female' });

    const sut = await ask({ firstName: 'rest', lastName: surname.toUpperCase(), birthYear: 1985, sex: 'female' });

    expect(sut.status).toBe(200);
    expect(sut.body.citizens).toEqual([{ id: first.id, firstName: 'Rest', lastName: surname, birthYear: 1985, sex: 'female', hasCpr: false, sharedNameWords: 2 }]);
  });

  it('does not offer one whose birth year or sex contradicts the form, and ranks the closest first', async () => {
    const surname = uniqueSurname();
    const sameYear = await createCitizen('aarhus', { cpr: null, firstName: 'Mona', lastName: surname, birthYear: 1990, sex: 'female' });
    await createCitizen('aarhus', { cpr: null, firstName: 'Mona', lastName: surname, birthYear: 1991, sex: 'female' });
    await createCitizen('aarhus', { cpr: null, firstName: 'Mona', lastName: surname, birthYear: 1990, sex: 'male' });
    const unknownYear = await createCitizen('aarhus', { cpr: null, firstName: 'Mona', lastName: surname, sex: 'female' });
    const surnameOnly = await createCitizen('aarhus', { cpr: null, firstName: 'Anna', lastName: surname, birthYear: 1990, sex: 'female' });

    const sut = await ask({ firstName: 'Mona', lastName: surname, birthYear: 1990, sex: 'female' });

    expect(sut.status).toBe(200);
    // Both words and the year first, then both words with the year unknown, then one word.
    expect(sut.body.citizens.map((c) => c.id)).toEqual([sameYear.id, unknownYear.id, surnameOnly.id]);
    expect(sut.body.citizens.map((c) => c.sharedNameWords)).toEqual([2, 2, 1]);
  });

  it('offers a citizen registered with a CPR number too, without the number', async () => {
    const surname = uniqueSurname();
    // A first name of its own too: one shared name word is a match, and other tests register a 'Bo'.
    const firstName = `Bo${uniqueSurname()}`;
    const known = await createCitizen('aarhus', { firstName, lastName: surname });

    const sut = await ask({ firstName, lastName: surname });

    expect(sut.body.citizens.map((c) => [c.id, c.hasCpr])).toEqual([[known.id, true]]);
    expect(JSON.stringify(sut.body)).not.toMatch(/cpr"\s*:\s*"/i);
  });

  it("never offers another municipality's citizen", async () => {
    const surname = uniqueSurname();
    await createCitizen('odense', { cpr: null, firstName: 'Ole', lastName: surname, birthYear: 1970, sex: 'male' });

    const sut = await ask({ firstName: 'Ole', lastName: surname, birthYear: 1970, sex: 'male' });

    expect(sut.status).toBe(200);
    expect(sut.body.citizens).toEqual([]);
  });

  it('logs the question as a search of citizens carrying everyone offered, never the name', async () => {
    const surname = uniqueSurname();
    const a = await createCitizen('aarhus', { cpr: null, firstName: 'Kaj', lastName: surname, birthYear: 1960, sex: 'male' });
    const b = await createCitizen('aarhus', { cpr: null, firstName: 'Kaj', lastName: surname, birthYear: 1960, sex: 'male' });

    await ask({ firstName: 'Kaj', lastName: surname, birthYear: 1960, sex: 'male' });

    const rows = await db().query('SELECT * FROM access_log WHERE user_id = $1 ORDER BY seq DESC LIMIT 1', [DEMO_IDS.users.aarhus.staff]);
    const logged = rows.rows[0] as Record<string, unknown>;
    expect(logged).toMatchObject({ action: 'search', resource: 'citizens', outcome: 'ok' });
    expect([...(logged['citizen_ids'] as string[])].sort()).toEqual([a.id, b.id].sort());
    expect(JSON.stringify(logged)).not.toContain(surname);
  });

  it.each([
    ['no lastName', { firstName: 'Eva' }, 'lastName'],
    ['an empty firstName', { firstName: '', lastName: 'Hansen' }, 'firstName'],
    ['a birth year before 1900', { firstName: 'Eva', lastName: 'Hansen', birthYear: 1850 }, 'birthYear'],
    ['a sex outside the list', { firstName: 'Eva', lastName: 'Hansen', sex: 'x' }, 'sex'],
  ])('answers 400 naming the field for %s', async (_, body, field) => {
    const sut = await call<{ errors?: Record<string, string> }>('POST', PATH, body, { as: 'staff@aarhus.demo' });
    expect(sut.status).toBe(400);
    expect(Object.keys(sut.body.errors ?? {})).toContain(field);
  });

  it('is not for roles that do not register citizens', async () => {
    const sut = await ask({ firstName: 'Eva', lastName: 'Hansen' }, 'evaluator@aarhus.demo');
    expect(sut.status).toBe(403);
  });
});
