import type { Citizen } from '@outcomes/contracts';
import { demoEmail } from '@outcomes/seeds';
import { apiPost } from './support/api';
import { signIn } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { baseUrl, openBrowser, screenshot, uniqueSuffix } from './support/browser';

const AARHUS_STAFF = demoEmail('staff', 'aarhus');

/** Letters only: names are matched by whole words, and a suffix of digits would be a word of its own. */
const letters = (text: string): string => text.replace(/[^a-z]/g, (c) => String.fromCharCode(97 + (c.charCodeAt(0) % 26)));

// Issue 22: staff registering someone without a CPR number (an alias, a newcomer) are shown who may
// already be registered as the same person, and can open that citizen instead of making a second one.
describe('registering a citizen without a CPR number offers the likely duplicates', () => {
  let browser: OpenBrowser;

  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the citizen already registered under the same name and birth year, links to them, and stays quiet for another name', async () => {
    const surname = `Probe${letters(uniqueSuffix())}`;
    const existing = await apiPost<Citizen>('citizens', { firstName: 'Rest', lastName: surname, birthYear: 1984, sex: 'male' }, AARHUS_STAFF);
    const { page, pageErrors } = browser;
    await signIn(page, AARHUS_STAFF);

    await page.goto(`${baseUrl()}/#/citizens/create`);
    await page.getByRole('textbox', { name: 'Fornavn' }).fill('Rest');
    await page.getByRole('textbox', { name: 'Efternavn' }).fill(surname);
    await page.getByRole('spinbutton', { name: 'Fødselsår' }).fill('1984');

    const hint = page.getByTestId('likely-duplicates');
    await hint.waitFor();
    expect(await hint.getByText('Er borgeren allerede registreret? 1 mulig dublet').count()).toBe(1);
    expect(await hint.getByRole('listitem').allInnerTexts()).toEqual([`Rest ${surname} · 1984, Mand, uden CPR-nummer`]);
    await screenshot(page, 'likely-duplicates');

    // Another birth year contradicts: the hint goes.
    await page.getByRole('spinbutton', { name: 'Fødselsår' }).fill('1985');
    await hint.waitFor({ state: 'detached' });
    await page.getByRole('spinbutton', { name: 'Fødselsår' }).fill('1984');
    await hint.waitFor();

    await hint.getByRole('link', { name: `Rest ${surname}` }).click();
    await page.waitForURL(`**/#/citizens/${existing.id}/show`);
    expect(pageErrors).toEqual([]);
  });
});
