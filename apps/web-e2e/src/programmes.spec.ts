import type { Programme } from '@outcomes/contracts';
import { DEMO_IDS, demoEmail } from '@outcomes/seeds';
import { apiGet, listQuery } from './support/api';
import { signIn } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { baseUrl, openBrowser, screenshot, uniqueSuffix } from './support/browser';

describe('programmes, the national catalogue and a municipality’s own', () => {
  let browser: OpenBrowser;
  // Aarhus's admin: the app shell's test counts Odense's catalogue (the five national programmes).
  const admin = demoEmail('admin', 'aarhus');

  beforeAll(async () => {
    browser = await openBrowser();
    await signIn(browser.page, admin);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('adds a local programme, showing a minimum age above the maximum beside the field first; the national ones stay read-only', async () => {
    const { page } = browser;
    const code = `LOK${uniqueSuffix().slice(-5).toUpperCase()}`;
    await page.goto(`${baseUrl()}/#/programmes`);
    await page.getByRole('cell', { name: 'MOVE', exact: true }).waitFor();
    // MOVE is national: the row says so and opens nothing to edit.
    await page.locator('tbody tr', { hasText: 'MOVE' }).getByText('Nationalt').waitFor();

    await page.getByRole('link', { name: 'Opret' }).click();
    await page.getByRole('textbox', { name: 'Kode' }).fill(code);
    await page.getByRole('textbox', { name: 'Navn' }).fill('Lokalt samtaleforløb');
    await page.getByRole('combobox', { name: 'Form' }).click();
    await page.getByRole('option').first().click();
    await page.getByLabel('Minimumsalder').fill('30');
    await page.getByLabel('Maksimumsalder').fill('20');
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.locator('.ra-input-maxAge').getByText('Skal være større end eller lig med minimumsalderen').waitFor();
    await screenshot(page, 'programme-create-invalid');
    expect(await apiGet<Programme[]>(`programmes${listQuery({ q: code })}`, admin)).toEqual([]);

    await page.getByLabel('Maksimumsalder').fill('40');
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Elementet er oprettet').waitFor();
    const [stored] = await apiGet<Programme[]>(`programmes${listQuery({ q: code })}`, admin);
    expect(stored).toMatchObject({ code, minAge: 30, maxAge: 40, municipalityId: DEMO_IDS.municipalities.aarhus });
    await page.goto(`${baseUrl()}/#/programmes`);
    await page.locator('tbody tr', { hasText: code }).getByText('Lokalt (Aarhus)').waitFor();
    await screenshot(page, 'programme-catalogue');
    // Odense does not see Aarhus's own programme.
    expect(await apiGet<Programme[]>(`programmes${listQuery({ q: code })}`, demoEmail('admin', 'odense'))).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
});
