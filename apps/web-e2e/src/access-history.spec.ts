import type { AccessLogEntry } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { apiGet, apiPost, listQuery } from './support/api';
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

  it('shows one view of the page as one read, with as many requests as the admin’s log holds for it', async () => {
    const { page, pageErrors } = browser;
    const citizen = await apiPost<{ id: string }>('citizens', { firstName: 'Visning', lastName: `Borger ${uniqueSuffix()}` }, 'staff@aarhus.demo');

    await signIn(page, 'staff@aarhus.demo');
    await page.goto(`${baseUrl()}/#/citizens/${citizen.id}/show`);
    await page.getByText('Hvem har set oplysningerne').waitFor();
    const rows = page.getByRole('row').filter({ hasText: 'Behandler (Aarhus)' });
    await rows.first().waitFor();
    // The view and the registration: two entries, not one per request.
    expect(await rows.count()).toBe(2);
    const view = rows.filter({ hasText: 'Læsning' });
    expect(await view.count()).toBe(1);
    const requests = Number(((await view.getByTestId('access-requests').textContent()) ?? '').match(/\d+/)?.[0]);
    expect(await rows.filter({ hasText: 'Oprettelse' }).getByTestId('access-requests').textContent()).toBe('1 forespørgsel');

    // The admin's log holds exactly that many reads and searches of this citizen by the staff member:
    // the panel asked after the page's own requests had answered, and counted its own.
    const log = await apiGet<AccessLogEntry[]>(`access-log${listQuery({ citizenId: citizen.id })}&range=${encodeURIComponent('[0,99]')}`, 'admin@aarhus.demo');
    const reads = log.filter((e) => e.action === 'read' || e.action === 'search');
    expect(requests).toBeGreaterThanOrEqual(2); // at least the citizen and the panel itself
    expect(reads).toHaveLength(requests);
    await screenshot(page, 'citizen-access-history-one-view');
    expect(pageErrors).toEqual([]);
  });

  it('shows the admin a change before → after and how many citizens a list carried, never the search text', async () => {
    const { page, pageErrors } = browser;
    const name = `Logcenter ${uniqueSuffix()}`;
    await apiPost('centres', { municipalityId: DEMO_IDS.municipalities.aarhus, name }, 'admin@aarhus.demo');
    const citizens = await apiGet<{ id: string }[]>(`citizens?range=${encodeURIComponent('[0,4]')}`, 'staff@aarhus.demo');
    expect(citizens.length).toBeGreaterThan(0);

    await signIn(page, 'admin@aarhus.demo');
    await page.goto(`${baseUrl()}/#/access-log`);
    const change = page.getByTestId('access-change').filter({ hasText: name });
    await change.first().waitFor();
    expect(await change.first().textContent()).toContain(`name: – → ${name}`);
    const counts = page.getByTestId('access-citizens').filter({ hasText: `${citizens.length} borger` });
    await counts.first().waitFor();
    await screenshot(page, 'access-log-content');
    expect(pageErrors).toEqual([]);
  });
});
