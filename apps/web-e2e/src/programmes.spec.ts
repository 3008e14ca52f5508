import type { Programme } from '@outcomes/contracts';
import { demoEmail } from '@outcomes/seeds';
import { apiGet, listQuery } from './support/api';
import { signIn } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { baseUrl, openBrowser, screenshot } from './support/browser';

describe('programmes', () => {
  let browser: OpenBrowser;
  const admin = demoEmail('admin', 'odense');

  beforeAll(async () => {
    browser = await openBrowser();
    await signIn(browser.page, admin);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows a minimum age above the maximum beside the field and writes nothing', async () => {
    const { page } = browser;
    const [move] = await apiGet<Programme[]>(`programmes${listQuery({ q: 'MOVE' })}`, admin);
    if (!move) throw new Error('the seeded programme MOVE is missing');

    await page.goto(`${baseUrl()}/#/programmes`);
    await page.getByRole('cell', { name: 'MOVE', exact: true }).click();
    const minAge = page.getByLabel('Minimumsalder');
    await minAge.waitFor();
    expect(await minAge.inputValue()).toBe(String(move.minAge));
    expect(await page.getByLabel('Opfølgning (måneder)').inputValue()).toBe(move.followUpMonths.join(', '));
    await screenshot(page, 'programme-edit');

    await minAge.fill('30');
    await page.getByRole('button', { name: 'Gem' }).click();
    await page
      .locator('.ra-input-maxAge')
      .getByText('Skal være større end eller lig med minimumsalderen')
      .waitFor();
    await screenshot(page, 'programme-edit-invalid');

    const stored = await apiGet<Programme>(`programmes/${move.id}`, admin);
    expect([stored.minAge, stored.maxAge, stored.version]).toEqual([move.minAge, move.maxAge, move.version]);
    expect(browser.pageErrors).toEqual([]);
  });
});
