import type { Citizen, Enrolment, OutcomeReport, RetentionOverview, RetentionRun, User } from '@outcomes/contracts';
import { DEMO_IDS, DEMO_PASSWORD, demoEmail } from '@outcomes/seeds';
import { Pool } from 'pg';
import { expectNoAxeViolations, settle } from './support/a11y';
import { freshCpr } from './support/a11y-data';
import { apiGet, apiPost } from './support/api';
import { signIn, signOut } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { openBrowser, screenshot, uniqueSuffix } from './support/browser';
import { danishDaysFromToday } from './support/dates';

/**
 * Figures kept from erased courses (issue 22, decision 166), as their users meet them: the admin's
 * "Sletning" says which referral year the run will keep; after the run, a staff member opens the
 * outcomes page, finds the year under "Tal bevaret fra slettede forløb", opens it, and reads the
 * figures the report API gave an evaluator for that year before anything was erased (the reference,
 * asked first: kept figures are disclosure-controlled for every reader, decision 182).
 * The courses are moved 20 years back by the database owner.
 */

const AARHUS_STAFF = demoEmail('staff', 'aarhus');
const AARHUS_ADMIN = demoEmail('admin', 'aarhus');
const YEARS_BACK = 20;
const COURSES = 7;

const pool = new Pool({ connectionString: process.env['E2E_DATABASE_URL'], max: 1 });

/** A citizen with one ICM course ended `completed` or `dropped_out`, all of it YEARS_BACK years back. */
async function oldCourse(state: 'completed' | 'dropped_out'): Promise<Enrolment> {
  const citizen = await apiPost<Citizen>('citizens', { cpr: freshCpr(), firstName: `K${uniqueSuffix()}`, lastName: 'Bevaret' }, AARHUS_STAFF);
  const referred = await apiPost<Enrolment>('enrolments', { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.icm, centreId: DEMO_IDS.centres.aarhusCentrum, referralDate: danishDaysFromToday(-30) }, AARHUS_STAFF);
  const active = await apiPost<Enrolment>(`enrolments/${referred.id}/transitions`, { to: 'active', date: danishDaysFromToday(-20), version: referred.version }, AARHUS_STAFF);
  await apiPost(`enrolments/${referred.id}/transitions`, { to: state, date: danishDaysFromToday(-10), endStatus: state === 'completed' ? 'drug_free' : 'dropped_out', version: active.version }, AARHUS_STAFF);
  const back = `make_interval(years => ${YEARS_BACK})`;
  await pool.query(`UPDATE citizen SET created_at = created_at - ${back}, updated_at = updated_at - ${back} WHERE id = $1`, [citizen.id]);
  await pool.query(`UPDATE enrolment_transition SET on_date = on_date - ${back} WHERE enrolment_id = $1`, [referred.id]);
  await pool.query(
    `UPDATE enrolment SET created_at = created_at - ${back}, updated_at = updated_at - ${back}, referral_date = referral_date - ${back},
       start_date = start_date - ${back}, end_date = end_date - ${back} WHERE id = $1`,
    [referred.id],
  );
  return referred;
}

/** A count as the page shows it under disclosure control: null is "< 5". */
const shown = (n: number | null): string => (n === null ? '< 5' : String(n));

const text = async (scope: ReturnType<OpenBrowser['page']['getByTestId']>, testId: string): Promise<string> => ((await scope.getByTestId(testId).first().textContent()) ?? '').replace(/\u00a0/g, ' ');

describe('figures kept from erased courses', () => {
  let browser: OpenBrowser;
  let year: number;
  let exact: OutcomeReport;
  let before: OutcomeReport;

  beforeAll(async () => {
    const made: Enrolment[] = [];
    for (let i = 0; i < COURSES; i++) made.push(await oldCourse(i < 5 ? 'completed' : 'dropped_out'));
    const years = (await pool.query<{ year: number }>(`SELECT DISTINCT extract(year FROM referral_date)::int AS year FROM enrolment WHERE id = ANY($1::uuid[])`, [made.map((e) => e.id)])).rows;
    if (years.length !== 1) throw new Error(`the courses span ${years.length} referral years`);
    year = (years[0] as { year: number }).year;
    // The reference: the report API's answer for the year to an evaluator, before anything is erased
    // (a fresh evaluator of Aarhus, so the demo evaluator's daily budget is left for the other specs).
    const evaluator = `kept-${uniqueSuffix()}@aarhus.demo`;
    await apiPost<User>('users', { email: evaluator, displayName: 'Kept Evaluator', role: 'evaluator', password: DEMO_PASSWORD, active: true }, AARHUS_ADMIN);
    const query = `outcomes/report?programmeId=${DEMO_IDS.programmes.icm}&from=${year}-01-01&to=${year}-12-31`;
    before = await apiGet<OutcomeReport>(query, evaluator);
    if (!before.disclosureControlled) throw new Error('an evaluator’s report came back exact');
    exact = await apiGet<OutcomeReport>(query, AARHUS_STAFF);
    browser = await openBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await pool.end();
  });

  it('shows the admin which year the run keeps, and staff the kept year as the report gave it before the run', async () => {
    const { page } = browser;
    expect(exact.counts.referred).toBeGreaterThanOrEqual(COURSES);

    await signIn(page, AARHUS_ADMIN);
    await page.getByRole('menuitem', { name: 'Sletning' }).click();
    const keptLine = page.getByTestId('retention-kept-years');
    await keptLine.getByText(`ICM – intensiv case management ${year}`, { exact: false }).waitFor();
    await settle(page);
    await screenshot(page, 'kept-outcomes-dry-run');
    const dry = await apiGet<RetentionOverview>('retention', AARHUS_ADMIN);
    await apiPost<RetentionRun>('retention/runs', { expectedCount: dry.dueTotal }, AARHUS_ADMIN);
    await signOut(page);

    await signIn(page, AARHUS_STAFF);
    await page.getByRole('menuitem', { name: 'Resultater' }).click();
    await page.getByTestId('outcome-filters').waitFor();
    await page.getByRole('combobox', { name: 'Program' }).click();
    await page.getByRole('option', { name: /^ICM/ }).click();
    const section = page.getByTestId('kept-figures');
    await section.getByRole('heading', { name: 'Tal bevaret fra slettede forløb' }).waitFor();
    const row = section.getByTestId(`kept-year-${year}`);
    await row.getByText(`${year}: bevaret`, { exact: false }).waitFor();
    await row.getByRole('button', { name: `Vis ${year}` }).click();
    const kept = section.getByTestId('kept-outcome-report');
    await kept.waitFor();
    await section.getByRole('heading', { name: `Bevarede tal for ${year}`, exact: false }).waitFor();
    // The figures the report API gave the evaluator before the run, now that the courses are gone.
    expect(await text(kept, 'count-referred')).toBe(shown(before.counts.referred));
    expect(await text(kept, 'count-completed')).toBe(shown(before.counts.completed));
    expect(await text(kept, 'count-droppedOut')).toBe(shown(before.counts.droppedOut));
    await settle(page);
    await kept.scrollIntoViewIfNeeded();
    await screenshot(page, 'kept-outcomes-staff');
    await expectNoAxeViolations(page, 'the outcomes page with a kept year open');

    // The report of the year itself counts what remains, and says where the rest went.
    await page.getByLabel('Henvist fra').fill(`${year}-01-01`);
    await page.getByLabel('Henvist til og med').fill(`${year}-12-31`);
    await page.getByTestId('outcome-report').getByTestId('kept-years-note').getByText(`Sletningen har fjernet forløb henvist i ${year}`, { exact: false }).waitFor();
    expect(await text(page.getByTestId('outcome-report'), 'count-referred')).toBe('0');
    await screenshot(page, 'kept-outcomes-note');

    // In English too (the page starts again: the programme is chosen anew).
    await page.getByRole('button', { name: 'Dansk' }).first().click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('button', { name: 'English' }).first().waitFor();
    await page.getByRole('combobox', { name: 'Programme' }).click();
    await page.getByRole('option', { name: /^ICM/ }).click();
    await section.getByRole('heading', { name: 'Figures kept from erased courses' }).waitFor();
    await row.getByText(`${year}: kept`, { exact: false }).waitFor();
    await row.getByRole('button', { name: `Show ${year}` }).click();
    await section.getByRole('heading', { name: `Kept figures for ${year}`, exact: false }).waitFor();
    expect(await text(section.getByTestId('kept-outcome-report'), 'count-referred')).toBe(shown(before.counts.referred));
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'kept-outcomes-en');
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);
});
