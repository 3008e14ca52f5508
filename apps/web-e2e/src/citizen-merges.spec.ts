import type { Citizen, CitizenMerge, OutreachContact } from '@outcomes/contracts';
import { demoEmail } from '@outcomes/seeds';
import { freshCpr } from './support/a11y-data';
import { apiGet, apiPost } from './support/api';
import { expectNoAxeViolations, settle } from './support/a11y';
import { signIn } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { baseUrl, openBrowser, screenshot } from './support/browser';

const AARHUS_STAFF = demoEmail('staff', 'aarhus');

const letters = (n: number): string => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

/** The page's width beyond the viewport's, in CSS px (0: no sideways scrolling). */
const overflow = (page: OpenBrowser['page']): Promise<number> => page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth - window.innerWidth);

/**
 * Issue 22: a citizen registered without a CPR number (an alias) turns out to be a person already
 * registered with one. Staff merge the alias into that record from the alias's page, finding it by
 * CPR number, seeing what moves and giving the reason; the target's page shows the merge with its
 * undo, and the undo puts everything back.
 */
describe('merging duplicate records', () => {
  let browser: OpenBrowser;

  beforeAll(async () => {
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('merges an alias into the record with the CPR number, shows it there, and undoes it', async () => {
    const { page } = browser;
    const alias = await apiPost<Citizen>('citizens', { cpr: null, firstName: `Alias${letters(5)}`, lastName: `Gade${letters(5)}`, birthYear: 1984, sex: 'male' }, AARHUS_STAFF);
    const cpr = freshCpr();
    const person = await apiPost<Citizen>('citizens', { cpr, firstName: `Person${letters(5)}`, lastName: `Kendt${letters(5)}` }, AARHUS_STAFF);
    const contact = await apiPost<OutreachContact>('outreach-contacts', { contactAt: new Date(Date.now() - 3600_000).toISOString(), placeType: 'street', durationMinutes: 20, contactType: 'first-contact', citizenId: alias.id }, AARHUS_STAFF);

    await signIn(page, AARHUS_STAFF);
    await page.goto(`${baseUrl()}/#/citizens/${alias.id}/show`);
    await page.getByRole('button', { name: 'Sammenlæg med journal med CPR-nummer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sammenlæg med journal med CPR-nummer' });
    await dialog.getByRole('textbox', { name: 'CPR-nummer på journalen der sammenlægges med' }).fill(cpr);
    await dialog.getByRole('button', { name: 'Find journal' }).click();
    const preview = page.getByTestId('merge-preview');
    await preview.getByText(`${person.firstName} ${person.lastName}`, { exact: false }).waitFor();
    await preview.getByText('Dette flyttes: 1 opsøgende kontakt', { exact: true }).waitFor();
    await dialog.getByRole('textbox', { name: 'Begrundelse (hvordan personen er identificeret)' }).fill('Identificeret ved sygesikringskort');
    await settle(page);
    await screenshot(page, 'citizen-merge-dialog');
    await expectNoAxeViolations(page, 'the merge dialog');
    // Reflow: the dialog at 320 CSS px scrolls no page sideways.
    await page.setViewportSize({ width: 320, height: 640 });
    await settle(page);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1366, height: 1000 });

    await dialog.getByRole('button', { name: 'Sammenlæg', exact: true }).click();
    await page.getByText('Journalerne er sammenlagt').waitFor();
    await page.waitForFunction((id) => document.location.hash === `#/citizens/${id}/show`, person.id);
    const merge = page.getByTestId('citizen-merge');
    await merge.getByText(`Sammenlagt fra ${alias.firstName} ${alias.lastName}`, { exact: false }).waitFor();
    await merge.getByText('Begrundelse: Identificeret ved sygesikringskort').waitFor();
    await merge.getByText('Kan fortrydes til og med', { exact: false }).waitFor();
    expect((await apiGet<OutreachContact>(`outreach-contacts/${contact.id}`, AARHUS_STAFF)).citizenId).toBe(person.id);
    await settle(page);
    await screenshot(page, 'citizen-merge-on-target');
    await expectNoAxeViolations(page, 'a record with a merge');

    // The merged-away record's page (a bookmark, a link in the log) opens the record it went into, saying so.
    await page.goto(`${baseUrl()}/#/citizens/${alias.id}/show`);
    // 30 s, not the default 15: in one CI replica on a loaded machine (2026-12-07) the notice had not
    // shown within 15 s; run alone the whole test takes 26 s.
    await page.getByText('Borgeren er lagt sammen med denne journal', { exact: false }).waitFor({ timeout: 30_000 });
    await page.waitForFunction((id) => document.location.hash === `#/citizens/${id}/show`, person.id);
    await page.getByTestId('citizen-merge').getByText(`Sammenlagt fra ${alias.firstName} ${alias.lastName}`, { exact: false }).waitFor();
    await settle(page);
    await screenshot(page, 'citizen-merged-redirect');

    await merge.getByRole('button', { name: 'Fortryd sammenlægning' }).click();
    const undo = page.getByRole('dialog', { name: 'Fortryd sammenlægning' });
    await undo.getByRole('textbox', { name: 'Begrundelse for at fortryde' }).fill('Ikke samme person: forkert fødselsår');
    await settle(page);
    await expectNoAxeViolations(page, 'the undo dialog');
    await undo.getByRole('button', { name: 'Fortryd', exact: true }).click();
    await page.getByText('Sammenlægningen er fortrudt').waitFor();
    await page.getByTestId('citizen-merge').getByText('Fortrudt den', { exact: false }).waitFor();
    expect((await apiGet<OutreachContact>(`outreach-contacts/${contact.id}`, AARHUS_STAFF)).citizenId).toBe(alias.id);
    const merges = await apiGet<CitizenMerge[]>(`citizen-merges?citizenId=${person.id}`, AARHUS_STAFF);
    expect(merges.map((m) => [m.undoable, m.undoReason])).toEqual([[false, 'Ikke samme person: forkert fødselsår']]);
    await screenshot(page, 'citizen-merge-undone');
  }, 120_000);
});
