import type { Citizen, Enrolment, RetentionOverview } from '@outcomes/contracts';
import { DEMO_IDS, demoEmail } from '@outcomes/seeds';
import { Pool } from 'pg';
import { expectNoAxeViolations, settle } from './support/a11y';
import { freshCpr } from './support/a11y-data';
import { apiGet, apiPost } from './support/api';
import { signIn, signOut } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { openBrowser, screenshot, uniqueSuffix } from './support/browser';
import { danishDaysFromToday } from './support/dates';

/**
 * Retention as its users meet it (issue 22): a staff member places a legal hold on a citizen with a
 * reason and lifts it; the municipality's admin reads "Sletning" (the periods, the dry run by record id
 * and dates, the runs), runs it, and the citizen the dry run listed is gone. The citizen's course is
 * moved 6 years back by the database owner (a closed social case past KL's 5 years).
 */

const AARHUS_STAFF = demoEmail('staff', 'aarhus');
const AARHUS_ADMIN = demoEmail('admin', 'aarhus');

const pool = new Pool({ connectionString: process.env['E2E_DATABASE_URL'], max: 1 });

/** A citizen with one completed ICM course, all of it `years` back (dates and times moved by the owner). */
async function closedCitizen(years: number): Promise<Citizen> {
  const citizen = await apiPost<Citizen>('citizens', { cpr: freshCpr(), firstName: `R${uniqueSuffix()}`, lastName: 'Sletning' }, AARHUS_STAFF);
  const referred = await apiPost<Enrolment>('enrolments', { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.icm, centreId: DEMO_IDS.centres.aarhusCentrum, referralDate: danishDaysFromToday(-30) }, AARHUS_STAFF);
  const active = await apiPost<Enrolment>(`enrolments/${referred.id}/transitions`, { to: 'active', date: danishDaysFromToday(-20), version: referred.version }, AARHUS_STAFF);
  await apiPost(`enrolments/${referred.id}/transitions`, { to: 'completed', date: danishDaysFromToday(-10), endStatus: 'drug_free', version: active.version }, AARHUS_STAFF);
  const back = `make_interval(years => ${years})`;
  await pool.query(`UPDATE citizen SET created_at = created_at - ${back}, updated_at = updated_at - ${back} WHERE id = $1`, [citizen.id]);
  await pool.query(`UPDATE enrolment_transition SET on_date = on_date - ${back} WHERE enrolment_id = $1`, [referred.id]);
  await pool.query(
    `UPDATE enrolment SET created_at = created_at - ${back}, updated_at = updated_at - ${back}, referral_date = referral_date - ${back},
       start_date = start_date - ${back}, end_date = end_date - ${back} WHERE id = $1`,
    [referred.id],
  );
  return citizen;
}

describe('retention: a legal hold on the citizen page, and the admin’s "Sletning"', () => {
  let browser: OpenBrowser;

  beforeAll(async () => {
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await pool.end();
  });

  it('lets staff place a legal hold with a reason, which keeps the citizen out of the dry run, and lift it', async () => {
    const { page } = browser;
    const citizen = await closedCitizen(6);
    await signIn(page, AARHUS_STAFF);
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/citizens/${citizen.id}/show`);
    const panel = page.getByTestId('legal-hold');
    await panel.getByText('Intet retligt hold').waitFor();
    await panel.getByRole('textbox', { name: 'Begrundelse for hold' }).fill('Verserende retssag om erstatning');
    await panel.getByRole('button', { name: 'Sæt retligt hold' }).click();
    await panel.getByTestId('legal-hold-in-force').getByText('Verserende retssag om erstatning', { exact: false }).waitFor();
    const held = await apiGet<RetentionOverview>('retention', AARHUS_ADMIN);
    expect(held.due.map((d) => d.citizenId)).not.toContain(citizen.id);
    await settle(page);
    await screenshot(page, 'retention-legal-hold');
    await expectNoAxeViolations(page, 'the citizen page with a legal hold');

    await panel.getByRole('textbox', { name: 'Begrundelse for at ophæve' }).fill('Sagen er afgjort');
    await panel.getByRole('button', { name: 'Ophæv hold' }).click();
    await panel.getByTestId('legal-hold-lifted').waitFor();
    const lifted = await apiGet<RetentionOverview>('retention', AARHUS_ADMIN);
    expect(lifted.due.map((d) => d.citizenId)).toContain(citizen.id);
    await signOut(page);
  });

  it('shows the admin the dry run by record id and dates, runs it, and the listed citizen is gone', async () => {
    const { page } = browser;
    const citizen = await closedCitizen(6);
    await signIn(page, AARHUS_ADMIN);
    await page.getByRole('menuitem', { name: 'Sletning' }).click();
    await page.getByTestId('retention-settings').getByText('5 år efter seneste indførsel', { exact: false }).waitFor();
    const row = page.locator(`[data-testid="retention-due-row"][data-citizen-id="${citizen.id}"]`);
    await row.waitFor();
    // The record id's first 8 characters, never the name.
    expect(await row.innerText()).toContain(citizen.id.slice(0, 8));
    expect(await page.getByTestId('retention-dry-run').innerText()).not.toContain(citizen.firstName);
    await settle(page);
    await screenshot(page, 'retention-dry-run');
    await expectNoAxeViolations(page, 'the admin’s retention page');
    // Reflow: at 320 CSS px nothing scrolls sideways but a table's own region.
    await page.setViewportSize({ width: 320, height: 640 });
    await settle(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1280, height: 800 });

    // The admin confirms the count they read (decision 118): a wrong count keeps the button disabled.
    const read = (await apiGet<RetentionOverview>('retention', AARHUS_ADMIN)).dueTotal;
    await page.getByTestId('retention-run').click();
    const confirm = page.getByTestId('retention-confirm');
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByTestId('retention-confirm-count').fill(String(read + 1));
    await page.getByText(read === 1 ? 'Tørkørslen viser 1 borger' : `Tørkørslen viser ${read} borgere`).waitFor();
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByTestId('retention-confirm-count').fill(String(read));
    await settle(page);
    await screenshot(page, 'retention-confirm-count');
    await expectNoAxeViolations(page, 'the retention confirm dialog');
    // Meanwhile another citizen falls due: the count read is stale, nothing is erased, the page says so.
    const later = await closedCitizen(6);
    await confirm.click();
    await page.getByText('Tørkørslen har ændret sig, siden du læste den. Intet er slettet; læs den igen.').waitFor();
    expect((await pool.query('SELECT 1 FROM citizen WHERE id = ANY($1::uuid[])', [[citizen.id, later.id]])).rowCount).toBe(2);
    // Read again (the page reloaded the dry run), confirm the new count: erased.
    await page.locator(`[data-testid="retention-due-row"][data-citizen-id="${later.id}"]`).waitFor();
    await page.getByTestId('retention-run').click();
    await page.getByTestId('retention-confirm-count').fill(String(read + 1));
    await confirm.click();
    await page.getByTestId('retention-run-row').first().waitFor();
    await row.waitFor({ state: 'detached' });
    expect((await pool.query('SELECT 1 FROM citizen WHERE id = $1', [citizen.id])).rowCount).toBe(0);
    await screenshot(page, 'retention-after-run');
  });
});
