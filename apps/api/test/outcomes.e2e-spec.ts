import type { ApiErrorBody, Enrolment, EvaluatorGrant, OutcomeReport } from '@outcomes/contracts';
import { DEMO_IDS, sampleAsiItems } from '@outcomes/seeds';
import { createCitizen, daysFromToday, staff, youngCpr, consentToStart } from './support/fixtures';
import { call, closeDb } from './support/http';

afterAll(closeDb);

const P = DEMO_IDS.programmes;
// Whole months, at least three: an evaluator may ask for nothing finer.
const FROM = '2025-03-01';
const TO = '2025-05-31';

const as = staff.odense;
async function moveCohort(): Promise<void> {
  // Eight MOVE enrolments referred in March 2025: six complete (four drug-free at the end), two drop out.
  for (let i = 0; i < 8; i++) {
    const citizen = await createCitizen('odense', { cpr: youngCpr });
    const referred = await call<Enrolment>('POST', '/api/enrolments', { citizenId: citizen.id, programmeId: P.move, centreId: DEMO_IDS.centres.odenseSyd, referralDate: '2025-03-03' }, { as });
    const active = await call<Enrolment>('POST', `/api/enrolments/${referred.body.id}/transitions`, { to: 'active', date: '2025-03-10', version: referred.body.version }, { as });
    await call('POST', '/api/assessments', { enrolmentId: active.body.id, timepoint: 'intake', date: '2025-03-10', items: sampleAsiItems(20, 3) }, { as });
    const completes = i < 6;
    await call('POST', `/api/enrolments/${active.body.id}/transitions`, { to: completes ? 'completed' : 'dropped_out', date: '2025-06-10', endStatus: completes ? 'drug_free' : 'dropped_out', version: active.body.version }, { as });
    if (completes) {
      await call('POST', '/api/assessments', { enrolmentId: active.body.id, timepoint: 'end', date: '2025-06-10', items: sampleAsiItems(i < 4 ? 0 : 8, 1) }, { as });
      if (i < 5) await call('POST', '/api/assessments', { enrolmentId: active.body.id, timepoint: 'follow-up-6', date: '2025-12-10', items: sampleAsiItems(i < 3 ? 0 : 4, 1) }, { as });
    }
  }
}

const report = (user: string, municipalityId = DEMO_IDS.municipalities.odense, from = FROM, to = TO) =>
  call<OutcomeReport & ApiErrorBody>('GET', `/api/outcomes/report?programmeId=${P.move}&municipalityId=${municipalityId}&from=${from}&to=${to}`, undefined, { as: user });

describe('the outcome report', () => {
  beforeAll(moveCohort, 120_000);

  it('gives staff their own municipality’s figures unsuppressed', async () => {
    const sut = await report(as);
    expect(sut.status).toBe(200);
    expect(sut.body.counts).toEqual({ referred: 8, started: 8, completed: 6, droppedOut: 2, transferred: 0, cancelled: 0, open: 0 });
    expect(sut.body.completionRate).toMatchObject({ successes: 6, n: 8, p: 0.75 });
    const end = sut.body.drugFree.find((d) => d.timepoint === 'end');
    expect(end).toMatchObject({ due: 8, assessed: 6, rateAssessed: { successes: 4, n: 6 }, rateAll: { successes: 4, n: 8 }, followUpRate: { successes: 6, n: 8 } });
    const drugChange = sut.body.asiChange.find((c) => c.timepoint === 'end' && c.domain === 'drug');
    expect(drugChange?.change?.n).toBe(6);
    expect(drugChange?.change?.mean).toBeLessThan(0); // less drug use: improvement
    const benchmark = sut.body.benchmarks[0];
    expect(benchmark?.published).toMatchObject({ programmeCode: 'MOVE', proportion: 0.5, population: 'all', publishedMonths: 9, publishedFrom: 'start' });
    // All 8 started and owe the six-month follow-up; 5 were assessed, 3 drug-free.
    expect(benchmark).toMatchObject({ timepoint: 'follow-up-6', sameTime: false, intentionToTreat: { successes: 3, n: 8 }, assessed: { successes: 3, n: 5 }, compared: 'intentionToTreat' });
    // 3 of 8 against 50 %, two-sided: 2 × (1 + 8 + 28 + 56) / 256 = 186/256.
    expect(benchmark?.pValue).toBeCloseTo(186 / 256, 10);
    expect(sut.body.budget).toBeNull();
    expect(sut.body.retention).toMatchObject({ n: 8, median: 0 });
    expect(sut.body.disclosureControlled).toBe(false);
  });

  it('perturbs every figure for an evaluator: counts within 3 of the truth, none under 5, the same set the same value', async () => {
    const sut = await report('evaluator@odense.demo');
    expect(sut.status).toBe(200);
    expect(sut.body.disclosureControlled).toBe(true);
    const exact = { referred: 8, started: 8, completed: 6, droppedOut: 2, transferred: 0, cancelled: 0, open: 0 };
    for (const [key, value] of Object.entries(sut.body.counts)) {
      if (value !== null) {
        expect(value).toBeGreaterThanOrEqual(5);
        expect(Math.abs(value - exact[key as keyof typeof exact])).toBeLessThanOrEqual(3);
      }
    }
    // None transferred: a zero stays zero, and is shown as "< 5" like every count under 5.
    expect(sut.body.counts.transferred).toBeNull();
    // Every shown proportion has a denominator of 10 or more, and a numerator of 5 or more.
    const proportions = [sut.body.completionRate, ...sut.body.drugFree.flatMap((d) => [d.rateAssessed, d.rateAll, d.followUpRate])];
    for (const p of proportions) if (p) expect(p.n >= 10 && p.successes >= 5).toBe(true);
    if (sut.body.completionRate) expect(sut.body.completionRate.successes).toBe(sut.body.counts.completed);
    expect(sut.body.retention).toBeNull(); // 8 ended: at most 11 after perturbation, under 20
    expect(sut.body.economy.staffMinutes).toBeNull();
    expect(sut.body.budget).toMatchObject({ limit: 200 });
    expect(sut.body.budget?.used).toBeGreaterThanOrEqual(1);
  });

  it('answers 403 for a municipality not granted, and reports it once granted by the data owner’s admin', async () => {
    expect((await report('evaluator@aarhus.demo')).status).toBe(403);
    const granted = await call<EvaluatorGrant>('POST', '/api/evaluator-grants', {
      evaluatorEmail: 'evaluator@aarhus.demo', purpose: 'Sammenligning af SMART-grupper', validFrom: daysFromToday(-1), validUntil: daysFromToday(1),
    }, { as: 'admin@odense.demo' });
    expect(granted.status).toBe(201);
    try {
      const sut = await report('evaluator@aarhus.demo');
      expect(sut.status).toBe(200);
      // 8 referred, perturbed by at most 3 (and shown only from 5 up).
      expect(Math.abs((sut.body.counts.referred ?? 8) - 8)).toBeLessThanOrEqual(3);
      expect(sut.body.disclosureControlled).toBe(true);
    } finally {
      // Other test files expect the demo evaluator without grants.
      expect((await call('DELETE', `/api/evaluator-grants/${granted.body.id}`, undefined, { as: 'admin@odense.demo' })).status).toBe(200);
    }
    expect((await report('evaluator@aarhus.demo')).status).toBe(403);
  });

  it('shares a group meeting\'s minutes among all present, and counts no progress review as a follow-up', async () => {
    // SMART in Odense, referrals in February 2024: two in the period, one outside it.
    const enrol = async (referralDate: string): Promise<string> => {
      const citizen = await createCitizen('odense');
      const e = await call<Enrolment>('POST', '/api/enrolments', { citizenId: citizen.id, programmeId: P.smart, centreId: DEMO_IDS.centres.odenseSyd, referralDate, attestations: ['finished-treatment', 'drug-free-or-stable-substitution'] }, { as });
      expect(e.status).toBe(201);
      return e.body.id;
    };
    const [inPeriodA, inPeriodB, outside] = [await enrol('2024-02-05'), await enrol('2024-02-12'), await enrol('2024-05-06')];
    const coordinator = 'coordinator@odense.demo';
    const group = await call<{ id: string }>('POST', '/api/groups', { programmeId: P.smart, centreId: DEMO_IDS.centres.odenseSyd, name: 'SMART tirsdag', startTime: '19:00', weekday: 2 }, { as: coordinator });
    const meeting = async (startsAt: string, durationMinutes: number, present: string[]): Promise<void> => {
      const m = await call<{ id: string }>('POST', '/api/group-meetings', { groupId: group.body.id, startsAt, durationMinutes, anonymousHeadcount: 0, untrainedReason: 'Ingen uddannet frivillig denne uge' }, { as: coordinator });
      expect(m.status).toBe(201);
      const attendance = await call('PUT', `/api/group-meetings/${m.body.id}/attendance`, { attendance: present.map((enrolmentId) => ({ enrolmentId, status: 'present' })) }, { as: coordinator });
      expect(attendance.status).toBe(200);
    };
    await meeting('2024-06-04T17:00:00Z', 90, [inPeriodA, inPeriodB, outside]); // 30 minutes each
    await meeting('2024-06-11T17:00:00Z', 60, [inPeriodA]); // 60 minutes
    const review = await call('POST', '/api/assessments', { enrolmentId: inPeriodA, timepoint: 'ad-hoc', date: '2024-06-11', items: sampleAsiItems(25, 3) }, { as });
    expect(review.status).toBe(201);

    const sut = await call<OutcomeReport>('GET', `/api/outcomes/report?programmeId=${P.smart}&municipalityId=${DEMO_IDS.municipalities.odense}&from=2024-02-01&to=2024-02-29`, undefined, { as });
    expect(sut.status).toBe(200);
    expect(sut.body.counts.referred).toBe(2);
    expect(sut.body.economy.staffMinutes).toBe(30 + 30 + 60);
    // The review is no intake, end or follow-up interview: no figure counts it.
    expect(sut.body.asiChange.every((c) => c.change === null)).toBe(true);
    expect(sut.body.drugFree.every((d) => !d.assessed)).toBe(true);
  });

  it('compares MOVE with its published 50 % as it was counted: of all who started, at the nearest timepoint', async () => {
    // 12 MOVE citizens referred in September 2024, started, ended 2024-12-02 (8 completed, 4 dropped
    // out): the six-month follow-up (2025-06-02) is due for all 12. 3 were assessed then, 2 drug-free.
    for (let i = 0; i < 12; i++) {
      const citizen = await createCitizen('odense', { cpr: youngCpr });
      const referred = await call<Enrolment>('POST', '/api/enrolments', { citizenId: citizen.id, programmeId: P.move, centreId: DEMO_IDS.centres.odenseSyd, referralDate: '2024-09-02' }, { as });
      expect(referred.status).toBe(201);
      await consentToStart(referred.body.id, '2024-09-09', as); // born 2006: under 18 on some start dates
      const active = await call<Enrolment>('POST', `/api/enrolments/${referred.body.id}/transitions`, { to: 'active', date: '2024-09-09', version: referred.body.version }, { as });
      expect(active.status).toBe(200);
      expect((await call('POST', '/api/assessments', { enrolmentId: active.body.id, timepoint: 'intake', date: '2024-09-09', items: sampleAsiItems(20, 3) }, { as })).status).toBe(201);
      expect((await call('POST', `/api/enrolments/${active.body.id}/transitions`, { to: i < 8 ? 'completed' : 'dropped_out', date: '2024-12-02', endStatus: i < 8 ? 'drug_free' : 'dropped_out', version: active.body.version }, { as })).status).toBe(200);
      if (i < 3) {
        const followUp = await call('POST', '/api/assessments', { enrolmentId: active.body.id, timepoint: 'follow-up-6', date: '2025-06-02', items: sampleAsiItems(i < 2 ? 0 : 5, 1) }, { as });
        expect(followUp.status).toBe(201);
      }
    }
    const sut = await report(as, DEMO_IDS.municipalities.odense, '2024-09-01', '2024-11-30');
    expect(sut.status).toBe(200);
    const [move] = sut.body.benchmarks;
    // Published: nine months after the start. MOVE's 12 weekly sessions are 12 × 12/52 = 2.8 months, so
    // its six-month follow-up is 8.8 months after the start: nearest, but not the same time.
    expect(move).toMatchObject({ timepoint: 'follow-up-6', timepointMonthsFromStart: 8.8, sameTime: false, compared: 'intentionToTreat' });
    expect(move?.intentionToTreat).toMatchObject({ successes: 2, n: 12 });
    expect(move?.assessed).toMatchObject({ successes: 2, n: 3 });
    // Exact binomial, two-sided, 2 of 12 against 0.5: P(X <= 2) + P(X >= 10) = 2 × (1 + 12 + 66) / 4096 = 158/4096.
    expect(move?.pValue).toBeCloseTo(158 / 4096, 10);
    expect(move?.pValue).toBeCloseTo(0.0386, 4);
  }, 120_000);

  it('refuses a period that ends before it starts', async () => {
    const sut = await report(as, DEMO_IDS.municipalities.odense, '2025-04-01', '2025-03-01');
    expect(sut.status).toBe(400);
    expect(sut.body.errors).toHaveProperty('to');
  });
});
