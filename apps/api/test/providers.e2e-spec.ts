import type { ApiErrorBody, CaseRequest, Referral, TreatmentProvider } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { randomUUID } from 'node:crypto';
import { admins, createCitizen, createOperator, staff } from './support/fixtures';
import { asAppRole, call, closeDb, db, listPath, tokenFor } from './support/http';
import { daysFromToday, today } from './support/dates';

afterAll(closeDb);

/**
 * Free choice of an approved private treatment provider (decisions 105-107): the national register is
 * the operator's, read by staff and admins; a referral names exactly one place; a provider must be
 * approved on the referral day and of the kind decided; the referring staff record the provider's
 * answer and outcome on their own referral, which no other municipality reads.
 */

const AARHUS = DEMO_IDS.municipalities.aarhus;
const ODENSE_SYD = DEMO_IDS.centres.odenseSyd; // outpatient (the demo data)
const P = DEMO_IDS.providers;
type R = Referral & ApiErrorBody;
type TP = TreatmentProvider & ApiErrorBody;

let operator: string;

beforeAll(async () => {
  const made = createOperator();
  await tokenFor(made.email, made.password);
  operator = made.email;
});

const providerBody = (extra: Record<string, unknown> = {}) => ({
  name: `Prøvebehandling ${randomUUID().slice(0, 6)} ApS`,
  // Checked by hand: weights 2,7,6,5,4,3,2,1 give 2+14+18+20+20+18+14+4 = 110 = 11 * 10.
  cvr: '12345674',
  address: 'Prøvevej 1, 8000 Aarhus C',
  municipalityCode: '751',
  kind: 'outpatient',
  approvedBy: 'Socialtilsyn Midt',
  approvalReference: 'ST-MIDT-PRØVE',
  approvedFrom: '2024-01-01',
  approvedUntil: null,
  ...extra,
});
const providerCount = async (): Promise<number> => Number((await db().query<{ n: string }>('SELECT count(*) AS n FROM treatment_provider')).rows[0]?.n);
const referralCount = async (): Promise<number> => Number((await db().query<{ n: string }>('SELECT count(*) AS n FROM referral')).rows[0]?.n);

async function openRequest(decisionKind?: string): Promise<CaseRequest> {
  const citizen = await createCitizen('aarhus');
  const res = await call<CaseRequest>('POST', '/api/case-requests', { citizenId: citizen.id, requestedOn: daysFromToday(-3), channel: 'phone' }, { as: staff.aarhus });
  if (res.status !== 201) throw new Error(`fixture request answered ${res.status}: ${JSON.stringify(res.body)}`);
  if (decisionKind !== undefined) {
    const d = await call('POST', `/api/case-requests/${res.body.id}/decisions`, {
      decidedOn: daysFromToday(-1), outcome: 'granted', programmeId: DEMO_IDS.programmes.icm, reasons: 'Bevilget', legalBasis: 'Serviceloven § 101', complaintGuidance: 'Klage inden 4 uger', treatmentKind: decisionKind,
    }, { as: staff.aarhus });
    if (d.status !== 201) throw new Error(`fixture decision answered ${d.status}: ${JSON.stringify(d.body)}`);
  }
  return res.body;
}
const refer = (body: Record<string, unknown>, as: string = staff.aarhus) => call<R>('POST', '/api/referrals', body, { as });

describe('the national register of approved providers', () => {
  it('is written by the operator: created, listed, edited with its version, a stale version 409', async () => {
    const created = await call<TP>('POST', '/api/treatment-providers', providerBody({ cvr: '12345674' }), { as: operator });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ cvr: '12345674', kind: 'outpatient', municipalityCode: '751', approvedFrom: '2024-01-01', approvedUntil: null, version: 1 });
    const listed = await call<TreatmentProvider[]>('GET', listPath('treatment-providers', { filter: { id: created.body.id } }), undefined, { as: staff.aarhus });
    expect(listed.status).toBe(200);
    expect(listed.body.map((p) => p.name)).toEqual([created.body.name]);
    const edited = await call<TP>('PUT', `/api/treatment-providers/${created.body.id}`, { ...providerBody({ cvr: '12345674', name: created.body.name }), approvedUntil: '2030-12-31', version: 1 }, { as: operator });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ approvedUntil: '2030-12-31', version: 2 });
    const stale = await call<TP>('PUT', `/api/treatment-providers/${created.body.id}`, { ...providerBody({ cvr: '12345674' }), version: 1 }, { as: operator });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    // The change is logged with before and after, under no municipality.
    const logged = await db().query<{ action: string; municipality_id: string | null }>("SELECT action, municipality_id FROM access_log WHERE resource = 'treatment-providers' AND record_id = $1 ORDER BY seq", [created.body.id]);
    expect(logged.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['create', 'update']));
    expect(logged.rows.every((r) => r.municipality_id === null)).toBe(true);
  });

  it('refuses a CVR number failing its check, an inverted approval and an unknown kind, naming each, and writes nothing', async () => {
    const before = await providerCount();
    // 12345678: 2+14+18+20+20+18+14+8 = 114, not a multiple of 11.
    const badCvr = await call<TP>('POST', '/api/treatment-providers', providerBody({ cvr: '12345678' }), { as: operator });
    expect(badCvr.status).toBe(400);
    expect(Object.keys(badCvr.body.errors ?? {})).toEqual(['cvr']);
    const short = await call<TP>('POST', '/api/treatment-providers', providerBody({ cvr: '1234567' }), { as: operator });
    expect(short.status).toBe(400);
    expect(short.body.errors).toHaveProperty('cvr');
    const inverted = await call<TP>('POST', '/api/treatment-providers', providerBody({ cvr: '12345674', approvedFrom: '2025-01-01', approvedUntil: '2024-12-31' }), { as: operator });
    expect(inverted.status).toBe(400);
    expect(inverted.body.errors).toHaveProperty('approvedUntil');
    const kind = await call<TP>('POST', '/api/treatment-providers', providerBody({ cvr: '12345674', kind: 'hospital' }), { as: operator });
    expect(kind.status).toBe(400);
    expect(kind.body.errors).toHaveProperty('kind');
    expect(await providerCount()).toBe(before);
  });

  it('is read by staff and admins but written by neither (403), nor by their SQL as the API\'s role', async () => {
    const before = await providerCount();
    expect((await call('GET', listPath('treatment-providers'), undefined, { as: admins.aarhus })).status).toBe(200);
    expect((await call('GET', `/api/treatment-providers/${P.day}`, undefined, { as: staff.odense })).status).toBe(200);
    expect((await call('POST', '/api/treatment-providers', providerBody({ cvr: '12345674' }), { as: staff.aarhus })).status).toBe(403);
    expect((await call('POST', '/api/treatment-providers', providerBody({ cvr: '12345674' }), { as: admins.aarhus })).status).toBe(403);
    expect((await call('PUT', `/api/treatment-providers/${P.day}`, { ...providerBody({ cvr: '23456788' }), version: 1 }, { as: admins.odense })).status).toBe(403);
    expect((await call('DELETE', `/api/treatment-providers/${P.day}`, undefined, { as: admins.odense })).status).toBe(403);
    // The database holds it too: as the API's role with an admin's settings, no row is written or changed.
    await asAppRole({ 'app.municipality_id': AARHUS, 'app.municipality_ids': AARHUS, 'app.role': 'admin' }, async (client) => {
      await expect(client.query(`INSERT INTO treatment_provider (name, cvr, address, municipality_code, kind, approved_by, approved_from) VALUES ('x', '12345674', 'x', '751', 'day', 'x', '2024-01-01')`)).rejects.toThrow(/row-level security/);
    });
    await asAppRole({ 'app.municipality_id': AARHUS, 'app.municipality_ids': AARHUS, 'app.role': 'staff' }, async (client) => {
      const changed = await client.query(`UPDATE treatment_provider SET approved_until = NULL WHERE id = $1`, [P.lapsed]);
      expect(changed.rowCount).toBe(0);
      expect((await client.query('SELECT 1 FROM treatment_provider WHERE id = $1', [P.lapsed])).rowCount).toBe(1);
    });
    expect(await providerCount()).toBe(before);
  });
});

describe('a referral to an approved provider', () => {
  it('names exactly one place: neither or both is 400 naming both, nothing written', async () => {
    const request = await openRequest();
    const before = await referralCount();
    const base = { citizenId: request.citizenId, caseRequestId: request.id, referredOn: today() };
    for (const places of [{}, { toCentreId: ODENSE_SYD, providerId: P.outpatient }, { toCentreId: null, providerId: null }]) {
      const res = await refer({ ...base, ...places });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.errors ?? {}).sort()).toEqual(['providerId', 'toCentreId']);
    }
    expect(await referralCount()).toBe(before);
    // The database's own check, as the owner: both places at once is refused.
    await expect(db().query(
      `INSERT INTO referral (municipality_id, citizen_id, case_request_id, to_municipality_id, to_centre_id, provider_id, referred_on, identity_encrypted, created_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, current_date, 'x', $7)`,
      [AARHUS, request.citizenId, request.id, DEMO_IDS.municipalities.odense, ODENSE_SYD, P.outpatient, DEMO_IDS.users.aarhus.staff],
    )).rejects.toThrow(/referral_place_check/);
  });

  it('refuses a lapsed provider, or one whose approval has not begun, 409 naming providerId, nothing written', async () => {
    const request = await openRequest();
    const before = await referralCount();
    const lapsed = await refer({ citizenId: request.citizenId, caseRequestId: request.id, providerId: P.lapsed, referredOn: today() });
    expect(lapsed.status).toBe(409);
    expect(lapsed.body.code).toBe('PROVIDER_NOT_APPROVED');
    expect(lapsed.body.errors).toHaveProperty('providerId');
    const future = await call<TP>('POST', '/api/treatment-providers', providerBody({ cvr: '34567891' /* 6+28+30+30+28+24+18+1 = 165 */, kind: 'day', approvedFrom: daysFromToday(30) }), { as: operator });
    expect(future.status).toBe(201);
    const notYet = await refer({ citizenId: request.citizenId, caseRequestId: request.id, providerId: future.body.id, referredOn: today() });
    expect(notYet.status).toBe(409);
    expect(notYet.body.code).toBe('PROVIDER_NOT_APPROVED');
    expect(notYet.body.errors).toHaveProperty('providerId');
    const unknown = await refer({ citizenId: request.citizenId, caseRequestId: request.id, providerId: randomUUID(), referredOn: today() });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toHaveProperty('providerId');
    expect(await referralCount()).toBe(before);
  });

  it('refuses a place of another kind than the decision\'s, naming providerId or toCentreId; no check while a kind is unknown', async () => {
    const residential = await openRequest('residential');
    const before = await referralCount();
    const base = { citizenId: residential.citizenId, caseRequestId: residential.id, referredOn: today() };
    const toOutpatient = await refer({ ...base, providerId: P.outpatient });
    expect(toOutpatient.status).toBe(400);
    expect(Object.keys(toOutpatient.body.errors ?? {})).toEqual(['providerId']);
    const toCentre = await refer({ ...base, toCentreId: ODENSE_SYD });
    expect(toCentre.status).toBe(400);
    expect(Object.keys(toCentre.body.errors ?? {})).toEqual(['toCentreId']);
    expect(await referralCount()).toBe(before);
    expect((await refer({ ...base, providerId: P.residential })).status).toBe(201);
    // A decision without a kind: any approved provider.
    const unknownKind = await openRequest(undefined);
    expect((await refer({ citizenId: unknownKind.citizenId, caseRequestId: unknownKind.id, referredOn: today(), providerId: P.outpatient })).status).toBe(201);
  });

  it('is sent, its answer and outcome recorded by the referring staff; no other municipality reads it', async () => {
    const request = await openRequest('outpatient');
    const made = await refer({ citizenId: request.citizenId, caseRequestId: request.id, providerId: P.outpatient, referredOn: today(), citizenChoiceOn: today(), message: 'Borgeren ønsker privat ambulant behandling' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ state: 'sent', providerId: P.outpatient, providerName: 'Demo Ambulant Rusmiddelbehandling ApS', toCentreId: null, toMunicipalityId: null, outcomeEndDate: null, outcomeEndStatus: null });
    // An outcome before an answer: 409, nothing written.
    const early = await call<R>('POST', `/api/referrals/${made.body.id}/provider-outcome`, { endDate: today(), endStatus: 'drug_free', version: made.body.version }, { as: staff.aarhus });
    expect(early.status).toBe(409);
    // The provider accepted yesterday? Not before the referral: 400 naming answeredOn.
    const tooEarly = await call<R>('POST', `/api/referrals/${made.body.id}/provider-answer`, { answer: 'accepted', answeredOn: daysFromToday(-1), version: made.body.version }, { as: staff.aarhus });
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.body.errors).toHaveProperty('answeredOn');
    const stale = await call<R>('POST', `/api/referrals/${made.body.id}/provider-answer`, { answer: 'accepted', answeredOn: today(), version: made.body.version + 5 }, { as: staff.aarhus });
    expect(stale.status).toBe(409);
    const accepted = await call<R>('POST', `/api/referrals/${made.body.id}/provider-answer`, { answer: 'accepted', answeredOn: today(), version: made.body.version }, { as: staff.aarhus });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ state: 'accepted', answeredOn: today() });
    const again = await call<R>('POST', `/api/referrals/${made.body.id}/provider-answer`, { answer: 'declined', answeredOn: today(), version: accepted.body.version }, { as: staff.aarhus });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('REFERRAL_ANSWERED');
    const badStatus = await call<R>('POST', `/api/referrals/${made.body.id}/provider-outcome`, { endDate: today(), endStatus: 'cured', version: accepted.body.version }, { as: staff.aarhus });
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.errors).toHaveProperty('endStatus');
    const outcome = await call<R>('POST', `/api/referrals/${made.body.id}/provider-outcome`, { endDate: today(), endStatus: 'reduced', version: accepted.body.version }, { as: staff.aarhus });
    expect(outcome.status).toBe(200);
    expect(outcome.body).toMatchObject({ state: 'accepted', outcomeEndDate: today(), outcomeEndStatus: 'reduced' });
    const row = await db().query<{ state: string; outcome_end_status: string; answered_by_user_id: string }>('SELECT state, outcome_end_status, answered_by_user_id FROM referral WHERE id = $1', [made.body.id]);
    expect(row.rows[0]).toEqual({ state: 'accepted', outcome_end_status: 'reduced', answered_by_user_id: DEMO_IDS.users.aarhus.staff });

    // Odense reads nothing of it: not by id, not among its incoming, and cannot record an answer.
    expect((await call('GET', `/api/referrals/${made.body.id}`, undefined, { as: staff.odense })).status).toBe(404);
    const incoming = await call<Referral[]>('GET', '/api/referrals/incoming', undefined, { as: staff.odense });
    expect(incoming.body.map((r) => r.id)).not.toContain(made.body.id);
    expect((await call('POST', `/api/referrals/${made.body.id}/provider-outcome`, { endDate: today(), endStatus: 'drug_free', version: outcome.body.version }, { as: staff.odense })).status).toBe(404);
    // Each use is in Aarhus's access log with Aarhus's citizen.
    const logged = await db().query<{ municipality_id: string; action: string; citizen_id: string | null }>("SELECT municipality_id, action, citizen_id FROM access_log WHERE resource = 'referrals' AND record_id = $1 ORDER BY seq", [made.body.id]);
    expect(logged.rows).toContainEqual({ municipality_id: AARHUS, action: 'update', citizen_id: request.citizenId });
  });

  it('a declined answer carries its reason; a centre\'s referral is answered by its municipality, not recorded here (409)', async () => {
    const request = await openRequest();
    const made = await refer({ citizenId: request.citizenId, caseRequestId: request.id, providerId: P.day, referredOn: today() });
    const declined = await call<R>('POST', `/api/referrals/${made.body.id}/provider-answer`, { answer: 'declined', answeredOn: today(), reason: 'Ingen ledige pladser', version: made.body.version }, { as: staff.aarhus });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ state: 'declined', reason: 'Ingen ledige pladser' });
    const toCentre = await refer({ citizenId: request.citizenId, caseRequestId: request.id, toCentreId: ODENSE_SYD, referredOn: today() });
    expect(toCentre.status).toBe(201);
    const recorded = await call<R>('POST', `/api/referrals/${toCentre.body.id}/provider-answer`, { answer: 'accepted', answeredOn: today(), version: toCentre.body.version }, { as: staff.aarhus });
    expect(recorded.status).toBe(409);
    expect(recorded.body.errors).toHaveProperty('id');
  });
});

describe('centres and decisions record a kind', () => {
  it('an admin sets the kind of their centre; a decision records the kind decided', async () => {
    const centre = await call<{ id: string; version: number; kind: string | null; municipalityId: string; name: string }>('GET', `/api/centres/${DEMO_IDS.centres.aarhusVest}`, undefined, { as: admins.aarhus });
    expect(centre.body.kind).toBe('day');
    const bad = await call<ApiErrorBody>('PUT', `/api/centres/${centre.body.id}`, { municipalityId: centre.body.municipalityId, name: centre.body.name, kind: 'weekly', version: centre.body.version }, { as: admins.aarhus });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toHaveProperty('kind');
    const request = await openRequest('day');
    const decisions = await call<{ treatmentKind: string | null }[]>('GET', `/api/case-requests/${request.id}/decisions`, undefined, { as: staff.aarhus });
    expect(decisions.body.map((d) => d.treatmentKind)).toEqual(['day']);
  });
});
