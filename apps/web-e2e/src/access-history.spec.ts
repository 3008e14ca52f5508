import { apiGet, apiPost } from './support/api';
import { signIn } from './support/auth';
import { baseUrl, openBrowser, screenshot, uniqueSuffix } from './support/browser';
import type { OpenBrowser } from './support/browser';

// "Who has seen this": the citizen page shows every logged access to the citizen, with who made it.
describe('who has seen this citizen', () => {
  let browser: OpenBrowser;

  beforeEach(async () => {
    browser = await openBrowser();
  });

  afterEach(async () => {
    await browser.close();
  });

  it('lists the reads of the citizen on the citizen page, by name of the staff member', async () => {
    const { page, pageErrors } = browser;
    const citizen = await apiPost<{ id: string }>('citizens', { firstName: 'Historik', lastName: `Borger ${uniqueSuffix()}` }, 'staff@aarhus.demo');
    await apiGet(`citizens/${citizen.id}`, 'staff@aarhus.demo');

    await signIn(page, 'staff@aarhus.demo');
    await page.goto(`${baseUrl()}/#/citizens/${citizen.id}/show`);
    await page.getByText('Hvem har set oplysningerne').waitFor();
    const rows = page.getByRole('row').filter({ hasText: 'Behandler (Aarhus)' });
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(2); // the create and at least one read
    expect(page.url()).toContain(`/citizens/${citizen.id}/show`); // no detour to "access denied"
    await screenshot(page, 'citizen-access-history');
    expect(pageErrors).toEqual([]);
  });
});
