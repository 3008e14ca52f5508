import type { ApiErrorBody, Enrolment, OutcomeReport, ReportBudget } from '@outcomes/contracts';
import { DEMO_IDS, sampleAsiItems } from '@outcomes/seeds';
import { createCitizen, createUser, staff, youngCpr, consentToStart } from './support/fixtures';
import { call, closeDb, db, tokenFor } from './support/http';

afterAll(closeDb);

const P = DEMO_IDS.programmes;
const ODENSE = DEMO_IDS.municipalities.odense;
const as = staff.odense;

/** A fresh evaluator of Odense, signed in: its budget is its own. */
async function freshEvaluator(): Promise<{ id: string; token: string }> {
  const user = await createUser('odense', 'evaluator');
  return { id: user.id, token: await tokenFor(user.email, user.password) };
}

type Report = OutcomeReport & ApiErrorBody;
const reportPath = (from: string, to: string, programmeId: string = P.move): string => `/api/outcomes/report?programmeId=${programmeId}&municipalityId=${ODENSE}&from=${from}&to=${to}`;
const report = (token: string, from: string, to: string) => call<Report>('GET', reportPath(from, to), undefined, { token });
const budget = (token: string) => call<ReportBudget & ApiErrorBody>('GET', '/api/outcomes/budget', undefined, { token });
const queriesOf = async (userId: string): Promise<number> => Number((await db().query<{ n: string }>('SELECT count(*) AS n FROM report_query WHERE user_id = $1', [userId])).rows[0]?.n);

/** 14 MOVE enrolments referred 2023-05-08: 10 complete (7 assessed at the end, 5 drug-free), 4 drop out. */
async function cohort(): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < 14; i++) {
    const citizen = await createCitizen('odense', { cpr: youngCpr });
    const referred = await call<Enrolment>('POST', '/api/enrolments', { citizenId: citizen.id, programmeId: P.move, centreId: DEMO_IDS.centres.odenseSyd, referralDate: '2023-05-08' }, { as });
    if (referred.status !== 201) throw new Error(`referral answered ${referred.status}`);
    await consentToStart(referred.body.id, '2023-05-15', as); // born 2006: under 18 on some start dates
    const active = await call<Enrolment>('POST', `/api/enrolments/${referred.body.id}/transitions`, { to: 'active', date: '2023-05-15', version: referred.body.version }, { as });
    if (active.status !== 200) throw new Error(`start answered ${active.status}`);
    const intake = await call('POST', '/api/assessments', { enrolmentId: active.body.id, timepoint: 'intake', date: '2023-05-15', items: sampleAsiItems(20, 3) }, { as });
    if (intake.status !== 201) throw new Error(`intake answered ${intake.status}`);
    const ended = await call('POST', `/api/enrolments/${active.body.id}/transitions`, { to: i < 10 ? 'completed' : 'dropped_out', date: '2023-08-14', endStatus: i < 10 ? 'drug_free' : 'dropped_out', version: active.body.version }, { as });
    if (ended.status !== 200) throw new Error(`end answered ${ended.status}`);
    if (i < 7) {
      const end = await call('POST', '/api/assessments', { enrolmentId: active.body.id, timepoint: 'end', date: '2023-08-14', items: sampleAsiItems(i < 5 ? 0 : 6, 1) }, { as });
      if (end.status !== 201) throw new Error(`end assessment answered ${end.status}`);
    }
    ids.push(active.body.id);
  }
  return ids;
}

describe('an evaluator’s report: periods', () => {
  let evaluator: { id: string; token: string };
  beforeAll(async () => {
    evaluator = await freshEvaluator();
  });

  it.each([
    ['2023-04-02', '2023-06-30', 'from', /first day of a month/],
    ['2023-04-01', '2023-06-29', 'to', /last day of a month/],
    ['2023-04-01', '2023-05-31', 'to', /at least 3 whole months/],
    ['2023-04-01', '2023-04-30', 'to', /at least 3 whole months/],
  ])('refuses %s .. %s with 400 naming %s, and counts nothing', async (from, to, field, rule) => {
    const sut = await report(evaluator.token, from, to);
    expect(sut.status).toBe(400);
    expect(sut.body.code).toBe('VALIDATION_FAILED');
    expect(sut.body.errors?.[field]).toMatch(rule);
    expect(await queriesOf(evaluator.id)).toBe(0);
  });

  it('lets staff keep any period', async () => {
    const sut = await call<Report>('GET', reportPath('2023-05-08', '2023-05-08'), undefined, { as });
    expect(sut.status).toBe(200);
    expect(sut.body.budget).toBeNull();
  });
});

describe('an evaluator’s report: the daily budget of distinct queries', () => {
  let evaluator: { id: string; token: string };
  beforeAll(async () => {
    evaluator = await freshEvaluator();
  });

  /** The n-th distinct period: three whole months starting n months after January 2000. */
  const period = (n: number): [string, string] => {
    const start = new Date(Date.UTC(2000, n, 1));
    const end = new Date(Date.UTC(2000, n + 3, 0));
    return [start.toISOString().slice(0, 10), end.toISOString().slice(0, 10)];
  };

  it('counts distinct queries, lets a repeat through free, and answers 429 with Retry-After past 200, writing nothing', async () => {
    const before = await budget(evaluator.token);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ used: 0, limit: 200 });
    expect(before.body.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const first = await report(evaluator.token, ...period(0));
    expect(first.status).toBe(200);
    expect(first.body.budget).toEqual({ used: 1, limit: 200, day: before.body.day });
    const again = await report(evaluator.token, ...period(0));
    expect(again.body.budget?.used).toBe(1);
    // Asking for the budget spends none of it.
    expect((await budget(evaluator.token)).body.used).toBe(1);

    for (let n = 1; n < 200; n++) {
      const sut = await report(evaluator.token, ...period(n));
      if (sut.status !== 200) throw new Error(`query ${n + 1} answered ${sut.status}: ${JSON.stringify(sut.body)}`);
    }
    expect((await budget(evaluator.token)).body.used).toBe(200);
    expect(await queriesOf(evaluator.id)).toBe(200);

    const refused = await report(evaluator.token, ...period(200));
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('REPORT_BUDGET_EXHAUSTED');
    expect(refused.body.message).toMatch(/200 distinct report queries/);
    const retryAfter = Number(refused.headers.get('retry-after'));
    // Until Danish midnight: at most a day (25 hours on the day the clocks go back).
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(25 * 3600);
    expect(await queriesOf(evaluator.id)).toBe(200);

    // An earlier query is still free.
    const repeat = await report(evaluator.token, ...period(17));
    expect(repeat.status).toBe(200);
    expect(repeat.body.budget?.used).toBe(200);
    expect(await queriesOf(evaluator.id)).toBe(200);
  }, 300_000);

  it('is an evaluator’s only', async () => {
    expect((await call('GET', '/api/outcomes/budget', undefined, { as })).status).toBe(404);
  });
});

describe('an evaluator’s report: the cell key method through the API', () => {
  let ids: string[] = [];
  let evaluator: { id: string; token: string };
  beforeAll(async () => {
    evaluator = await freshEvaluator();
    ids = await cohort();
  }, 180_000);

  it('shows staff the exact figures', async () => {
    const sut = await call<Report>('GET', reportPath('2023-05-01', '2023-05-31'), undefined, { as });
    expect(sut.status).toBe(200);
    expect(sut.body.disclosureControlled).toBe(false);
    expect(sut.body.counts).toEqual({ referred: 14, started: 14, completed: 10, droppedOut: 4, transferred: 0, cancelled: 0, open: 0 });
    expect(sut.body.completionRate).toMatchObject({ successes: 10, n: 14 });
    expect(sut.body.drugFree[0]).toMatchObject({ timepoint: 'end', due: 14, assessed: 7, rateAssessed: { successes: 5, n: 7 } });
    expect(sut.body.economy.staffMinutes).not.toBeNull();
  });

  it('perturbs every count by at most 3, shows none under 5, and the same cell the same in every report', async () => {
    const a = await report(evaluator.token, '2023-04-01', '2023-06-30');
    const b = await report(evaluator.token, '2023-05-01', '2023-07-31');
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.body.disclosureControlled).toBe(true);
    const exact = { referred: 14, started: 14, completed: 10, droppedOut: 4, transferred: 0, cancelled: 0, open: 0 };
    for (const [key, value] of Object.entries(a.body.counts)) {
      if (value === null) continue;
      expect(value).toBeGreaterThanOrEqual(5);
      expect(Math.abs(value - exact[key as keyof typeof exact])).toBeLessThanOrEqual(3);
    }
    // Both periods hold exactly the cohort: every figure is the same.
    const { from: _f1, to: _t1, budget: _b1, ...figuresA } = a.body;
    const { from: _f2, to: _t2, budget: _b2, ...figuresB } = b.body;
    expect(figuresB).toEqual(figuresA);
    // The same set of enrolments shows the same value wherever it appears.
    if (a.body.completionRate) expect(a.body.completionRate.successes).toBe(a.body.counts.completed);
    const end = a.body.drugFree[0];
    if (end?.followUpRate) expect(end.followUpRate.successes).toBe(end.assessed);
    if (end?.followUpRate && a.body.completionRate) expect(end.followUpRate.n).toBe(a.body.completionRate.n);
    expect(a.body.economy.staffMinutes).toBeNull();
    expect(a.body.economy.cost).toBeNull();
  });

  it('never shows a record key', async () => {
    const keys = (await db().query<{ record_key: number }>('SELECT record_key FROM enrolment WHERE id = ANY($1)', [ids])).rows.map((r) => r.record_key);
    expect(keys).toHaveLength(14);
    expect(new Set(keys).size).toBe(14);
    for (const k of keys) expect(k >= 0 && k < 1).toBe(true);
    const answers = [
      await report(evaluator.token, '2023-04-01', '2023-06-30'),
      await call('GET', reportPath('2023-05-01', '2023-05-31'), undefined, { as }),
      await call('GET', `/api/enrolments?filter=${encodeURIComponent(JSON.stringify({ programmeId: P.move }))}&range=${encodeURIComponent('[0,499]')}`, undefined, { as }),
      ...(await Promise.all(ids.slice(0, 4).map((id) => call('GET', `/api/enrolments/${id}`, undefined, { as })))),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      const text = JSON.stringify(answer.body);
      expect(text).not.toMatch(/record_?key/i);
      // The key's digits (ten of them after the point) appear nowhere.
      for (const k of keys) if (String(k).length >= 12) expect(text).not.toContain(String(k).slice(2, 12));
    }
  });
});
