import type { ApiErrorBody, EvaluatorGrant, KeptOutcomeReport, LegalHold, OutcomeReport, RetentionOverview, RetentionRun } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { backdate } from '../src/testing/retention-rows';
import { createUser, daysFromToday, staff } from './support/fixtures';
import { asAppRole, call, closeDb, db, tokenFor } from './support/http';
import { closeRows, ownerManager, rows } from './support/rows';

/**
 * Kept figures (issue 22, decisions 166-169): the retention run keeps a programme's outcome report of
 * each referral year it begins to erase, as it stood just before. The independent reference is the
 * report API itself, asked BEFORE the run: the kept report must be that answer, unchanged by the run
 * that erased the courses and by a later one. Evaluators get the disclosure-controlled version only,
 * and only of a municipality granted to them; nobody of another municipality reads any of it.
 */
afterAll(async () => {
  await closeRows();
  await closeDb();
});

const ADMIN = 'admin@aarhus.demo';
const AARHUS = DEMO_IDS.municipalities.aarhus;
const ICM = DEMO_IDS.programmes.icm;
/** Years back: far from every other spec's backdated courses (the retention spec's are 11-12 years back). */
const YEARS_BACK = 18;

type Report = OutcomeReport & ApiErrorBody;
type Kept = KeptOutcomeReport[] & ApiErrorBody;
const reportOf = (year: number, auth: { as?: string; token?: string }, municipalityId = AARHUS) =>
  call<Report>('GET', `/api/outcomes/report?programmeId=${ICM}&municipalityId=${municipalityId}&from=${year}-01-01&to=${year}-12-31`, undefined, auth);
const keptOf = (auth: { as?: string; token?: string }, query = `programmeId=${ICM}&municipalityId=${AARHUS}`) => call<Kept>('GET', `/api/outcomes/kept?${query}`, undefined, auth);

/**
 * 12 ICM courses of Aarhus, every date YEARS_BACK years back: 8 completed (intake and end
 * interviews, 5 drug-free at the end), 4 dropped out (intake only). Answers the citizens and the
 * referral year, read back from the database.
 */
async function oldCohort(): Promise<{ citizens: string[]; enrolments: string[]; year: number }> {
  const make = await rows();
  const m = await ownerManager();
  const citizens: string[] = [];
  const enrolments: string[] = [];
  for (let i = 0; i < 12; i++) {
    const enrolment = await make.enrolment('aarhus', { programme: 'icm', state: i < 8 ? 'completed' : 'dropped_out' });
    await make.assessment(enrolment, 'intake', enrolment.startDate as string, { drugDays: 20, distress: 3 });
    if (i < 8) await make.assessment(enrolment, 'end', enrolment.endDate as string, { drugDays: i < 5 ? 0 : 8, distress: 1 });
    await backdate(m, enrolment.citizenId, YEARS_BACK);
    citizens.push(enrolment.citizenId);
    enrolments.push(enrolment.id);
  }
  const years = (await db().query<{ year: number }>(`SELECT DISTINCT extract(year FROM referral_date)::int AS year FROM enrolment WHERE citizen_id = ANY($1)`, [citizens])).rows;
  if (years.length !== 1) throw new Error(`the cohort spans ${years.length} referral years`);
  return { citizens, enrolments, year: (years[0] as { year: number }).year };
}

describe('figures kept from erased courses', () => {
  let year: number;
  let cohort: { citizens: string[]; enrolments: string[] };
  let held: string;
  let hold: LegalHold;
  let evaluator: { token: string };
  let controlledBefore: OutcomeReport;
  let keptAfterFirstRun: KeptOutcomeReport;

  beforeAll(async () => {
    const made = await oldCohort();
    cohort = made;
    year = made.year;
    held = cohort.citizens[0] as string;
    const placed = await call<LegalHold>('POST', '/api/legal-holds', { citizenId: held, reason: 'Klagesag ved Ankestyrelsen' }, { as: staff.aarhus });
    expect(placed.status).toBe(201);
    hold = placed.body;
    const user = await createUser('aarhus', 'evaluator');
    evaluator = { token: await tokenFor(user.email, user.password) };
  }, 120_000);

  it('lists the year in the dry run, keeps the report the API gave before the run, and says so in the report after', async () => {
    // The independent reference: the report API's own answers, asked before anything is erased.
    const exact = await reportOf(year, { as: staff.aarhus });
    expect(exact.status).toBe(200);
    expect(exact.body.counts).toMatchObject({ referred: 12, completed: 8, droppedOut: 4 });
    expect(exact.body.keptYears).toEqual([]);
    const controlled = await reportOf(year, { token: evaluator.token });
    expect(controlled.status).toBe(200);
    expect(controlled.body.disclosureControlled).toBe(true);
    controlledBefore = controlled.body;

    const dry = await call<RetentionOverview>('GET', '/api/retention', undefined, { as: ADMIN });
    expect(dry.status).toBe(200);
    expect(dry.body.keptYears).toContainEqual({ programmeId: ICM, year });
    // Nothing is kept by reading the dry run.
    expect((await keptOf({ as: staff.aarhus })).body.map((k) => k.year)).not.toContain(year);

    const run = await call<RetentionRun>('POST', '/api/retention/runs', { expectedCount: dry.body.dueTotal }, { as: ADMIN });
    expect(run.status).toBe(201);
    expect(run.body.citizens).toBeGreaterThanOrEqual(11);

    const kept = await keptOf({ as: staff.aarhus });
    expect(kept.status).toBe(200);
    const sut = kept.body.find((k) => k.year === year);
    expect(sut).toMatchObject({ programmeId: ICM, municipalityId: AARHUS, year, retentionRunId: run.body.id });
    // Staff too get the report as an evaluator got it before the run (decision 182): the erased
    // persons' exact figures are not kept, not even for their own municipality.
    expect(sut?.report).toEqual({ ...controlledBefore, budget: null });
    expect(sut?.report.disclosureControlled).toBe(true);
    expect(sut).not.toHaveProperty('courses');
    keptAfterFirstRun = sut as KeptOutcomeReport;
    // The run's own access-log row names the kept year beside the counts it erased.
    const logged = await db().query<{ change: { after: { keptYears: { programmeId: string; year: number }[] } } }>(
      `SELECT change FROM access_log WHERE resource = 'retention' AND action = 'create' AND record_id = $1`,
      [run.body.id],
    );
    expect(logged.rows[0]?.change.after.keptYears).toContainEqual({ programmeId: ICM, year });

    // The live report counts what remains (the held citizen's course), and names the kept year.
    const after = await reportOf(year, { as: staff.aarhus });
    expect(after.body.counts.referred).toBe(1);
    expect(after.body.keptYears).toEqual([year]);
    // A period around the year names it too; one beside it does not.
    const around = await call<Report>('GET', `/api/outcomes/report?programmeId=${ICM}&from=${year - 1}-07-01&to=${year}-03-31`, undefined, { as: staff.aarhus });
    expect(around.body.keptYears).toEqual([year]);
    const beside = await call<Report>('GET', `/api/outcomes/report?programmeId=${ICM}&from=${year + 1}-01-01&to=${year + 1}-12-31`, undefined, { as: staff.aarhus });
    expect(beside.body.keptYears).toEqual([]);

    // The table holds aggregates only: no citizen id and no record id of the erased.
    const stored = await db().query<{ text: string }>(`SELECT report::text AS text FROM retained_outcome_report WHERE programme_id = $1 AND year = $2`, [ICM, year]);
    expect(stored.rows).toHaveLength(1);
    for (const id of [...cohort.citizens, ...cohort.enrolments]) expect(stored.rows[0]?.text).not.toContain(id);
  }, 120_000);

  it('leaves the kept year unchanged when a later erasure erases more of it', async () => {
    const lifted = await call<LegalHold>('PUT', `/api/legal-holds/${hold.id}`, { liftReason: 'Sagen er afsluttet', version: hold.version }, { as: staff.aarhus });
    expect(lifted.status).toBe(200);
    const dry = await call<RetentionOverview>('GET', '/api/retention', undefined, { as: ADMIN });
    // The year is kept already: the dry run does not list it again.
    expect(dry.body.keptYears).not.toContainEqual({ programmeId: ICM, year });
    const erased = await call<RetentionRun>('POST', '/api/retention/erasures', { citizenId: held }, { as: ADMIN });
    expect(erased.status).toBe(201);
    const after = await reportOf(year, { as: staff.aarhus });
    expect(after.body.counts.referred).toBe(0);
    const kept = (await keptOf({ as: staff.aarhus })).body.find((k) => k.year === year);
    expect(kept).toEqual(keptAfterFirstRun);
    // And a whole run after it (the admin's "run now", as the schedule runs) changes nothing either.
    const again = await call<RetentionOverview>('GET', '/api/retention', undefined, { as: ADMIN });
    expect((await call<RetentionRun>('POST', '/api/retention/runs', { expectedCount: again.body.dueTotal }, { as: ADMIN })).status).toBe(201);
    expect((await keptOf({ as: staff.aarhus })).body.find((k) => k.year === year)).toEqual(keptAfterFirstRun);
    expect(Number((await db().query<{ n: string }>(`SELECT count(*) AS n FROM retained_outcome_report WHERE programme_id = $1 AND year = $2`, [ICM, year])).rows[0]?.n)).toBe(1);
  });

  it('gives an evaluator of the municipality the controlled report only, as the report API gave it, and spends no budget', async () => {
    const budgetBefore = (await call<{ used: number }>('GET', '/api/outcomes/budget', undefined, { token: evaluator.token })).body.used;
    const kept = await keptOf({ token: evaluator.token });
    expect(kept.status).toBe(200);
    const sut = kept.body.find((k) => k.year === year);
    expect(sut?.report).toEqual({ ...controlledBefore, budget: null });
    expect(sut?.report.disclosureControlled).toBe(true);
    expect(sut?.report.economy.staffMinutes).toBeNull();
    // The exact figures are nowhere in the answer: no query parameter asks for them.
    for (const query of [`programmeId=${ICM}&version=exact`, `programmeId=${ICM}&exact=true`]) {
      const tried = await keptOf({ token: evaluator.token }, query);
      if (tried.status === 200) expect(tried.body.find((k) => k.year === year)?.report).toEqual({ ...controlledBefore, budget: null });
      else expect(tried.status).toBe(400);
    }
    expect(kept.body.every((k) => k.report.disclosureControlled && !('courses' in k))).toBe(true);
    expect((await call<{ used: number }>('GET', '/api/outcomes/budget', undefined, { token: evaluator.token })).body.used).toBe(budgetBefore);
  });

  it('answers another municipality’s evaluator 403 without a grant, and the controlled report with one', async () => {
    const odenseEvaluator = 'evaluator@odense.demo';
    expect((await keptOf({ as: odenseEvaluator })).status).toBe(403);
    const granted = await call<EvaluatorGrant>('POST', '/api/evaluator-grants', {
      evaluatorEmail: odenseEvaluator, purpose: 'Sammenligning af ICM over tid', validFrom: daysFromToday(-1), validUntil: daysFromToday(1),
    }, { as: ADMIN });
    expect(granted.status).toBe(201);
    try {
      const sut = await keptOf({ as: odenseEvaluator });
      expect(sut.status).toBe(200);
      expect(sut.body.find((k) => k.year === year)?.report).toEqual({ ...controlledBefore, budget: null });
    } finally {
      // Other test files expect the demo evaluator without grants.
      expect((await call('DELETE', `/api/evaluator-grants/${granted.body.id}`, undefined, { as: ADMIN })).status).toBe(200);
    }
    expect((await keptOf({ as: odenseEvaluator })).status).toBe(403);
  });

  it('shows another municipality’s staff none of it, and refuses the roles without the report', async () => {
    expect((await keptOf({ as: staff.odense })).status).toBe(403);
    const own = await keptOf({ as: staff.odense }, `programmeId=${ICM}`);
    expect(own.status).toBe(200);
    expect(own.body.every((k) => k.municipalityId === DEMO_IDS.municipalities.odense)).toBe(true);
    for (const who of [ADMIN, 'coordinator@aarhus.demo']) expect((await keptOf({ as: who })).status).toBe(403);
  });

  it('refuses bad input with 400 naming the field', async () => {
    for (const [query, field] of [
      ['', 'programmeId'],
      ['programmeId=icm', 'programmeId'],
      [`programmeId=${ICM}&municipalityId=aarhus`, 'municipalityId'],
      [`programmeId=${AARHUS}`, 'programmeId'],
    ] as const) {
      const res = await keptOf({ as: staff.aarhus }, query);
      expect([res.status, Object.keys(res.body.errors ?? {})]).toEqual([400, [field]]);
    }
  });

  it('holds the table to the municipality in SQL: another municipality reads none, writes none, and nobody changes a kept year', async () => {
    await asAppRole({ 'app.municipality_id': DEMO_IDS.municipalities.odense, 'app.role': 'admin', 'app.user_id': DEMO_IDS.users.odense.admin }, async (client) => {
      const seen = await client.query(`SELECT 1 FROM retained_outcome_report WHERE municipality_id = $1`, [AARHUS]);
      expect(seen.rows).toEqual([]);
      await expect(
        client.query(`INSERT INTO retained_outcome_report (municipality_id, programme_id, year, retention_run_id, report) VALUES ($1, $2, 1999, $3, '{}')`, [
          AARHUS, ICM, keptAfterFirstRun.retentionRunId,
        ]),
      ).rejects.toThrow(/row-level security/);
    });
    // Staff of the municipality itself write no kept figures: only a retention run (the admin role) does.
    await asAppRole({ 'app.municipality_id': AARHUS, 'app.role': 'staff', 'app.user_id': DEMO_IDS.users.aarhus.staff }, async (client) => {
      await expect(
        client.query(`INSERT INTO retained_outcome_report (municipality_id, programme_id, year, retention_run_id, report) VALUES ($1, $2, 1999, $3, '{}')`, [
          AARHUS, ICM, keptAfterFirstRun.retentionRunId,
        ]),
      ).rejects.toThrow(/row-level security/);
    });
    // Nor does the municipality's admin role outside a run: a kept year names the run of its own
    // transaction, not an earlier one (a forged year would stop the genuine figures being kept).
    await asAppRole({ 'app.municipality_id': AARHUS, 'app.role': 'admin', 'app.user_id': DEMO_IDS.users.aarhus.admin }, async (client) => {
      await expect(
        client.query(`INSERT INTO retained_outcome_report (municipality_id, programme_id, year, retention_run_id, report) VALUES ($1, $2, 1999, $3, '{}')`, [
          AARHUS, ICM, keptAfterFirstRun.retentionRunId,
        ]),
      ).rejects.toThrow(/row-level security/);
    });
    for (const sql of [`UPDATE retained_outcome_report SET report = '{}'`, `DELETE FROM retained_outcome_report`]) {
      await asAppRole({ 'app.municipality_id': AARHUS, 'app.role': 'admin', 'app.user_id': DEMO_IDS.users.aarhus.admin }, async (client) => {
        await expect(client.query(sql)).rejects.toThrow(/permission denied/);
      });
    }
  });
});
