import { demoEmail } from '@outcomes/seeds';
import { expectNoAxeViolations, settle } from './support/a11y';
import { signIn } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { openBrowser, recordFailedResponses, screenshot, uniqueSuffix } from './support/browser';

/**
 * Import (issue 24) as staff meet it on "Indlæs": upload a CSV of citizens, map the column the
 * screen could not match by name, see the dry run with the bad row's error (row, column, rule in
 * Danish), import the valid rows only, see the result; the next upload has the mapping preselected.
 * What each step must show is written here by hand.
 */

const STAFF = demoEmail('staff', 'aarhus');
const two = (n: number): string => String(n).padStart(2, '0');
/** A valid CPR number of someone born in the 1960s (7th digit 0-3: the 1900s). */
const cpr = (): string => `${two(1 + Math.floor(Math.random() * 28))}${two(1 + Math.floor(Math.random() * 12))}6${Math.floor(Math.random() * 10)}${Math.floor(Math.random() * 4)}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;

describe('an import of citizens on "Indlæs"', () => {
  let browser: OpenBrowser;
  const failed: string[] = [];

  beforeAll(async () => {
    browser = await openBrowser();
    await browser.page.setViewportSize({ width: 1280, height: 1000 });
    recordFailedResponses(browser.page, failed);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('uploads, maps, shows the dry run with its errors, imports the valid rows and remembers the mapping', async () => {
    const { page } = browser;
    const surname = `Indlæst ${uniqueSuffix()}`;
    const file = (rows: string[][]) => ({ name: 'borgere.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.map((r) => r.join(';')).join('\r\n'), 'utf8') });
    await signIn(page, STAFF);
    await page.getByRole('menuitem', { name: 'Indlæs' }).click();
    await page.getByRole('link', { name: 'Ny indlæsning' }).click();
    await page.getByText('Indlæs borgere, forløb, sessioner eller ASI-målinger').waitFor();
    await page.getByTestId('import-file').setInputFiles(file([['Personnummer', 'Fornavn', 'Efternavn'], [cpr(), 'Anne', surname], ['12345', 'Bent', surname]]));
    await page.getByRole('button', { name: 'Send fil' }).click();

    // The mapping: Fornavn and Efternavn matched by name; Personnummer is mapped by hand.
    const mapping = page.getByTestId('import-mapping');
    await mapping.waitFor();
    await page.getByRole('heading', { name: 'Knyt kolonnerne til felter (2 rækker)' }).waitFor();
    const fieldOf = (column: string) => mapping.locator('tr', { hasText: column }).getByRole('combobox');
    expect(await fieldOf('Fornavn').textContent()).toBe('Fornavn *');
    expect(await fieldOf('Efternavn').textContent()).toBe('Efternavn *');
    expect(await fieldOf('Personnummer').textContent()).toBe('— indlæses ikke —');
    await fieldOf('Personnummer').click();
    await page.getByRole('option', { name: 'CPR-nummer', exact: true }).click();
    await page.getByRole('button', { name: 'Prøvekørsel' }).click();

    // The dry run, row by row: row 2 would be created; row 3's CPR number is refused, by column and rule.
    const summary = page.getByTestId('import-summary');
    await summary.getByText('Prøvekørsel: 1 ville blive oprettet, 0 opdateret, 1 har fejl (af 2 rækker).').waitFor();
    const results = page.getByTestId('import-results');
    const bad = results.locator('tbody tr', { hasText: 'Personnummer' });
    expect(await bad.locator('td').allTextContents()).toEqual(['3', 'Fejl', 'Personnummer', 'CPR-nummeret skal være 10 cifre, skrevet DDMMÅÅSSSS eller DDMMÅÅ-SSSS']);
    expect(await results.locator('tbody tr').first().locator('td').allTextContents()).toEqual(['2', 'Opret', '', '']);
    await page.getByRole('radio', { name: /^Kun de gyldige rækker/ }).check();
    await settle(page);
    await screenshot(page, 'import-dry-run');
    await expectNoAxeViolations(page, 'an import’s dry run');

    await page.getByRole('button', { name: 'Indlæs', exact: true }).click();
    await summary.getByText('Indlæst: 1 oprettet, 0 opdateret; 1 med fejl blev ikke indlæst.').waitFor({ timeout: 60_000 });
    await settle(page);
    await screenshot(page, 'import-done');

    // The list of the user's imports shows it as imported.
    await page.getByRole('menuitem', { name: 'Indlæs' }).click();
    await page.locator('tbody tr').first().getByText('Indlæst', { exact: true }).waitFor();

    // The next upload of citizens with the same columns has the saved mapping preselected.
    await page.getByRole('link', { name: 'Ny indlæsning' }).click();
    await page.getByTestId('import-file').setInputFiles(file([['Personnummer', 'Fornavn', 'Efternavn'], [cpr(), 'Carl', surname]]));
    await page.getByRole('button', { name: 'Send fil' }).click();
    await mapping.waitFor();
    expect(await fieldOf('Personnummer').textContent()).toBe('CPR-nummer');

    // In English: the same screen in English words, the saved mapping named in English.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('button', { name: 'Dansk' }).first().click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByText('Nothing is written before you choose to import.', { exact: false }).waitFor();
    await page.getByTestId('import-file').setInputFiles(file([['Personnummer', 'Fornavn', 'Efternavn'], [cpr(), 'Dorte', surname]]));
    await page.getByRole('button', { name: 'Upload' }).click();
    await mapping.waitFor();
    expect(await fieldOf('Personnummer').textContent()).toBe('CPR number');
    await page.getByRole('button', { name: 'Dry run' }).waitFor();
    await settle(page);
    await screenshot(page, 'import-mapping-en');
    expect(failed).toEqual([]);
  }, 120_000);
});
