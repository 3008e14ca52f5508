import { randomUUID } from 'node:crypto';
import type { ApiErrorBody, Enrolment } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { createCitizen, staff, youngCpr } from './support/fixtures';
import { call, closeDb, db, listPath } from './support/http';
import { today as todayIso } from './support/dates';

afterAll(closeDb);

const P = DEMO_IDS.programmes;
const centre = DEMO_IDS.centres.aarhusCentrum;

async function refer(citizenId: string, programmeId: string, extra: Record<string, unknown> = {}) {
  return call<Enrolment & ApiErrorBody>('POST', '/api/enrolments', { citizenId, programmeId, centreId: centre, referralDate: todayIso(), ...extra }, { as: staff.aarhus });
}

const move = (e: Enrolment, to: string, extra: Record<string, unknown> = {}) =>
  call<Enrolment & ApiErrorBody>('POST', `/api/enrolments/${e.id}/transitions`, { to, date: todayIso(), version: e.version, ...extra }, { as: staff.aarhus });


describe('enrolments', () => {
  it('refers, starts and completes, recording who and when for each step', async () => {
    const citizen = await createCitizen('aarhus', { cpr: youngCpr });
    const referred = await refer(citizen.id, P.move);
    expect(referred.status).toBe(201);
    expect(referred.body).toMatchObject({ state: 'referred', staffUserId: DEMO_IDS.users.aarhus.staff, municipalityId: DEMO_IDS.municipalities.aarhus });
    const active = await move(referred.body, 'active');
    expect(active.body).toMatchObject({ state: 'active', startDate: todayIso() });
    const done = await move(active.body, 'completed', { reason: 'Forløb gennemført', endStatus: 'drug_free' });
    expect(done.body).toMatchObject({ state: 'completed', endDate: todayIso(), endReason: 'Forløb gennemført', endStatus: 'drug_free' });
    expect(done.body.transitions.map((t) => `${t.from}->${t.to}`)).toEqual(['null->referred', 'referred->active', 'active->completed']);
    expect(done.body.transitions.every((t) => t.userId === DEMO_IDS.users.aarhus.staff)).toBe(true);
  });

  it('answers an illegal transition with 409 naming the allowed ones', async () => {
    const citizen = await createCitizen('aarhus', { cpr: youngCpr });
    const referred = (await refer(citizen.id, P.move)).body;
    const sut = await move(referred, 'completed');
    expect(sut.status).toBe(409);
    expect(sut.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', allowed: ['active', 'cancelled'] });
  });

  it('allows one open enrolment per citizen and programme', async () => {
    const citizen = await createCitizen('aarhus', { cpr: youngCpr });
    expect((await refer(citizen.id, P.move)).status).toBe(201);
    const sut = await refer(citizen.id, P.move);
    expect(sut.status).toBe(409);
    expect(sut.body.code).toBe('DUPLICATE');
    expect((await refer(citizen.id, P.icm)).status).toBe(201);
  });

  it('refuses an ineligible age with 422 naming the rule, and accepts a written override, keeping it', async () => {
    const citizen = await createCitizen('aarhus'); // born 1961: too old for MOVE
    const refused = await refer(citizen.id, P.move);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'NOT_ELIGIBLE', failures: [expect.objectContaining({ rule: 'age-above-maximum' })] });
    const overridden = await refer(citizen.id, P.move, { eligibilityOverride: 'Vurderet egnet af teamet trods alder' });
    expect(overridden.status).toBe(201);
    expect(overridden.body.eligibilityOverride).toBe('Vurderet egnet af teamet trods alder');
  });

  it('requires SMART Recovery’s attestations of its target group', async () => {
    const citizen = await createCitizen('aarhus');
    const refused = await refer(citizen.id, P.smart, { attestations: ['finished-treatment'] });
    expect(refused.status).toBe(422);
    expect(refused.body.failures?.map((f) => f.rule)).toEqual(['attestation-missing:drug-free-or-stable-substitution']);
    expect((await refer(citizen.id, P.smart, { attestations: ['finished-treatment', 'drug-free-or-stable-substitution'] })).status).toBe(201);
  });

  it.each([
    ['an unknown programme', { programmeId: randomUUID() }, 'programmeId'],
    ['an unknown centre', { centreId: randomUUID() }, 'centreId'],
    ['a centre of another municipality', { centreId: DEMO_IDS.centres.odenseSyd }, 'centreId'],
    ['a date before birth', { referralDate: '1950-01-01' }, 'referralDate'],
    ['a date far in the future', { referralDate: '2099-01-01' }, 'referralDate'],
    ['an impossible date', { referralDate: '2026-02-30' }, 'referralDate'],
    ['an unknown attestation', { attestations: ['sober'] }, 'attestations'],
  ])('refuses %s with 400 naming the field, writing nothing', async (_label, extra, field) => {
    const citizen = await createCitizen('aarhus', { cpr: youngCpr });
    const before = Number((await db().query<{ n: string }>('SELECT count(*) AS n FROM enrolment')).rows[0]?.n);
    const sut = await refer(citizen.id, P.icm, extra);
    expect(sut.status).toBe(400);
    expect(sut.body.errors).toHaveProperty(field);
    expect(Number((await db().query<{ n: string }>('SELECT count(*) AS n FROM enrolment')).rows[0]?.n)).toBe(before);
  });

  it('refuses a citizen of another municipality', async () => {
    const theirs = await createCitizen('odense');
    const sut = await refer(theirs.id, P.icm);
    expect(sut.status).toBe(400);
    expect(sut.body.errors).toHaveProperty('citizenId');
  });

  it('lists a citizen’s enrolments for the timeline, and answers 409 to a stale version', async () => {
    const citizen = await createCitizen('aarhus', { cpr: youngCpr });
    const e = (await refer(citizen.id, P.move)).body;
    const list = await call<Enrolment[]>('GET', listPath('enrolments', { filter: { citizenId: citizen.id } }), undefined, { as: staff.aarhus });
    expect(list.body.map((x) => x.id)).toEqual([e.id]);
    await move(e, 'active');
    const stale = await move(e, 'cancelled');
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
  });
});
