import type { Enrolment, YouthConsent, YouthConsentStatus } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { daysFromToday, today } from './support/dates';
import { createCitizen, sixteenYearOldCpr, staff } from './support/fixtures';
import { asAppRole, call, closeDb, db } from './support/http';

/**
 * Treatment of someone under 18 needs a custodial parent's consent, and from 15 also the young
 * person's own, recorded before the start (Barnets lov § 33; docs/domain.md). Ages are chosen by hand:
 * a citizen born in the first ten months of 2010 is 16 on every day of December 2026 and the months
 * around it, so the expectations hold whenever the suite runs near now.
 */

const referredToMove = async (): Promise<Enrolment> => {
  const citizen = await createCitizen('aarhus', { cpr: sixteenYearOldCpr });
  const res = await call<Enrolment>('POST', '/api/enrolments', { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.move, centreId: DEMO_IDS.centres.aarhusCentrum, referralDate: daysFromToday(-5) }, { as: staff.aarhus });
  if (res.status !== 201) throw new Error(`referring answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
};

const start = (e: Enrolment, date = daysFromToday(-2)) =>
  call<Enrolment & { code?: string; failures?: { rule: string }[]; errors?: Record<string, string> }>('POST', `/api/enrolments/${e.id}/transitions`, { to: 'active', date, version: e.version }, { as: staff.aarhus });

const consent = (body: Record<string, unknown>, as: string = staff.aarhus) =>
  call<YouthConsent & { errors?: Record<string, string> }>('POST', '/api/youth-consents', body, { as });

afterAll(closeDb);

describe('consent before a young person’s treatment starts', () => {
  it('refuses to start a 16-year-old’s MOVE course with no consent, naming both consents', async () => {
    const enrolment = await referredToMove();
    const res = await start(enrolment);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('YOUTH_CONSENT_MISSING');
    expect(res.body.failures?.map((f) => f.rule)).toEqual(['consent-missing:custodial-parent', 'consent-missing:young-person']);
    const after = await call<Enrolment>('GET', `/api/enrolments/${enrolment.id}`, undefined, { as: staff.aarhus });
    expect(after.body.state).toBe('referred');
  });

  it('still refuses with only the parent’s consent, and starts once the young person’s own is recorded', async () => {
    const enrolment = await referredToMove();
    expect((await consent({ enrolmentId: enrolment.id, kind: 'custodial-parent', givenBy: 'Hanne Mor', givenOn: daysFromToday(-3) })).status).toBe(201);
    const refused = await start(enrolment);
    expect(refused.status).toBe(422);
    expect(refused.body.failures?.map((f) => f.rule)).toEqual(['consent-missing:young-person']);

    const own = await consent({ enrolmentId: enrolment.id, kind: 'young-person', givenOn: daysFromToday(-3) });
    expect(own.status).toBe(201);
    expect(own.body.givenBy).toBeNull();
    const started = await start(enrolment);
    expect(started.status).toBe(200);
    expect(started.body.state).toBe('active');
  });

  it('does not count a consent given after the start date', async () => {
    const enrolment = await referredToMove();
    await consent({ enrolmentId: enrolment.id, kind: 'custodial-parent', givenBy: 'Hanne Mor', givenOn: daysFromToday(-1) });
    await consent({ enrolmentId: enrolment.id, kind: 'young-person', givenOn: daysFromToday(-1) });
    const res = await start(enrolment, daysFromToday(-2));
    expect(res.status).toBe(422);
    expect(res.body.failures).toHaveLength(2);
    expect((await start(enrolment, daysFromToday(-1))).status).toBe(200);
  });

  it('does not count a withdrawn consent, and keeps it on record', async () => {
    const enrolment = await referredToMove();
    const parent = await consent({ enrolmentId: enrolment.id, kind: 'custodial-parent', givenBy: 'Hanne Mor', givenOn: daysFromToday(-4) });
    await consent({ enrolmentId: enrolment.id, kind: 'young-person', givenOn: daysFromToday(-3) });
    const withdrawn = await call<YouthConsent>('POST', `/api/youth-consents/${parent.body.id}/withdrawal`, { withdrawnOn: daysFromToday(-3), version: parent.body.version }, { as: staff.aarhus });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.withdrawnOn).toBe(daysFromToday(-3));
    expect((await start(enrolment)).body.failures?.map((f) => f.rule)).toEqual(['consent-missing:custodial-parent']);

    const status = await call<YouthConsentStatus>('GET', `/api/youth-consents/status/${enrolment.id}`, undefined, { as: staff.aarhus });
    expect(status.body).toMatchObject({ required: true, ageOnDate: 16, onDate: today(), missing: ['custodial-parent'] });
    const list = await call<YouthConsent[]>('GET', `/api/youth-consents?filter=${encodeURIComponent(JSON.stringify({ enrolmentId: enrolment.id }))}`, undefined, { as: staff.aarhus });
    expect(list.body.map((c) => [c.kind, c.givenBy, c.withdrawnOn])).toEqual([
      ['custodial-parent', 'Hanne Mor', daysFromToday(-3)],
      ['young-person', null, null],
    ]);
    // Withdrawn once is withdrawn: a second withdrawal, or one on the old version, is a conflict.
    expect((await call('POST', `/api/youth-consents/${parent.body.id}/withdrawal`, { withdrawnOn: today(), version: withdrawn.body.version }, { as: staff.aarhus })).status).toBe(409);
    expect((await call('POST', `/api/youth-consents/${parent.body.id}/withdrawal`, { withdrawnOn: today(), version: parent.body.version }, { as: staff.aarhus })).status).toBe(409);
  });

  it('asks nothing of an adult: the status says not required', async () => {
    const citizen = await createCitizen('aarhus');
    const referred = await call<Enrolment>('POST', '/api/enrolments', { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.icm, centreId: DEMO_IDS.centres.aarhusCentrum, referralDate: daysFromToday(-5) }, { as: staff.aarhus });
    const status = await call<YouthConsentStatus>('GET', `/api/youth-consents/status/${referred.body.id}`, undefined, { as: staff.aarhus });
    expect(status.body).toMatchObject({ required: false, missing: [] });
    expect((await start(referred.body)).status).toBe(200);
  });
});

describe('bad consents are refused with the field and the rule, and nothing is written', () => {
  let enrolment: Enrolment;
  beforeAll(async () => {
    enrolment = await referredToMove();
  });

  it.each([
    ['a parent’s consent without the parent’s name', { kind: 'custodial-parent', givenOn: daysFromToday(-1) }, 'givenBy'],
    ['the young person’s own consent with a parent’s name', { kind: 'young-person', givenBy: 'Hanne Mor', givenOn: daysFromToday(-1) }, 'givenBy'],
    ['an unknown kind', { kind: 'grandparent', givenBy: 'Bedste', givenOn: daysFromToday(-1) }, 'kind'],
    ['a date after today', { kind: 'young-person', givenOn: daysFromToday(1) }, 'givenOn'],
    ['a date that is not a date', { kind: 'young-person', givenOn: '6.12.2026' }, 'givenOn'],
    ['the own consent of someone not yet 15 on the day', { kind: 'young-person', givenOn: '2024-12-31' }, 'givenOn'],
  ])('%s', async (_what, body, field) => {
    const before = (await db().query<{ n: string }>('SELECT count(*) AS n FROM youth_consent WHERE enrolment_id = $1', [enrolment.id])).rows[0]?.n;
    const res = await consent({ enrolmentId: enrolment.id, ...body });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors ?? {})).toContain(field);
    const after = (await db().query<{ n: string }>('SELECT count(*) AS n FROM youth_consent WHERE enrolment_id = $1', [enrolment.id])).rows[0]?.n;
    expect(after).toBe(before);
  });

  it('refuses a withdrawal dated before the consent was given', async () => {
    const parent = await consent({ enrolmentId: enrolment.id, kind: 'custodial-parent', givenBy: 'Hanne Mor', givenOn: daysFromToday(-2) });
    const res = await call<{ errors?: Record<string, string> }>('POST', `/api/youth-consents/${parent.body.id}/withdrawal`, { withdrawnOn: daysFromToday(-3), version: parent.body.version }, { as: staff.aarhus });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors ?? {})).toEqual(['withdrawnOn']);
  });
});

describe('the attacker', () => {
  let enrolment: Enrolment;
  let recorded: YouthConsent;
  beforeAll(async () => {
    enrolment = await referredToMove();
    recorded = (await consent({ enrolmentId: enrolment.id, kind: 'custodial-parent', givenBy: 'Hanne Mor', givenOn: daysFromToday(-2) })).body;
  });

  it('in another municipality cannot read, list, withdraw or add to the consents', async () => {
    expect((await call('GET', `/api/youth-consents/${recorded.id}`, undefined, { as: staff.odense })).status).toBe(404);
    expect((await call('GET', `/api/youth-consents/status/${enrolment.id}`, undefined, { as: staff.odense })).status).toBe(404);
    const list = await call<YouthConsent[]>('GET', `/api/youth-consents?filter=${encodeURIComponent(JSON.stringify({ enrolmentId: enrolment.id }))}`, undefined, { as: staff.odense });
    expect(list.body).toEqual([]);
    expect((await call('POST', `/api/youth-consents/${recorded.id}/withdrawal`, { withdrawnOn: today(), version: recorded.version }, { as: staff.odense })).status).toBe(404);
    const added = await consent({ enrolmentId: enrolment.id, kind: 'young-person', givenOn: daysFromToday(-1) }, staff.odense);
    expect(added.status).toBe(400);
    expect(Object.keys(added.body.errors ?? {})).toEqual(['enrolmentId']);
  });

  it('with another role (an evaluator, a coordinator) is refused', async () => {
    expect((await call('GET', `/api/youth-consents/${recorded.id}`, undefined, { as: 'evaluator@aarhus.demo' })).status).toBe(403);
    expect((await call('POST', '/api/youth-consents', { enrolmentId: enrolment.id, kind: 'young-person', givenOn: today() }, { as: 'coordinator@aarhus.demo' })).status).toBe(403);
  });

  it('with the app role’s SQL cannot delete a consent, nor see or write another municipality’s', async () => {
    const settings = { 'app.municipality_id': DEMO_IDS.municipalities.aarhus, 'app.role': 'staff', 'app.user_id': DEMO_IDS.users.aarhus.staff };
    await expect(asAppRole(settings, (c) => c.query('DELETE FROM youth_consent WHERE id = $1', [recorded.id]))).rejects.toThrow(/permission denied/);
    const odense = { ...settings, 'app.municipality_id': DEMO_IDS.municipalities.odense, 'app.user_id': DEMO_IDS.users.odense.staff };
    const seen = await asAppRole(odense, (c) => c.query('SELECT id FROM youth_consent WHERE id = $1', [recorded.id]));
    expect(seen.rowCount).toBe(0);
    const changed = await asAppRole(odense, (c) => c.query(`UPDATE youth_consent SET withdrawn_on = given_on WHERE id = $1`, [recorded.id]));
    expect(changed.rowCount).toBe(0);
  });

  it('leaves a trace: recording and reading a consent are in the access log under the citizen', async () => {
    await call('GET', `/api/youth-consents/${recorded.id}`, undefined, { as: staff.aarhus });
    const { rows } = await db().query<{ action: string; citizen_id: string | null }>(
      `SELECT action, citizen_id FROM access_log WHERE resource = 'youth-consents' AND record_id = $1 AND outcome = 'ok' AND user_id = $2 ORDER BY seq`,
      [recorded.id, DEMO_IDS.users.aarhus.staff],
    );
    expect(rows.map((r) => [r.action, r.citizen_id])).toEqual([
      ['create', enrolment.citizenId],
      ['read', enrolment.citizenId],
    ]);
    // Odense's attempts are in the log too, as not found, without naming the citizen.
    const refused = await db().query<{ outcome: string; citizen_id: string | null }>(
      `SELECT outcome, citizen_id FROM access_log WHERE resource = 'youth-consents' AND record_id = $1 AND user_id = $2`,
      [recorded.id, DEMO_IDS.users.odense.staff],
    );
    expect(refused.rows.length).toBeGreaterThan(0);
    expect(refused.rows.every((r) => r.outcome !== 'ok' && r.citizen_id === null)).toBe(true);
  });
});
