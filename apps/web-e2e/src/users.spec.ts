import type { User } from '@outcomes/contracts';
import { DEMO_IDS, demoEmail } from '@outcomes/seeds';
import { apiGet, listQuery } from './support/api';
import { signIn } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { baseUrl, openBrowser, screenshot, uniqueSuffix } from './support/browser';

const ADMIN = demoEmail('admin', 'odense');

describe('users and the access log', () => {
  let browser: OpenBrowser;

  beforeAll(async () => {
    browser = await openBrowser();
    await signIn(browser.page, ADMIN);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('creates an evaluator and finds them in the list (other municipalities’ data comes by their grants, not here)', async () => {
    const { page } = browser;
    const suffix = uniqueSuffix();
    const email = `e2e-${suffix}@odense.demo`;
    await page.getByRole('menuitem', { name: 'Brugere' }).click();
    await page.getByRole('cell', { name: 'admin@odense.demo' }).waitFor();
    await page.getByRole('link', { name: 'Opret' }).click();

    await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
    await page.getByRole('textbox', { name: 'Navn' }).fill(`E2E Evaluator ${suffix}`);
    await page.getByRole('combobox', { name: 'Rolle' }).click();
    // The national operator is no role an admin gives: the list holds the four roles of a municipality.
    expect(await page.getByRole('option').allInnerTexts()).toEqual(['Behandler', 'Koordinator', 'Evaluator', 'Administrator']);
    await page.getByRole('option', { name: 'Evaluator' }).click();
    await page.locator('input[name="password"]').fill('kort');
    await page.getByText('Mindst 12 tegn og ikke en almindelig adgangskode').waitFor();
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.locator('.ra-input-password').getByText('Adgangskoden er for kort').waitFor();
    await screenshot(page, 'user-create-form');

    await page.locator('input[name="password"]').fill('en lang og sjælden sætning');
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Elementet er oprettet').waitFor();
    await page.getByPlaceholder('Søg').fill(suffix);
    await page.getByText('1-1 af 1').waitFor();
    await page.getByRole('cell', { name: email }).waitFor();
    await page.locator('tbody tr').getByText('Evaluator', { exact: true }).waitFor();

    const [stored] = await apiGet<User[]>(`users${listQuery({ q: suffix })}`, ADMIN);
    expect(stored).toMatchObject({
      email,
      role: 'evaluator',
      active: true,
      municipalityId: DEMO_IDS.municipalities.odense,
    });
    expect(stored).not.toHaveProperty('grantedMunicipalityIds');
    expect(stored).not.toHaveProperty('password');

    // Editing keeps the password when the field stays empty, and says what ends the user's sessions.
    await page.getByRole('cell', { name: `E2E Evaluator ${suffix}` }).click();
    await page.getByText('logger straks brugeren ud alle steder').waitFor();
    await screenshot(page, 'user-edit-form');
    await page.getByRole('textbox', { name: 'Navn' }).fill(`E2E Evaluator ${suffix} (ændret)`);
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Elementet er opdateret').waitFor();
    const changed = await apiGet<User>(`users/${stored?.id}`, ADMIN);
    expect([changed.displayName, changed.version]).toEqual([`E2E Evaluator ${suffix} (ændret)`, 2]);
    expect(browser.pageErrors).toEqual([]);
  });

  it("shows the admin's own searches in the access log, and the chain verifies", async () => {
    const { page } = browser;
    await page.goto(`${baseUrl()}/#/access-log`);
    await page.getByRole('columnheader', { name: 'Tidspunkt' }).waitFor();

    const userFilter = page.getByRole('combobox', { name: 'Bruger' });
    await userFilter.click();
    await userFilter.fill('Administrator');
    await page.getByRole('option', { name: 'Administrator (Odense)' }).click();
    await page.getByLabel('Fra dato').fill(new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' }));
    // The filters apply: every row is the admin's, and among them their searches of the users.
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('tbody tr')];
      return rows.length > 0 && rows.every((row) => row.textContent?.includes('Administrator (Odense)'));
    });
    const search = page.locator('tbody tr', { hasText: 'Søgning' }).filter({ hasText: 'Brugere' });
    await search.first().getByText('Tilladt').waitFor();

    await page.getByRole('button', { name: 'Kontrollér loggen' }).click();
    const verdict = page.getByRole('status').filter({ hasText: 'Loggen er intakt' });
    await verdict.waitFor();
    expect(await verdict.innerText()).toMatch(/Loggen er intakt: \d+ rækker kontrolleret\./);
    await screenshot(page, 'access-log-verified');

    // A few a minute only (decision 173; 4 by default): asked again and again, the page says when to
    // try again instead of failing.
    const button = page.getByRole('button', { name: 'Kontrollér loggen' });
    let status = 0;
    for (let i = 0; i < 6 && status !== 429; i++) {
      const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes('/api/access-log/verify')), button.click()]);
      status = response.status();
    }
    expect(status).toBe(429);
    const busy = page.getByRole('status').filter({ hasText: 'Prøv igen om' });
    await busy.waitFor();
    expect(await busy.innerText()).toMatch(/for mange gange inden for et minut\. Prøv igen om \d+ sekunder\./);
    await screenshot(page, 'access-log-verify-busy');
    expect(browser.pageErrors).toEqual([]);
  });
});
