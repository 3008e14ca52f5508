import { demoEmail } from '@outcomes/seeds';
import { apiGet, listQuery } from './support/api';
import { signIn } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { baseUrl, openBrowser } from './support/browser';

describe('municipalities', () => {
  let browser: OpenBrowser;
  const admin = demoEmail('admin', 'odense');

  beforeAll(async () => {
    browser = await openBrowser();
    await signIn(browser.page, admin);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("shows the API's field error beside the input: a municipality number already in use", async () => {
    const { page } = browser;
    await page.goto(`${baseUrl()}/#/municipalities/create`);
    await page.getByLabel('Kommunenummer').fill('751');
    await page.getByRole('textbox', { name: 'Navn' }).fill('Aarhus igen');
    await page.getByRole('button', { name: 'Gem' }).click();

    await page.locator('.ra-input-code').getByText('Skal være unik').waitFor();
    const municipalities = await apiGet<{ name: string }[]>(`municipalities${listQuery({ q: 'Aarhus igen' })}`, admin);
    expect(municipalities).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
});
