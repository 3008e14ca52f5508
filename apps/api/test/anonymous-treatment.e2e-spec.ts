import type { ApiErrorBody, CaseRequest, CaseRequestCreated, Enrolment, GuaranteeFigures, OutcomeReport } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { createCitizen, freshCpr, staff } from './support/fixtures';
import { call, closeDb, countRows, db, listPath } from './support/http';
import { daysFromToday } from './support/dates';

afterAll(closeDb);

/**
 * Anonymous treatment (Serviceloven § 101 a) as its own kind of course (issue 21; docs/domain.md,
 * "Anonymous treatment"): for a citizen without a CPR number only; no treatment guarantee (no deadline,
 * not on the guarantee's worklist, not in its figures, no missed-deadline reason); no written decision
 * (none under § 101 a can be appealed); counted apart in the outcome report. The expected figures are
 * counted by hand from the rows each test makes.
 */

type Body = CaseRequestCreated & ApiErrorBody;
const ICM = DEMO_IDS.programmes.icm;
const CENTRE = DEMO_IDS.centres.aarhusCentrum;

const anonymousCitizen = () => createCitizen('aarhus', { cpr: null, firstName: 'Anonym', birthYear: 1990, sex: 'male' });

const request = (citizenId: string, requestedOn: string, extra: Record<string, unknown> = {}) =>
  call<Body>('POST', '/api/case-requests', { citizenId, requestedOn, channel: 'phone', ...extra }, { as: staff.aarhus });

async function made<T>(res: { status: number; body: T }, status = 201): Promise<T> {
  if (res.status !== status) throw new Error(`fixture answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

// Every national programme has an age range, and a citizen without a CPR number has no known age:
// their enrolments give the written reason the eligibility rules ask for (docs/domain.md).
const OVERRIDE = 'Anonym borger; oplyst alder 34 år';

const enrol = (citizenId: string, referralDate: string, extra: Record<string, unknown> = {}) =>
  call<Enrolment & ApiErrorBody>('POST', '/api/enrolments', { citizenId, programmeId: ICM, centreId: CENTRE, referralDate, eligibilityOverride: OVERRIDE, ...extra }, { as: staff.aarhus });

/** The register's end status a course's end takes (docs/register.md); none for a start or a cancellation. */
const END_STATUS: Record<string, string> = { completed: 'drug_free', dropped_out: 'dropped_out', transferred: 'transferred' };
const move = (e: Enrolment, to: string, date: string, reason?: string) =>
  call<Enrolment & ApiErrorBody>('POST', `/api/enrolments/${e.id}/transitions`, { to, date, version: e.version, ...(reason ? { reason } : {}), ...(END_STATUS[to] ? { endStatus: END_STATUS[to] } : {}) }, { as: staff.aarhus });

describe('an anonymous request (§ 101 a)', () => {
  it('for a citizen without a CPR number: kind sel-101a, no guarantee, and its enrolment is anonymous and starts late without a reason', async () => {
    const citizen = await anonymousCitizen();
    const sut = await made(await request(citizen.id, '2024-03-01', { courseKind: 'sel-101a' }));
    expect(sut).toMatchObject({ courseKind: 'sel-101a', guarantee: null, joined: false, status: 'open' });
    // The column the national register's extract leaves out.
    expect((await db().query('SELECT course_kind FROM case_request WHERE id = $1', [sut.id])).rows).toEqual([{ course_kind: 'sel-101a' }]);

    // An enrolment answering it takes its kind.
    const enrolment = await made(await enrol(citizen.id, '2024-03-01', { caseRequestId: sut.id }));
    expect(enrolment.courseKind).toBe('sel-101a');
    // 2024-03-01 + 45 days = 2024-04-15: long past a guarantee's last day, and no reason is asked.
    const started = await move(enrolment, 'active', '2024-04-15');
    expect(started.status).toBe(200);
    const after = await made(await call<CaseRequest>('GET', `/api/case-requests/${sut.id}`, undefined, { as: staff.aarhus }), 200);
    expect(after).toMatchObject({ guarantee: null, missedReason: null, enrolmentIds: [enrolment.id] });

    // Nothing to waive and no reason to record.
    for (const field of ['waiverOn', 'missedReason'] as const) {
      const refused = await call<ApiErrorBody>('PUT', `/api/case-requests/${sut.id}`, { status: 'open', [field]: field === 'waiverOn' ? '2024-03-05' : 'Ingen plads', version: after.version }, { as: staff.aarhus });
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.[field]).toMatch(/§ 101 a/);
    }
  });

  it('is not on the guarantee’s list (filter courseKind sel-101): the staff worklist asks for that kind only', async () => {
    const anonymous = await made(await request((await anonymousCitizen()).id, daysFromToday(-20), { courseKind: 'sel-101a' }));
    const ordinary = await made(await request((await createCitizen('aarhus')).id, daysFromToday(-20)));
    const listed = await call<CaseRequest[]>('GET', listPath('case-requests', { filter: { status: 'open', courseKind: 'sel-101' }, range: [0, 199] }), undefined, { as: staff.aarhus });
    expect(listed.status).toBe(200);
    const ids = listed.body.map((r) => r.id);
    expect(ids).toContain(ordinary.id);
    expect(ids).not.toContain(anonymous.id);
    expect(listed.body.every((r) => r.guarantee !== null)).toBe(true);
    // The ordinary one 20 days on is overdue by 6 days; the anonymous one has no clock.
    expect(listed.body.find((r) => r.id === ordinary.id)?.guarantee).toMatchObject({ status: 'overdue', daysLeft: -6 });
  });

  it('is left out of the guarantee’s figures, and counted as left out', async () => {
    // June 2023, Aarhus: two § 101 requests, one started the same day (met, 0 days), one 20 days
    // later with a reason (missed, 20 days); two anonymous ones, one started 30 days later.
    const met = await made(await request((await createCitizen('aarhus')).id, '2023-06-05'));
    await made(await move(await made(await enrol(met.citizenId, '2023-06-05', { caseRequestId: met.id })), 'active', '2023-06-05'), 200);
    const missed = await made(await request((await createCitizen('aarhus')).id, '2023-06-10'));
    await made(await move(await made(await enrol(missed.citizenId, '2023-06-10', { caseRequestId: missed.id })), 'active', '2023-06-30', 'Ingen ledig plads'), 200);
    const late = await made(await request((await anonymousCitizen()).id, '2023-06-12', { courseKind: 'sel-101a' }));
    await made(await move(await made(await enrol(late.citizenId, '2023-06-12', { caseRequestId: late.id })), 'active', '2023-07-12'), 200);
    await made(await request((await anonymousCitizen()).id, '2023-06-20', { courseKind: 'sel-101a' }));

    const sut = await call<GuaranteeFigures>('GET', '/api/guarantee-figures?from=2023-06-01&to=2023-06-30', undefined, { as: staff.aarhus });
    expect(sut.status).toBe(200);
    expect(sut.body).toEqual({
      municipalityId: DEMO_IDS.municipalities.aarhus, from: '2023-06-01', to: '2023-06-30', guaranteeDays: 14,
      requests: 2, met: 1, missed: 1, overdue: 0, running: 0, waived: 0, anonymousLeftOut: 2, shareWithin: 0.5, medianDays: 10,
    });
  });

  it('gets no written decision: 409 naming the rule, nothing written', async () => {
    const req = await made(await request((await anonymousCitizen()).id, daysFromToday(-2), { courseKind: 'sel-101a' }));
    const before = await countRows('case_decision');
    const sut = await call<ApiErrorBody>('POST', `/api/case-requests/${req.id}/decisions`, {
      decidedOn: daysFromToday(0), outcome: 'granted', programmeId: ICM, reasons: 'Anonym ambulant behandling', legalBasis: 'Serviceloven § 101 a', complaintGuidance: 'Kan ikke påklages',
    }, { as: staff.aarhus });
    expect(sut.status).toBe(409);
    expect(sut.body.code).toBe('ANONYMOUS_TREATMENT');
    expect(sut.body.errors?.['courseKind']).toMatch(/§ 101 a.*no decision to appeal/);
    expect(await countRows('case_decision')).toBe(before);
  });

  it('and a § 101 request are separate courses: one of the other kind does not join the open one (409)', async () => {
    const citizen = await anonymousCitizen();
    const open = await made(await request(citizen.id, '2024-05-01', { courseKind: 'sel-101a' }));
    const other = await request(citizen.id, '2024-05-03');
    expect(other.status).toBe(409);
    expect(other.body.errors?.['courseKind']).toMatch(/another kind/);
    expect((await db().query('SELECT id FROM case_request WHERE citizen_id = $1', [citizen.id])).rows).toEqual([{ id: open.id }]);
  });
});

describe('only a citizen without a CPR number gets an anonymous course', () => {
  it('refuses an anonymous request or enrolment for a citizen with one (409 naming courseKind and the rule), writing nothing', async () => {
    const withCpr = await createCitizen('aarhus');
    const [requests, enrolments] = [await countRows('case_request'), await countRows('enrolment')];
    const req = await request(withCpr.id, daysFromToday(-1), { courseKind: 'sel-101a' });
    expect(req.status).toBe(409);
    expect(req.body.code).toBe('ANONYMOUS_TREATMENT');
    expect(req.body.errors?.['courseKind']).toMatch(/without a CPR number/);
    const enrolment = await enrol(withCpr.id, daysFromToday(-1), { courseKind: 'sel-101a' });
    expect(enrolment.status).toBe(409);
    expect(enrolment.body.errors?.['courseKind']).toMatch(/without a CPR number/);
    expect([await countRows('case_request'), await countRows('enrolment')]).toEqual([requests, enrolments]);
  });

  it('an enrolment without a request may be anonymous; one answering a request has its kind (400 otherwise)', async () => {
    const citizen = await anonymousCitizen();
    const alone = await made(await enrol(citizen.id, daysFromToday(-1), { courseKind: 'sel-101a' }));
    expect(alone).toMatchObject({ courseKind: 'sel-101a', caseRequestId: null });
    const ordinary = await made(await request((await anonymousCitizen()).id, daysFromToday(-1)));
    expect(ordinary).toMatchObject({ courseKind: 'sel-101', guarantee: { status: 'running' } });
    const mismatch = await enrol(ordinary.citizenId, daysFromToday(-1), { caseRequestId: ordinary.id, courseKind: 'sel-101a' });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors?.['courseKind']).toMatch(/request's \(sel-101\)/);
    expect((await made(await enrol(ordinary.citizenId, daysFromToday(-1), { caseRequestId: ordinary.id }))).courseKind).toBe('sel-101');
  });

  it('a CPR number is not added later to a citizen with an anonymous course (409 naming cpr); to one without, it is', async () => {
    const citizen = await anonymousCitizen();
    await made(await request(citizen.id, daysFromToday(-1), { courseKind: 'sel-101a' }));
    const refused = await call<ApiErrorBody>('PUT', `/api/citizens/${citizen.id}`, { cpr: freshCpr(), firstName: 'Anonym', lastName: citizen.lastName, version: citizen.version }, { as: staff.aarhus });
    expect(refused.status).toBe(409);
    expect(refused.body.errors?.['cpr']).toMatch(/§ 101 a/);
    expect((await db().query('SELECT cpr_hash FROM citizen WHERE id = $1', [citizen.id])).rows).toEqual([{ cpr_hash: null }]);
    const other = await anonymousCitizen();
    const allowed = await call('PUT', `/api/citizens/${other.id}`, { cpr: freshCpr(), firstName: 'Anonym', lastName: other.lastName, version: other.version }, { as: staff.aarhus });
    expect(allowed.status).toBe(200);
  });

  it('refuses an unknown kind (400 naming the field and the list)', async () => {
    const citizen = await anonymousCitizen();
    const sut = await request(citizen.id, daysFromToday(-1), { courseKind: 'anonymous' });
    expect(sut.status).toBe(400);
    expect(sut.body.errors?.['courseKind']).toBe('courseKind must be one of sel-101, sel-101a');
    const enrolment = await enrol(citizen.id, daysFromToday(-1), { courseKind: '101a' });
    expect(enrolment.status).toBe(400);
    expect(enrolment.body.errors?.['courseKind']).toBe('courseKind must be one of sel-101, sel-101a');
  });
});

describe('the outcome report counts anonymous courses apart', () => {
  // ICM in Aarhus, referred July-September 2022 (whole months, three: an evaluator's period too).
  const period = 'programmeId=' + ICM + '&from=2022-07-01&to=2022-09-30';

  beforeAll(async () => {
    // § 101: three referred; one started and completed, one started and still active, one cancelled.
    const a = await made(await enrol((await createCitizen('aarhus')).id, '2022-07-04'));
    const aActive = await made(await move(a, 'active', '2022-07-10'), 200);
    await made(await move(aActive, 'completed', '2022-09-01'), 200);
    await made(await move(await made(await enrol((await createCitizen('aarhus')).id, '2022-08-01')), 'active', '2022-08-02'), 200);
    await made(await move(await made(await enrol((await createCitizen('aarhus')).id, '2022-09-05')), 'cancelled', '2022-09-06'), 200);
    // § 101 a: two referred, one of them started (dropped out later).
    const b = await made(await enrol((await anonymousCitizen()).id, '2022-07-20', { courseKind: 'sel-101a' }));
    const bActive = await made(await move(b, 'active', '2022-07-21'), 200);
    await made(await move(bActive, 'dropped_out', '2022-08-15'), 200);
    await made(await enrol((await anonymousCitizen()).id, '2022-09-10', { courseKind: 'sel-101a' }));
  });

  it('staff: the § 101 courses in the counts, the anonymous ones in anonymousCounts only', async () => {
    const sut = await call<OutcomeReport>('GET', `/api/outcomes/report?${period}`, undefined, { as: staff.aarhus });
    expect(sut.status).toBe(200);
    expect(sut.body.counts).toEqual({ referred: 3, started: 2, completed: 1, droppedOut: 0, transferred: 0, cancelled: 1, open: 1 });
    expect(sut.body.anonymousCounts).toEqual({ referred: 2, started: 1, completed: 0, droppedOut: 1, transferred: 0, cancelled: 0, open: 1 });
    // Completion is of the § 101 courses that ended: 1 completed of 1 (the anonymous drop-out is not in it).
    expect(sut.body.completionRate).toMatchObject({ successes: 1, n: 1 });
  });

  it('evaluator: anonymous counts go through disclosure control like every count (sets of 2 or fewer: "< 5", null)', async () => {
    const sut = await call<OutcomeReport>('GET', `/api/outcomes/report?${period}`, undefined, { as: 'evaluator@aarhus.demo' });
    expect(sut.status).toBe(200);
    expect(sut.body.disclosureControlled).toBe(true);
    expect(sut.body.anonymousCounts).toEqual({ referred: null, started: null, completed: null, droppedOut: null, transferred: null, cancelled: null, open: null });
    expect(sut.body.suppressed).toBe(true);
  });
});
