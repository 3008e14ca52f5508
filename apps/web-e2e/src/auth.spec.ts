import type { SessionUser } from '@outcomes/contracts';
import { demoEmail } from '@outcomes/seeds';
import { openLoginPage, signIn, signOut, submitLogin, userMenuButton } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { baseUrl, openBrowser, screenshot } from './support/browser';

const menuItems = async (browser: OpenBrowser): Promise<string[]> =>
  (await browser.page.getByRole('menuitem').allInnerTexts()).map((text) => text.trim());

describe('signing in and out', () => {
  let browser: OpenBrowser;

  beforeEach(async () => {
    browser = await openBrowser();
  });

  afterEach(async () => {
    await browser?.close();
  });

  it('shows staff the reference data only, and admins the users and the access log too', async () => {
    const { page } = browser;
    await openLoginPage(page);
    await screenshot(page, 'login-page');

    await signIn(page, demoEmail('staff', 'odense'));
    await page.getByRole('menuitem', { name: 'Programmer' }).waitFor();
    const staffMenu = await menuItems(browser);
    expect(staffMenu).toEqual(expect.arrayContaining(['Kommuner', 'Behandlingscentre', 'Programmer']));
    expect(staffMenu).not.toContain('Brugere');
    expect(staffMenu).not.toContain('Adgangslog');
    await page.getByText('Odense Kommune').waitFor();
    // Read-only: no create button, and a row does not open a form.
    await page.getByRole('menuitem', { name: 'Behandlingscentre' }).click();
    await page.getByRole('cell', { name: 'Misbrugscenter Odense Syd' }).click();
    await page.waitForTimeout(300);
    expect(page.url()).toMatch(/#\/centres$/);
    expect(await page.getByRole('link', { name: 'Opret' }).count()).toBe(0);
    // The page itself refuses too.
    await page.goto(`${baseUrl()}/#/users`);
    await page.getByText('Adgang nægtet').or(page.getByText('Siden blev ikke fundet')).first().waitFor();
    expect(browser.pageErrors).toEqual([]);
    await browser.close();

    browser = await openBrowser();
    await signIn(browser.page, demoEmail('admin', 'odense'));
    await browser.page.getByRole('menuitem', { name: 'Adgangslog' }).waitFor();
    expect(await menuItems(browser)).toEqual(
      expect.arrayContaining(['Kommuner', 'Behandlingscentre', 'Programmer', 'Brugere', 'Evaluatoradgange', 'Adgangslog']),
    );
    // Municipalities are the national operator's to create: the admin's list of them offers no "Opret".
    // The admin lands on Brugere, whose cells also say "Odense": wait for the municipalities' own cell.
    await browser.page.getByRole('menuitem', { name: 'Kommuner' }).click();
    await browser.page.waitForURL(/#\/municipalities$/);
    await browser.page.getByRole('cell', { name: 'Odense', exact: true }).waitFor();
    expect(await browser.page.getByRole('link', { name: 'Opret' }).count()).toBe(0);
    await screenshot(browser.page, 'admin-menu');
    expect(browser.pageErrors).toEqual([]);
  });

  it('answers a wrong password exactly as an unknown user, and stays on the login page', async () => {
    const { page } = browser;
    await openLoginPage(page);

    const refusal = async (email: string, password: string): Promise<string> => {
      await page.reload();
      await page.locator('input[name="email"]').waitFor();
      await submitLogin(page, email, password);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      return (await alert.innerText()).trim();
    };

    const wrongPassword = await refusal(demoEmail('evaluator', 'aarhus'), 'not-the-password-2026');
    const unknownUser = await refusal('nobody@aarhus.demo', 'not-the-password-2026');
    expect(wrongPassword).toBe('Forkert e-mail eller adgangskode.');
    expect(unknownUser).toBe(wrongPassword);
    expect(page.url()).toMatch(/#\/login$/);
    expect(await page.getByRole('menuitem').count()).toBe(0);
    expect(browser.pageErrors).toEqual([]);
  });

  it('logs out to the login page, and a reload stays signed out', async () => {
    const { page } = browser;
    await signIn(page, demoEmail('coordinator', 'odense'));
    await page.getByRole('menuitem', { name: 'Behandlingscentre' }).waitFor();
    // The signed-in user lives in memory only: nothing about them in the browser's storage.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toMatch(/odense\.demo|Koordinator/);

    expect(await userMenuButton(page).innerText()).toContain('Koordinator (Odense)');
    await userMenuButton(page).click();
    await page.getByText('Koordinator · Odense Kommune').waitFor();
    await page.keyboard.press('Escape');
    await signOut(page);
    expect(page.url()).toMatch(/#\/login$/);

    await page.reload();
    await page.locator('input[name="email"]').waitFor();
    await page.goto(`${baseUrl()}/#/centres`);
    await page.waitForFunction(() => document.location.hash === '#/login');
    expect(await page.getByRole('menuitem').count()).toBe(0);
    const me = await page.request.get(`${baseUrl()}/api/auth/me`);
    expect(me.status()).toBe(401);
    expect(((await me.json()) as Partial<SessionUser>).email).toBeUndefined();
    expect(browser.pageErrors).toEqual([]);
  });
});
