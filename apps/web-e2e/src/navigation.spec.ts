import { demoEmail } from '@outcomes/seeds';
import { signIn } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { openBrowser } from './support/browser';

const SEEDED_PROGRAMME_CODES = ['HCS', 'ICM', 'MOVE', 'OUTREACH', 'SMART'];

describe('the app shell', () => {
  let browser: OpenBrowser;

  beforeAll(async () => {
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens in Danish after sign-in on the worklist, with the menu for municipalities, centres and programmes', async () => {
    const { page } = browser;
    await signIn(page, demoEmail('staff', 'odense'));
    // Staff land on their worklist ("Oversigt"), not on the municipalities (see landing.spec.ts for every role).
    await page.getByTestId('worklist').waitFor();
    expect(await page.evaluate(() => document.location.hash)).toBe('#/');

    await page.getByText('Stofmisbrugsbehandling · Effektregistrering').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    for (const item of ['Kommuner', 'Behandlingscentre', 'Programmer']) {
      await page.getByRole('menuitem', { name: item }).waitFor();
    }
    expect(browser.pageErrors).toEqual([]);
  });

  it('lists the five seeded programmes', async () => {
    const { page } = browser;
    await page.getByRole('menuitem', { name: 'Programmer' }).click();

    await page.getByText('1-5 af 5').waitFor();
    const codes = await page.locator('tbody tr td.column-code').allInnerTexts();
    expect(codes.map((c) => c.trim()).sort()).toEqual(SEEDED_PROGRAMME_CODES);
    await page.getByRole('columnheader', { name: 'Form' }).waitFor();
    await page.getByRole('cell', { name: 'Lukket gruppeforløb' }).waitFor();
    expect(browser.pageErrors).toEqual([]);
  });

  it('switches to English from the app bar', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Dansk' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();

    await page.getByText('Drug treatment · Outcome registry').waitFor();
    for (const item of ['Municipalities', 'Treatment centres', 'Programmes']) {
      await page.getByRole('menuitem', { name: item }).waitFor();
    }
    await page.getByRole('columnheader', { name: 'Format' }).waitFor();
    await page.getByRole('cell', { name: 'Closed group course' }).waitFor();
    await page.getByText('1-5 of 5').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('menuitem', { name: 'Kommuner' }).count()).toBe(0);
    expect(browser.pageErrors).toEqual([]);
  });
});
