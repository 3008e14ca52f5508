import type { AccessLogEntry } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { apiGet, apiPost, listQuery } from './support/api';
import { signIn } from './support/auth';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { baseUrl, openBrowser, screenshot, uniqueSuffix } from './support/browser';
import type { OpenBrowser } from './support/browser';

const SHOTS = '/tmp/shots/people';

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
  await screenshot(page, name);
}

/** A surname of letters only, unique to this run (names are found by whole words). */
const uniqueSurname = (): string => `Opslag${uniqueSuffix().replace(/[^a-z]/g, '')}`;

/** A valid CPR number of someone born 1950-1999 that no other test uses (day 01-28, 7th digit 0-3). */
const freshCpr = (): string => {
  const two = (n: number) => String(n).padStart(2, '0');
  const r = (below: number) => Math.floor(Math.random() * below);
  return `${two(1 + r(28))}${two(1 + r(12))}${two(50 + r(50))}${r(4)}${String(r(1000)).padStart(3, '0')}`;
};

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

  it('lets the admin look the citizen up by name and shows who has seen them, with names, not ids', async () => {
    const { page, pageErrors } = browser;
    const surname = uniqueSurname();
    const citizen = await apiPost<{ id: string }>('citizens', { firstName: 'Hanne', lastName: surname }, 'staff@aarhus.demo');
    await apiGet(`citizens/${citizen.id}`, 'staff@aarhus.demo');

    await signIn(page, 'admin@aarhus.demo');
    await page.goto(`${baseUrl()}/#/access-log`);
    await page.getByText('Hvem har set en borger?').waitFor();
    // A number that is no CPR number: a Danish message on the field, no request, no English toast.
    await page.getByRole('textbox', { name: 'Navn eller CPR-nummer' }).fill('12345');
    await page.getByRole('button', { name: 'Find borger' }).click();
    await page.getByText('Skriv et navn eller et CPR-nummer på 10 cifre').waitFor();
    await shot(page, 'access-log-lookup-bad-input');
    expect(await page.getByText(/must be|UUID/).count()).toBe(0);

    await page.getByRole('textbox', { name: 'Navn eller CPR-nummer' }).fill(`Hanne ${surname}`);
    await page.getByRole('button', { name: 'Find borger' }).click();
    await page.getByTestId('access-history-of').getByText(`Hvem har set Hanne ${surname}`).waitFor();
    // The staff member's registration and read, by name; the citizen's own rows by the citizen's name.
    const staffRows = page.locator('tbody tr').filter({ hasText: 'Behandler' });
    await staffRows.first().waitFor();
    expect(await staffRows.filter({ hasText: 'Oprettelse' }).count()).toBe(1);
    expect(await staffRows.filter({ hasText: 'Læsning' }).count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('access-record-citizen').first().textContent()).toBe(`Hanne ${surname}`);
    expect(await page.locator('tbody').textContent()).not.toContain(citizen.id);
    // The admin's own lookup is in the log too: a search of citizens.
    await page.locator('tbody tr').filter({ hasText: 'Administrator' }).filter({ hasText: 'Søgning' }).filter({ hasText: 'Borgere' }).first().waitFor();
    await shot(page, 'access-log-who-has-seen');

    // The name never in the URL or the browser's storage; the filter holds the citizen's id only.
    expect(page.url()).not.toContain(surname);
    expect(decodeURIComponent(page.url())).toContain(citizen.id);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toContain(surname);

    const log = await apiGet<AccessLogEntry[]>(`access-log${listQuery({ userId: DEMO_IDS.users.aarhus.admin, resource: 'citizens', action: 'search' })}`, 'admin@aarhus.demo');
    expect(log[0]?.citizenId).toBe(citizen.id);
    expect(pageErrors).toEqual([]);
  });

  it('lets the admin look the citizen up by CPR number, sent in a POST body', async () => {
    const { page, pageErrors } = browser;
    const cpr = freshCpr();
    const surname = uniqueSurname();
    await apiPost('citizens', { cpr, firstName: 'Poul', lastName: surname }, 'staff@aarhus.demo');
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));

    await signIn(page, 'admin@aarhus.demo');
    await page.goto(`${baseUrl()}/#/access-log`);
    await page.getByRole('textbox', { name: 'Navn eller CPR-nummer' }).fill(`${cpr.slice(0, 6)}-${cpr.slice(6)}`);
    await page.getByRole('button', { name: 'Find borger' }).click();
    await page.getByText(`Hvem har set Poul ${surname}`).waitFor();
    await page.locator('tbody tr').filter({ hasText: 'Oprettelse' }).first().waitFor();
    expect(urls.filter((u) => u.includes(cpr.slice(6)) || u.includes(surname))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('shows Danish labels for areas and readable criteria, never raw names or ids', async () => {
    const { page, pageErrors } = browser;
    await signIn(page, 'admin@aarhus.demo');
    await page.goto(`${baseUrl()}/#/access-log`);
    const criteria = page.getByTestId('access-criterion');
    await criteria.first().waitFor();
    const texts = await criteria.allTextContents();
    for (const text of texts) {
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(text).not.toMatch(/^\{|"fields"|run: dataset=/);
    }
    const areas = await page.locator('tbody tr td:nth-child(4)').allTextContents();
    expect(areas.filter((a) => /^[a-z-]+$/.test(a))).toEqual([]);
    await shot(page, 'access-log-labels');
    expect(pageErrors).toEqual([]);
  });
});
