import type { ApiErrorBody, CaseRequest, Enrolment, Referral, ReferralProgress } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { randomUUID } from 'node:crypto';
import { ASI_INTAKE_ITEMS, createCitizen, staff } from './support/fixtures';
import { asAppRole, call, closeDb, db, listPath } from './support/http';
import { daysFromToday, today } from './support/dates';

afterAll(closeDb);

/**
 * Free choice (Serviceloven § 101 stk. 5-7; docs/domain.md "Free choice", decision 101): Aarhus
 * refers its citizen to Odense's treatment place, Odense accepts (its own citizen and enrolment) or
 * declines, Aarhus keeps the decision and follows the course. A third municipality reads nothing;
 * Odense reads nothing of Aarhus's records beyond what the referral shows.
 */

/** libs/domain's asi-scoring.spec.ts complete interview: every item answered, hand-picked values. */
const ASI_COMPLETE = {
  M6: 9, M7: 3, M8: 2,
  E4: 1, E5: 0, E11: 12, E12: 8000, E17: 500,
  D1: 18, D2: 6, D26: 9, D28: 2, D30: 3, D23: 1200,
  D3: 0, D4: 0, D5: 0, D6: 0, D7: 2, D8: 4, D9: 0, D10: 20, D11: 0, D12: 0, D13: 3, D27: 10, D29: 3, D31: 4,
  L24: 1, L27: 5, L28: 2, L29: 1,
  F3: 'no', F18: 1, F19: 'N', F20: 0, F21: 1, F22: 'N', F23: 0, F24: 0, F25: 'N', F26: 0, F30: 6, F32: 2, F34: 1,
  P3: 1, P4: 1, P5: 0, P6: 1, P7: 0, P8: 0, P9: 0, P10: 1, P11: 15, P12: 3, P13: 2,
};
const AARHUS = DEMO_IDS.municipalities.aarhus;
const ODENSE = DEMO_IDS.municipalities.odense;
const ODENSE_SYD = DEMO_IDS.centres.odenseSyd;
type R = Referral & ApiErrorBody;

let third: { email: string; municipalityId: string; userId: string };

beforeAll(async () => {
  // A third municipality with one staff user, made by the owner (only the operator makes municipalities).
  const code = (await db().query<{ code: string }>(
    `SELECT lpad(x::text, 3, '0') AS code FROM generate_series(700, 799) x WHERE NOT EXISTS (SELECT 1 FROM municipality WHERE code = lpad(x::text, 3, '0')) ORDER BY random() LIMIT 1`,
  )).rows[0]?.code as string;
  const municipalityId = (await db().query<{ id: string }>('INSERT INTO municipality (code, name) VALUES ($1, $2) RETURNING id', [code, `Henvisningsby ${code}`])).rows[0]?.id as string;
  const email = `staff-${randomUUID().slice(0, 8)}@third.test`;
  const userId = (await db().query<{ id: string }>(
    `INSERT INTO app_user (municipality_id, email, display_name, role, password_hash)
     SELECT $1, $2, 'Tredje medarbejder', 'staff', password_hash FROM app_user WHERE email = 'staff@odense.demo' RETURNING id`,
    [municipalityId, email],
  )).rows[0]?.id as string;
  third = { email, municipalityId, userId };
});

async function openRequest(requestedOn = daysFromToday(-3), extra: Record<string, unknown> = {}, citizenInput: Record<string, unknown> = {}): Promise<CaseRequest> {
  const citizen = await createCitizen('aarhus', citizenInput);
  const res = await call<CaseRequest>('POST', '/api/case-requests', { citizenId: citizen.id, requestedOn, channel: 'phone', ...extra }, { as: staff.aarhus });
  if (res.status !== 201) throw new Error(`fixture request answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

const refer = (body: Record<string, unknown>, as: string = staff.aarhus) => call<R>('POST', '/api/referrals', body, { as });
const referralCount = async (): Promise<number> => Number((await db().query<{ n: string }>('SELECT count(*) AS n FROM referral')).rows[0]?.n);

async function sent(): Promise<{ request: CaseRequest; referral: Referral }> {
  const request = await openRequest();
  const res = await refer({ citizenId: request.citizenId, caseRequestId: request.id, toCentreId: ODENSE_SYD, referredOn: today(), message: 'Borgeren ønsker behandling tæt på sin søster' });
  if (res.status !== 201) throw new Error(`fixture referral answered ${res.status}: ${JSON.stringify(res.body)}`);
  return { request, referral: res.body };
}

describe('a referral to another municipality, accepted', () => {
  it('is sent by Aarhus, seen by Odense as the referral shows it, accepted into Odense\'s own course, and followed by Aarhus', async () => {
    const request = await openRequest(daysFromToday(-5));
    const choiceOn = daysFromToday(-1);
    const made = await refer({ citizenId: request.citizenId, caseRequestId: request.id, toCentreId: ODENSE_SYD, referredOn: today(), citizenChoiceOn: choiceOn, message: 'Frit valg: Odense Syd' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ direction: 'outgoing', state: 'sent', citizenId: request.citizenId, caseRequestId: request.id, toMunicipalityId: ODENSE, toCentreId: ODENSE_SYD, citizenChoiceOn: choiceOn, message: 'Frit valg: Odense Syd', lastName: expect.stringMatching(/^Borger /) });

    // The citizen's own choice is the guarantee's waiver (§ 101 stk. 6), recorded on the request.
    const after = await call<CaseRequest>('GET', `/api/case-requests/${request.id}`, undefined, { as: staff.aarhus });
    expect(after.body.waiverOn).toBe(choiceOn);
    expect(after.body.guarantee?.status).toBe('waived');

    // Odense sees the referral as it shows itself, and none of Aarhus's ids.
    const incoming = await call<Referral[]>('GET', '/api/referrals/incoming', undefined, { as: staff.odense });
    const theirs = incoming.body.find((r) => r.id === made.body.id);
    expect(theirs).toMatchObject({ direction: 'incoming', state: 'sent', citizenId: null, caseRequestId: null, enrolmentId: null, fromMunicipalityId: AARHUS, lastName: made.body.lastName });
    expect(JSON.stringify(incoming.body)).not.toContain(request.citizenId);
    expect(JSON.stringify(incoming.body)).not.toContain(request.id);
    // ...and still not Aarhus's citizen or request.
    expect((await call('GET', `/api/citizens/${request.citizenId}`, undefined, { as: staff.odense })).status).toBe(404);
    expect((await call('GET', `/api/case-requests/${request.id}`, undefined, { as: staff.odense })).status).toBe(404);
    // Not in Odense's own (outgoing) list, and no progress to follow: it is Aarhus's decision.
    const odenseOutgoing = await call<Referral[]>('GET', listPath('referrals', { range: [0, 199] }), undefined, { as: staff.odense });
    expect(odenseOutgoing.body.map((r) => r.id)).not.toContain(made.body.id);

    const accepted = await call<R>('POST', `/api/referrals/${made.body.id}/acceptance`, { programmeId: DEMO_IDS.programmes.icm, version: theirs?.version }, { as: staff.odense });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ direction: 'incoming', state: 'accepted', answeredOn: today() });
    const odenseCitizenId = accepted.body.citizenId as string;
    expect(odenseCitizenId).toMatch(/^[0-9a-f-]{36}$/);
    expect(odenseCitizenId).not.toBe(request.citizenId);
    // Odense's own citizen and enrolment at the referral's centre.
    const enrolment = await call<Enrolment>('GET', `/api/enrolments/${accepted.body.enrolmentId}`, undefined, { as: staff.odense });
    expect(enrolment.body).toMatchObject({ citizenId: odenseCitizenId, centreId: ODENSE_SYD, programmeId: DEMO_IDS.programmes.icm, state: 'referred' });
    const odenseCitizen = await call<{ lastName: string; municipalityId: string }>('GET', `/api/citizens/${odenseCitizenId}`, undefined, { as: staff.odense });
    expect(odenseCitizen.body).toMatchObject({ lastName: made.body.lastName, municipalityId: ODENSE });

    // Aarhus follows the course: referred, nothing attended yet.
    const first = await call<ReferralProgress>('GET', `/api/referrals/${made.body.id}/progress`, undefined, { as: staff.aarhus });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ referralId: made.body.id, citizenId: request.citizenId, state: 'referred', referralDate: today(), startDate: null, endDate: null, endStatus: null, sessionsAttended: 0, sessionsRecorded: 0, asiLatest: null, asiDates: [] });
    // Odense records the sessions; Aarhus sees the start and the counts, nothing else.
    const started = await call<Enrolment>('POST', `/api/enrolments/${enrolment.body.id}/transitions`, { to: 'active', date: today(), version: enrolment.body.version }, { as: staff.odense });
    expect(started.status).toBe(200);
    // Two sessions a minute ago (the second on the same day, confirmed as such), one attended.
    for (const attendance of ['attended', 'no-show']) {
      const s = await call('POST', '/api/sessions', { enrolmentId: enrolment.body.id, startsAt: new Date(Date.now() - 60_000).toISOString(), durationMinutes: 45, kind: 'case-management-meeting', attendance, confirmDuplicate: attendance === 'no-show' }, { as: staff.odense });
      expect(s.status).toBe(201);
    }
    const later = await call<ReferralProgress>('GET', `/api/referrals/${made.body.id}/progress`, undefined, { as: staff.aarhus });
    expect(later.body).toMatchObject({ state: 'active', startDate: today(), sessionsAttended: 1, sessionsRecorded: 2 });

    // Odense assesses (ASI) twice; Aarhus sees the latest one's seven composites and the dates, nothing else
    // (decision 119). The latest is libs/domain's hand-picked complete interview, its composites worked out
    // by hand from docs/asi-scoring.md's formulas, as in asi-scoring.spec.ts.
    for (const [timepoint, items] of [['intake', ASI_INTAKE_ITEMS], ['ad-hoc', ASI_COMPLETE]] as const) {
      const assessed = await call('POST', '/api/assessments', { enrolmentId: enrolment.body.id, timepoint, date: today(), items }, { as: staff.odense });
      expect(assessed.status).toBe(201);
    }
    const outcome = await call<ReferralProgress>('GET', `/api/referrals/${made.body.id}/progress`, undefined, { as: staff.aarhus });
    expect(outcome.status).toBe(200);
    expect(Object.keys(outcome.body).sort()).toEqual(['asiDates', 'asiLatest', 'citizenId', 'endDate', 'endStatus', 'referralDate', 'referralId', 'sessionsAttended', 'sessionsRecorded', 'startDate', 'state']);
    expect(outcome.body.asiDates).toEqual([today(), today()]);
    const asi = outcome.body.asiLatest;
    expect(Object.keys(asi ?? {}).sort()).toEqual(['alcohol', 'assessedOn', 'drug', 'employment', 'family', 'legal', 'medical', 'psychiatric']);
    expect(asi?.assessedOn).toBe(today());
    const expected: Record<string, number> = {
      medical: 9 / 90 + 3 / 12 + 2 / 12,
      employment: 1 - (1 / 4 + 0 / 4 + 12 / 120 + Math.log(8000) / 36),
      alcohol: 18 / 180 + 6 / 180 + 9 / 180 + 2 / 24 + 3 / 24 + Math.log(1200) / 44,
      drug: (0 + 0 + 0 + 0 + 2 + 4 + 0 + 20 + 0 + 3 + 10) / 390 + 3 / 52 + 4 / 52,
      legal: 1 / 5 + 5 / 150 + 2 / 20 + 1 / 20 + Math.log(500) / 46,
      family: 2 / 10 + 6 / 150 + 2 / 20 + 1 / 20 + 2 / 6 / 5,
      psychiatric: 4 / 11 + 15 / 330 + 3 / 44 + 2 / 44,
    };
    for (const [domain, value] of Object.entries(expected)) expect((asi as unknown as Record<string, number>)[domain]).toBeCloseTo(value, 12);
    // Aarhus still reads nothing of Odense's records.
    expect((await call('GET', `/api/enrolments/${enrolment.body.id}`, undefined, { as: staff.aarhus })).status).toBe(404);
    expect((await call('GET', `/api/citizens/${odenseCitizenId}`, undefined, { as: staff.aarhus })).status).toBe(404);

    // Each side's use is in its own access log, with its own citizen.
    const logged = await db().query<{ municipality_id: string; action: string; citizen_id: string | null }>(
      "SELECT municipality_id, action, citizen_id FROM access_log WHERE resource = 'referrals' AND record_id = $1 ORDER BY seq",
      [made.body.id],
    );
    expect(logged.rows).toContainEqual({ municipality_id: AARHUS, action: 'create', citizen_id: request.citizenId });
    expect(logged.rows).toContainEqual({ municipality_id: ODENSE, action: 'update', citizen_id: odenseCitizenId });
    expect(logged.rows.filter((r) => r.municipality_id === ODENSE).map((r) => r.citizen_id)).not.toContain(request.citizenId);
  });

  it('reuses the receiving municipality\'s citizen with the same CPR number', async () => {
    const cpr = `0101${String(50 + Math.floor(Math.random() * 40))}${Math.floor(Math.random() * 4)}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
    const inOdense = await createCitizen('odense', { cpr });
    const request = await openRequest(daysFromToday(-2), {}, { cpr });
    const made = await refer({ citizenId: request.citizenId, caseRequestId: request.id, toCentreId: ODENSE_SYD, referredOn: today() });
    const accepted = await call<R>('POST', `/api/referrals/${made.body.id}/acceptance`, { programmeId: DEMO_IDS.programmes.icm, version: made.body.version }, { as: staff.odense });
    expect(accepted.status).toBe(200);
    expect(accepted.body.citizenId).toBe(inOdense.id);
  });
});

describe('no one else reads a referral', () => {
  it('a third municipality reads nothing of the referral or the course, through the API', async () => {
    const { referral } = await sent();
    const accepted = await call<R>('POST', `/api/referrals/${referral.id}/acceptance`, { programmeId: DEMO_IDS.programmes.icm, version: referral.version }, { as: staff.odense });
    expect(accepted.status).toBe(200);
    expect((await call('GET', `/api/referrals/${referral.id}`, undefined, { as: third.email })).status).toBe(404);
    expect((await call('GET', `/api/referrals/${referral.id}/progress`, undefined, { as: third.email })).status).toBe(404);
    const incoming = await call<Referral[]>('GET', '/api/referrals/incoming', undefined, { as: third.email });
    expect(incoming.status).toBe(200);
    expect(incoming.body).toEqual([]);
    const list = await call<Referral[]>('GET', listPath('referrals', { range: [0, 99] }), undefined, { as: third.email });
    expect(list.body).toEqual([]);
    expect((await call('GET', `/api/enrolments/${accepted.body.enrolmentId}`, undefined, { as: third.email })).status).toBe(404);
    // The receiving side does not follow the referring side's progress view either: the decision is Aarhus's.
    expect((await call('GET', `/api/referrals/${referral.id}/progress`, undefined, { as: staff.odense })).status).toBe(404);
  });

  it("the app role's own SQL sees only what the policy and the functions allow", async () => {
    const { referral } = await sent();
    const asTown = (municipalityId: string, userId: string) => ({ 'app.role': 'staff', 'app.municipality_id': municipalityId, 'app.user_id': userId });
    // Odense (the receiving side, before accepting) and a third municipality: no row of the table itself.
    for (const [municipalityId, userId] of [[ODENSE, DEMO_IDS.users.odense.staff], [third.municipalityId, third.userId]] as const) {
      await asAppRole(asTown(municipalityId, userId), async (client) => {
        expect((await client.query('SELECT * FROM referral WHERE id = $1', [referral.id])).rows).toEqual([]);
        expect((await client.query('SELECT * FROM referral_progress($1)', [referral.id])).rows).toEqual([]);
        expect((await client.query('UPDATE referral SET state = $2 WHERE id = $1', [referral.id, 'withdrawn'])).rowCount).toBe(0);
      });
    }
    // The third municipality can neither list nor answer it through the functions.
    await asAppRole(asTown(third.municipalityId, third.userId), async (client) => {
      expect((await client.query('SELECT * FROM referral_incoming($1)', [referral.id])).rows).toEqual([]);
      expect((await client.query('SELECT * FROM referral_incoming(NULL)')).rows).toEqual([]);
      const answered = await client.query<{ n: number }>("SELECT referral_answer($1, $2, 'declined', current_date, 'x', NULL) AS n", [referral.id, referral.version]);
      expect(answered.rows[0]?.n).toBe(0);
    });
    // Odense sees it through referral_incoming, but not the referring side's citizen, request or user.
    await asAppRole(asTown(ODENSE, DEMO_IDS.users.odense.staff), async (client) => {
      const rows = (await client.query<Record<string, unknown>>('SELECT * FROM referral_incoming($1)', [referral.id])).rows;
      expect(rows).toHaveLength(1);
      expect(Object.keys(rows[0] ?? {})).not.toEqual(expect.arrayContaining(['citizen_id']));
      expect(Object.keys(rows[0] ?? {})).not.toContain('case_request_id');
      expect(Object.keys(rows[0] ?? {})).not.toContain('created_by_user_id');
      // An enrolment that is not Odense's own at the referral's centre is no acceptance.
      const foreign = (await db().query<{ id: string }>("SELECT id FROM enrolment WHERE municipality_id = $1 LIMIT 1", [AARHUS])).rows[0]?.id;
      const answered = await client.query<{ n: number }>("SELECT referral_answer($1, $2, 'accepted', current_date, NULL, $3) AS n", [referral.id, referral.version, foreign]);
      expect(answered.rows[0]?.n).toBe(0);
    });
  });
});

describe('declined and withdrawn referrals', () => {
  it('a declined referral shows its reason to Aarhus and gives Odense nothing more to read', async () => {
    const { referral } = await sent();
    const noReason = await call<R>('POST', `/api/referrals/${referral.id}/refusal`, { version: referral.version }, { as: staff.odense });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toHaveProperty('reason');
    const declined = await call<R>('POST', `/api/referrals/${referral.id}/refusal`, { reason: 'Ingen ledig plads før februar', version: referral.version }, { as: staff.odense });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ state: 'declined', reason: 'Ingen ledig plads før februar', citizenId: null });
    expect((await call('GET', `/api/referrals/${referral.id}`, undefined, { as: staff.odense })).status).toBe(404);
    const incoming = await call<Referral[]>('GET', '/api/referrals/incoming', undefined, { as: staff.odense });
    expect(incoming.body.map((r) => r.id)).not.toContain(referral.id);
    const seen = await call<R>('GET', `/api/referrals/${referral.id}`, undefined, { as: staff.aarhus });
    expect(seen.body).toMatchObject({ state: 'declined', reason: 'Ingen ledig plads før februar', answeredOn: today() });
    // Answered once: no acceptance after a decline, and no progress to follow.
    expect((await call('POST', `/api/referrals/${referral.id}/acceptance`, { programmeId: DEMO_IDS.programmes.icm, version: referral.version + 1 }, { as: staff.odense })).status).toBe(404);
    const progress = await call<ApiErrorBody>('GET', `/api/referrals/${referral.id}/progress`, undefined, { as: staff.aarhus });
    expect(progress.status).toBe(409);
  });

  it('a withdrawn referral is gone for Odense; a stale answer is 409 and writes nothing', async () => {
    const { referral } = await sent();
    const stale = await call<R>('POST', `/api/referrals/${referral.id}/acceptance`, { programmeId: DEMO_IDS.programmes.icm, version: referral.version + 5 }, { as: staff.odense });
    expect(stale.status).toBe(409);
    const enrolmentsBefore = Number((await db().query<{ n: string }>('SELECT count(*) AS n FROM enrolment WHERE municipality_id = $1', [ODENSE])).rows[0]?.n);
    const withdrawn = await call<R>('POST', `/api/referrals/${referral.id}/withdrawal`, { reason: 'Borgeren har fortrudt', version: referral.version }, { as: staff.aarhus });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.state).toBe('withdrawn');
    expect((await call('GET', `/api/referrals/${referral.id}`, undefined, { as: staff.odense })).status).toBe(404);
    expect((await call('POST', `/api/referrals/${referral.id}/acceptance`, { programmeId: DEMO_IDS.programmes.icm, version: withdrawn.body.version }, { as: staff.odense })).status).toBe(404);
    const again = await call<R>('POST', `/api/referrals/${referral.id}/withdrawal`, { reason: 'Igen', version: withdrawn.body.version }, { as: staff.aarhus });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('REFERRAL_ANSWERED');
    expect(Number((await db().query<{ n: string }>('SELECT count(*) AS n FROM enrolment WHERE municipality_id = $1', [ODENSE])).rows[0]?.n)).toBe(enrolmentsBefore);
  });
});

describe('bad input writes nothing', () => {
  it('refuses anonymous treatment, the own municipality\'s centre, another municipality\'s request, a duplicate and bad fields', async () => {
    const request = await openRequest();
    const anonymousCitizen = await createCitizen('aarhus', { cpr: null });
    const anonymous = await call<CaseRequest>('POST', '/api/case-requests', { citizenId: anonymousCitizen.id, courseKind: 'sel-101a', requestedOn: today(), channel: 'phone' }, { as: staff.aarhus });
    const odenseRequest = await (async () => {
      const c = await createCitizen('odense');
      return (await call<CaseRequest>('POST', '/api/case-requests', { citizenId: c.id, requestedOn: today(), channel: 'phone' }, { as: staff.odense })).body;
    })();
    const base = { citizenId: request.citizenId, caseRequestId: request.id, toCentreId: ODENSE_SYD, referredOn: today() };
    const before = await referralCount();
    const cases: [Record<string, unknown>, number, string, string?][] = [
      [{ ...base, citizenId: anonymousCitizen.id, caseRequestId: anonymous.body.id }, 409, 'caseRequestId', 'ANONYMOUS_TREATMENT'],
      [{ ...base, toCentreId: DEMO_IDS.centres.aarhusCentrum }, 400, 'toCentreId'],
      [{ ...base, toCentreId: randomUUID() }, 400, 'toCentreId'],
      [{ ...base, caseRequestId: odenseRequest.id }, 400, 'caseRequestId'],
      [{ ...base, referredOn: daysFromToday(1) }, 400, 'referredOn'],
      [{ ...base, citizenChoiceOn: '2025-13-01' }, 400, 'citizenChoiceOn'],
      [{ ...base, toCentreId: 'odense' }, 400, 'toCentreId'],
    ];
    for (const [body, status, field, code] of cases) {
      const res = await refer(body);
      expect({ body, status: res.status }).toEqual({ body, status });
      expect(res.body.errors).toHaveProperty(field);
      if (code) expect(res.body.code).toBe(code);
    }
    expect(await referralCount()).toBe(before);
    // One waiting referral to a place at a time.
    expect((await refer(base)).status).toBe(201);
    const twice = await refer(base);
    expect(twice.status).toBe(409);
    expect(twice.body.errors).toHaveProperty('toCentreId');
  });
});
