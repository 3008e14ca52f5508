import { NATIONAL_PROGRAMME_IDS } from '@outcomes/contracts';
import type { Programme } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { call, closeDb, listPath } from './support/http';

afterAll(closeDb);

// Other tests add programmes of their own; these look at the national catalogue only.
const catalogue = { code: ['HCS', 'ICM', 'MOVE', 'OUTREACH', 'SMART'] };

describe('the programme catalogue', () => {
  it('lists the five programmes with a Content-Range total', async () => {
    const sut = await call<Programme[]>('GET', listPath('programmes', { sort: ['code', 'ASC'], range: [0, 24], filter: catalogue }));
    expect(sut.status).toBe(200);
    expect(sut.headers.get('content-range')).toBe('programmes 0-4/5');
    expect(sut.body.map((p) => p.code)).toEqual(['HCS', 'ICM', 'MOVE', 'OUTREACH', 'SMART']);
  });

  it('has the ids the contracts name for it (the web’s group forms default to them)', async () => {
    const sut = await call<Programme[]>('GET', listPath('programmes', { sort: ['code', 'ASC'], range: [0, 24], filter: catalogue }));
    expect(Object.fromEntries(sut.body.map((p) => [p.code, p.id]))).toEqual({
      HCS: NATIONAL_PROGRAMME_IDS.hcs, ICM: NATIONAL_PROGRAMME_IDS.icm, MOVE: NATIONAL_PROGRAMME_IDS.move, OUTREACH: NATIONAL_PROGRAMME_IDS.outreach, SMART: NATIONAL_PROGRAMME_IDS.smart,
    });
  });

  it('carries each protocol as data', async () => {
    const move = await call<Programme>('GET', `/api/programmes/${DEMO_IDS.programmes.move}`);
    expect(move.body).toMatchObject({ format: 'individual', expectedSessions: 12, followUpMonths: [6], minAge: 15, maxAge: 25 });
    const hcs = await call<Programme>('GET', `/api/programmes/${DEMO_IDS.programmes.hcs}`);
    expect(hcs.body).toMatchObject({ format: 'closed-group', expectedSessions: 16, courseWeeks: 16, followUpMonths: [3, 6], minAge: 18 });
  });

  it('pages with range and reports the slice in Content-Range', async () => {
    const sut = await call<Programme[]>('GET', listPath('programmes', { sort: ['code', 'DESC'], range: [1, 2], filter: catalogue }));
    expect(sut.headers.get('content-range')).toBe('programmes 1-2/5');
    expect(sut.body.map((p) => p.code)).toEqual(['OUTREACH', 'MOVE']);
  });

  it('filters with ranges on numbers', async () => {
    const sut = await call<Programme[]>('GET', listPath('programmes', { filter: { ...catalogue, minAge_lte: 15 } }));
    expect(sut.body.map((p) => p.code)).toEqual(['MOVE']);
  });

  it('refuses a programme whose age range is inverted, naming maxAge, and writes nothing', async () => {
    const sut = await call<{ code: string; errors: Record<string, string> }>('POST', '/api/programmes', {
      code: 'YOUTH2',
      name: 'Inverted ages',
      format: 'individual',
      minAge: 30,
      maxAge: 18,
    });
    expect(sut.status).toBe(400);
    expect(sut.body.errors).toEqual({ maxAge: 'maxAge must be greater than or equal to minAge' });
    const after = await call<Programme[]>('GET', listPath('programmes', { filter: { code: 'YOUTH2' } }));
    expect(after.body).toEqual([]);
  });

  it('lets a municipality add a programme of its own and edit it with its version', async () => {
    const created = await call<Programme>('POST', '/api/programmes', {
      code: 'NIGHT',
      name: 'Natcafé-kontakt',
      format: 'outreach',
      followUpMonths: [3],
      minAge: 18,
      maxAge: null,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ version: 1, followUpWindowDays: 30, active: true, courseWeeks: null });
    expect(created.body.municipalityId).toBe(DEMO_IDS.municipalities.aarhus); // an admin's programme is local
    const { id, createdAt: _c, updatedAt: _u, municipalityId: _m, ...rest } = created.body;
    const updated = await call<Programme>('PUT', `/api/programmes/${id}`, { ...rest, id: undefined, followUpMonths: [3, 6] });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ version: 2, followUpMonths: [3, 6] });
    const deleted = await call<Programme>('DELETE', `/api/programmes/${id}`);
    expect(deleted.body.code).toBe('NIGHT');
  });
});
