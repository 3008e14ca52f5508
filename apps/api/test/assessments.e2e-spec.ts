import type { ApiErrorBody, Assessment, DueAssessment, Enrolment, FollowUpAttempt, WorklistItem } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { activeEnrolment, ASI_INTAKE_ITEMS, staff } from './support/fixtures';
import { call, closeDb, db, listPath } from './support/http';
import { today } from './support/dates';

afterAll(closeDb);

const items = ASI_INTAKE_ITEMS;

const record = (enrolmentId: string, extra: Record<string, unknown> = {}) =>
  call<Assessment & ApiErrorBody>('POST', '/api/assessments', { enrolmentId, timepoint: 'intake', date: today(), items, ...extra }, { as: staff.aarhus });

describe('ASI assessments', () => {
  it('stores the seven composites the domain scoring gives, and drug-free status', async () => {
    const enrolment = await activeEnrolment('aarhus', DEMO_IDS.programmes.hcs);
    const sut = await record(enrolment.id);
    expect(sut.status).toBe(201);
    expect(sut.body.composites.medical).toBeCloseTo(9 / 90 + 3 / 12 + 2 / 12, 12);
    expect(sut.body.composites.drug).toBeCloseTo((2 + 10 + 1 + 5) / 390 + 2 / 52 + 3 / 52, 12);
    expect(sut.body.composites.legal).toBeCloseTo(0, 12);
    expect(sut.body).toMatchObject({ drugFree: false, missing: {}, timepoint: 'intake', citizenId: enrolment.citizenId, interviewerUserId: DEMO_IDS.users.aarhus.staff });
  });

  it('leaves a composite absent, naming the missing items, and keeps history on edit', async () => {
    const enrolment = await activeEnrolment('aarhus', DEMO_IDS.programmes.hcs);
    const { P11: _p11, ...partial } = items;
    const first = await record(enrolment.id, { items: { ...partial, P12: null } });
    expect(first.body.composites.psychiatric).toBeNull();
    expect(first.body.missing).toEqual({ psychiatric: ['P11', 'P12'] });
    const edited = await call<Assessment>('PUT', `/api/assessments/${first.body.id}`, { date: today(), items, version: first.body.version }, { as: staff.aarhus });
    expect(edited.status).toBe(200);
    expect(edited.body.composites.psychiatric).not.toBeNull();
    const history = await db().query('SELECT version, composites FROM assessment_revision WHERE assessment_id = $1', [first.body.id]);
    expect(history.rows).toEqual([{ version: 1, composites: expect.objectContaining({ psychiatric: null }) }]);
    expect((await call('PUT', `/api/assessments/${first.body.id}`, { date: today(), items, version: 1 }, { as: staff.aarhus })).status).toBe(409);
  });

  it.each([
    ['a day count over 30', { M6: 31 }, 'items.M6'],
    ['a rating of 5', { D29: 5 }, 'items.D29'],
    ['a negative amount', { E12: -1 }, 'items.E12'],
    ['an unknown item', { Z9: 1 }, 'items.Z9'],
    ['a car available (E5 = 1) without a licence (E4 = 0)', { E4: 0, E5: 1 }, 'items.E5'],
  ])('refuses %s with 400 naming the item, writing nothing', async (_label, bad, field) => {
    const enrolment = await activeEnrolment('aarhus', DEMO_IDS.programmes.hcs);
    const sut = await record(enrolment.id, { items: { ...items, ...bad } });
    expect(sut.status).toBe(400);
    expect(sut.body.errors).toHaveProperty([field]);
    expect((await db().query('SELECT count(*)::int AS n FROM assessment WHERE enrolment_id = $1', [enrolment.id])).rows[0]).toEqual({ n: 0 });
  });

  it('says why drug-free is unknown: the unanswered drug-day items', async () => {
    const enrolment = await activeEnrolment('aarhus', DEMO_IDS.programmes.hcs);
    const sut = await record(enrolment.id, { items: { ...items, D7: null, D9: null } });
    expect(sut.status).toBe(201);
    expect(sut.body).toMatchObject({ drugFree: null, drugFreeMissing: ['D7', 'D9'] });
    const known = await call<Assessment>('GET', `/api/assessments/${sut.body.id}`, undefined, { as: staff.aarhus });
    expect(known.body.drugFreeMissing).toEqual(['D7', 'D9']);
  });

  it('refuses a future date and a second intake', async () => {
    const enrolment = await activeEnrolment('aarhus', DEMO_IDS.programmes.hcs);
    expect((await record(enrolment.id, { date: '2099-01-01' })).status).toBe(400);
    expect((await record(enrolment.id)).status).toBe(201);
    const second = await record(enrolment.id);
    expect(second.status).toBe(409);
    expect((await record(enrolment.id, { timepoint: 'ad-hoc' })).status).toBe(201);
  });
});

describe('follow-up schedule and worklist', () => {
  it('shows what an ended HCS enrolment owes, logs attempts, and lists it on the staff member’s worklist', async () => {
    const enrolment = await activeEnrolment('aarhus', DEMO_IDS.programmes.hcs);
    await record(enrolment.id);
    const ended = await call<Enrolment>('POST', `/api/enrolments/${enrolment.id}/transitions`, { to: 'completed', date: today(), endStatus: 'drug_free', version: enrolment.version }, { as: staff.aarhus });
    expect(ended.status).toBe(200);
    const schedule = await call<{ due: DueAssessment[] }>('GET', `/api/enrolments/${enrolment.id}/follow-ups`, undefined, { as: staff.aarhus });
    expect(schedule.body.due.map((d) => [d.timepoint, d.status])).toEqual([['intake', 'done'], ['end', 'in-window'], ['follow-up-3', 'upcoming'], ['follow-up-6', 'upcoming']]);

    const attempt = await call<FollowUpAttempt & ApiErrorBody>('POST', `/api/enrolments/${enrolment.id}/follow-up-attempts`, { timepoint: 'end', date: today(), channel: 'phone', reached: false }, { as: staff.aarhus });
    expect(attempt.status).toBe(201);
    const badChannel = await call<ApiErrorBody>('POST', `/api/enrolments/${enrolment.id}/follow-up-attempts`, { timepoint: 'end', date: today(), channel: 'pigeon', reached: false }, { as: staff.aarhus });
    expect(badChannel.body.errors).toHaveProperty('channel');

    const worklist = await call<WorklistItem[]>('GET', listPath('worklist', { filter: { staffUserId: DEMO_IDS.users.aarhus.staff, status: 'in-window' }, range: [0, 499] }), undefined, { as: staff.aarhus });
    expect(worklist.status).toBe(200);
    const mine = worklist.body.find((w) => w.enrolmentId === enrolment.id);
    expect(mine).toMatchObject({ id: `${enrolment.id}:end`, timepoint: 'end', status: 'in-window', attempts: [expect.objectContaining({ channel: 'phone', reached: false })] });
    expect(worklist.headers.get('content-range')).toMatch(/^worklist /);
    const odense = await call<WorklistItem[]>('GET', listPath('worklist', { range: [0, 499] }), undefined, { as: staff.odense });
    expect(odense.body.find((w) => w.enrolmentId === enrolment.id)).toBeUndefined();
  });
});
