import type { ApiErrorBody, PlanReviewDue, TreatmentPlan } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { activeEnrolment, createUser, staff } from './support/fixtures';
import { asAppRole, call, closeDb, db } from './support/http';
import { daysFromToday, today } from './support/dates';

/**
 * The treatment plan (Serviceloven § 101 stk. 8; issue 21): goals (at least one), actions, expected
 * duration, who does what, made with the citizen, revised over time with every revision kept, reviews
 * due on the staff worklist.
 */

afterAll(closeDb);

const as = { as: staff.aarhus };
const plan = (extra: Record<string, unknown> = {}) => ({
  goals: ['Stoppe med hash', 'Komme i praktik'],
  actions: ['Ugentlig samtale', 'Kontakt til jobcentret'],
  expectedDurationWeeks: 26,
  citizenResources: 'Støttende søster',
  otherActors: 'Jobcentret: finder praktikplads',
  responsible: 'Behandleren holder samtalerne; borgeren møder op',
  madeWithCitizen: true,
  madeWithCitizenOn: today(),
  reviewDate: daysFromToday(30),
  ...extra,
});
const make = (enrolmentId: string, body: unknown, who: { as: string } = as) => call<TreatmentPlan & ApiErrorBody>('POST', `/api/enrolments/${enrolmentId}/treatment-plan`, body, who);
const revise = (enrolmentId: string, body: unknown) => call<TreatmentPlan & ApiErrorBody>('PUT', `/api/enrolments/${enrolmentId}/treatment-plan`, body, as);
const stored = async (enrolmentId: string): Promise<number> => Number((await db().query<{ n: string }>('SELECT count(*) AS n FROM treatment_plan_revision WHERE enrolment_id = $1', [enrolmentId])).rows[0]?.n);

describe('the treatment plan', () => {
  it.each([
    ['a plan without a goal', { goals: [] }, 'goals'],
    ['no goals at all', { goals: undefined }, 'goals'],
    ['an empty goal', { goals: ['  '] }, 'goals'],
    ['made with the citizen without the day', { madeWithCitizenOn: null }, 'madeWithCitizenOn'],
    ['made with the citizen tomorrow', { madeWithCitizenOn: daysFromToday(1) }, 'madeWithCitizenOn'],
    ['a review date in the past', { reviewDate: daysFromToday(-1) }, 'reviewDate'],
    ['a duration of 0 weeks', { expectedDurationWeeks: 0 }, 'expectedDurationWeeks'],
  ])('refuses %s (400 naming the field), writing nothing', async (_label, extra, field) => {
    const enrolment = await activeEnrolment('aarhus');
    const sut = await make(enrolment.id, plan(extra));
    expect(sut.status).toBe(400);
    expect(Object.keys(sut.body.errors ?? {})).toEqual([field]);
    expect(await stored(enrolment.id)).toBe(0);
  });

  it('says "a plan without a goal" in the refusal', async () => {
    const sut = await make((await activeEnrolment('aarhus')).id, plan({ goals: [] }));
    expect(sut.body.errors?.['goals']).toContain('a plan without a goal');
  });

  it('is made once, read with its content, and logged as a read of the enrolment\'s citizen', async () => {
    const enrolment = await activeEnrolment('aarhus');
    const made = await make(enrolment.id, plan());
    expect(made.status).toBe(201);
    expect(made.body.current).toMatchObject({ revision: 1, goals: ['Stoppe med hash', 'Komme i praktik'], expectedDurationWeeks: 26, madeWithCitizen: true, madeWithCitizenOn: today(), revisedByUserId: DEMO_IDS.users.aarhus.staff, revisionReason: null });
    expect((await make(enrolment.id, plan())).status).toBe(409);
    const read = await call<TreatmentPlan>('GET', `/api/enrolments/${enrolment.id}/treatment-plan`, undefined, as);
    expect(read.body.revisions.map((r) => r.revision)).toEqual([1]);
    const logged = await db().query("SELECT 1 FROM access_log WHERE resource = 'enrolments' AND action = 'read' AND record_id = $1 AND citizen_id = $2", [enrolment.id, enrolment.citizenId]);
    expect(logged.rowCount).toBeGreaterThan(0);
    // The plan's words are encrypted at rest.
    const raw = await db().query<{ content_encrypted: string }>('SELECT content_encrypted FROM treatment_plan_revision WHERE enrolment_id = $1', [enrolment.id]);
    expect(raw.rows[0]?.content_encrypted).not.toContain('hash');
  });

  it('is revised by adding a revision (who, when, why); the earlier one is kept as it was', async () => {
    const enrolment = await activeEnrolment('aarhus');
    expect((await make(enrolment.id, plan())).status).toBe(201);
    const noReason = await revise(enrolment.id, plan({ basedOnRevision: 1 }));
    expect(noReason.status).toBe(400);
    expect(Object.keys(noReason.body.errors ?? {})).toEqual(['revisionReason']);
    const sut = await revise(enrolment.id, plan({ basedOnRevision: 1, goals: ['Stoppe med hash', 'Få egen bolig'], revisionReason: 'Praktik udskudt; bolig først' }));
    expect(sut.status).toBe(200);
    expect(sut.body.revisions.map((r) => [r.revision, r.goals, r.revisionReason])).toEqual([
      [2, ['Stoppe med hash', 'Få egen bolig'], 'Praktik udskudt; bolig først'],
      [1, ['Stoppe med hash', 'Komme i praktik'], null],
    ]);
    const stale = await revise(enrolment.id, plan({ basedOnRevision: 1, revisionReason: 'Samtidig ændring' }));
    expect([stale.status, stale.body.code]).toEqual([409, 'VERSION_CONFLICT']);
    expect(await stored(enrolment.id)).toBe(2);
  });

  it('is another municipality\'s no business (404), and nothing is written', async () => {
    const theirs = await activeEnrolment('odense');
    expect((await make(theirs.id, plan())).status).toBe(404);
    expect((await call('GET', `/api/enrolments/${theirs.id}/treatment-plan`, undefined, as)).status).toBe(404);
    expect(await stored(theirs.id)).toBe(0);
  });

  it('puts a review due within 7 days (or overdue) on the worklist, and not one due in 30 days', async () => {
    const soon = await activeEnrolment('aarhus');
    const later = await activeEnrolment('aarhus');
    expect((await make(soon.id, plan({ reviewDate: daysFromToday(3) }))).status).toBe(201);
    expect((await make(later.id, plan({ reviewDate: daysFromToday(30) }))).status).toBe(201);
    const sut = await call<PlanReviewDue[]>('GET', `/api/worklist/plan-reviews?centreId=${DEMO_IDS.centres.aarhusCentrum}`, undefined, as);
    expect(sut.status).toBe(200);
    const mine = sut.body.filter((r) => r.enrolmentId === soon.id || r.enrolmentId === later.id);
    expect(mine.map((r) => [r.enrolmentId, r.reviewDate, r.overdue])).toEqual([[soon.id, daysFromToday(3), false]]);
    // Odense's staff do not see Aarhus's plans.
    const odense = await call<PlanReviewDue[]>('GET', '/api/worklist/plan-reviews', undefined, { as: staff.odense });
    expect(odense.body.some((r) => r.enrolmentId === soon.id)).toBe(false);
  });

  it('honours "Mine borgere" (staffUserId: the enrolment\'s staff member) as the worklist\'s other lines do', async () => {
    const mine = await activeEnrolment('aarhus');
    const colleagues = await activeEnrolment('aarhus');
    const colleague = await createUser('aarhus', 'staff');
    const current = await call<{ version: number }>('GET', `/api/enrolments/${colleagues.id}`, undefined, as);
    const moved = await call('PUT', `/api/enrolments/${colleagues.id}`, { centreId: DEMO_IDS.centres.aarhusCentrum, staffUserId: colleague.id, version: current.body.version }, as);
    expect(moved.status).toBe(200);
    expect((await make(mine.id, plan({ reviewDate: daysFromToday(2) }))).status).toBe(201);
    expect((await make(colleagues.id, plan({ reviewDate: daysFromToday(1) }))).status).toBe(201);
    const ours = [mine.id, colleagues.id];
    const seen = async (query: string): Promise<string[]> => {
      const res = await call<PlanReviewDue[]>('GET', `/api/worklist/plan-reviews${query}`, undefined, as);
      expect(res.status).toBe(200);
      return res.body.map((r) => r.enrolmentId).filter((id) => ours.includes(id));
    };
    // Everyone's: both, soonest first; mine: the demo staff member's only; the colleague's: theirs only.
    expect(await seen('')).toEqual([colleagues.id, mine.id]);
    expect(await seen(`?staffUserId=${DEMO_IDS.users.aarhus.staff}`)).toEqual([mine.id]);
    expect(await seen(`?staffUserId=${colleague.id}`)).toEqual([colleagues.id]);
    expect(await seen(`?staffUserId=${DEMO_IDS.users.aarhus.staff}&centreId=${DEMO_IDS.centres.aarhusCentrum}`)).toEqual([mine.id]);
    // An empty filter is no filter, as the worklist's "Alle" sends none.
    expect(await seen('?staffUserId=&centreId=')).toEqual([colleagues.id, mine.id]);
    const bad = await call<ApiErrorBody>('GET', '/api/worklist/plan-reviews?staffUserId=mig', undefined, as);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toHaveProperty('staffUserId');
  });

  it('cannot be changed or removed by the API\'s own role, by SQL', async () => {
    const enrolment = await activeEnrolment('aarhus');
    expect((await make(enrolment.id, plan())).status).toBe(201);
    const settings = { 'app.municipality_id': DEMO_IDS.municipalities.aarhus, 'app.user_id': DEMO_IDS.users.aarhus.staff };
    const attempt = (sql: string) =>
      asAppRole(settings, async (client) => {
        try {
          await client.query(sql, sql.includes('$1') ? [enrolment.id] : []);
          return 'allowed';
        } catch (error) {
          return (error as { code?: string }).code;
        }
      });
    expect(await attempt("UPDATE treatment_plan_revision SET review_date = '2099-01-01' WHERE enrolment_id = $1")).toBe('42501');
    expect(await attempt('DELETE FROM treatment_plan_revision WHERE enrolment_id = $1')).toBe('42501');
    expect(await attempt('TRUNCATE treatment_plan_revision')).toBe('42501');
    expect(await stored(enrolment.id)).toBe(1);
  });
});
