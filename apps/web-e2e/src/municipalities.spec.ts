import type { Municipality } from '@outcomes/contracts';
import { DEMO_IDS, demoEmail } from '@outcomes/seeds';
import { apiGet } from './support/api';
import { signIn } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { baseUrl, openBrowser, screenshot } from './support/browser';

describe('municipalities, as a municipality’s admin sees them', () => {
  let browser: OpenBrowser;
  const admin = demoEmail('admin', 'odense');

  beforeAll(async () => {
    browser = await openBrowser();
    await signIn(browser.page, admin);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('sets the own municipality’s hourly rate; its number and name are the national operator’s; another municipality is read-only', async () => {
    const { page } = browser;
    const before = await apiGet<Municipality>(`municipalities/${DEMO_IDS.municipalities.odense}`, admin);
    await page.goto(`${baseUrl()}/#/municipalities`);
    // No "create": municipalities come from the national operator.
    await page.getByRole('cell', { name: 'Odense' }).waitFor();
    expect(await page.getByRole('link', { name: 'Opret' }).count()).toBe(0);

    await page.getByRole('cell', { name: 'Odense' }).click();
    await page.getByText('Kun den nationale operatør ændrer en kommunes nummer og navn').waitFor();
    expect(await page.getByLabel('Kommunenummer').isEditable()).toBe(false);
    expect(await page.getByRole('textbox', { name: 'Navn' }).isEditable()).toBe(false);
    const rate = (before.hourlyRate ?? 400) + 5;
    await page.getByLabel('Timepris for personale (kr.)').fill(String(rate));
    await screenshot(page, 'municipality-settings');
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Elementet er opdateret').waitFor();
    const after = await apiGet<Municipality>(`municipalities/${DEMO_IDS.municipalities.odense}`, admin);
    expect([after.hourlyRate, after.name, after.version]).toEqual([rate, before.name, before.version + 1]);

    // Aarhus opens as nothing to edit.
    await page.goto(`${baseUrl()}/#/municipalities/${DEMO_IDS.municipalities.aarhus}`);
    await page.getByRole('button', { name: 'Gem' }).waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
    expect(await page.getByRole('button', { name: 'Gem' }).count()).toBe(0);
    expect(browser.pageErrors).toEqual([]);
  });
});
