import type { Citizen, Enrolment, YouthConsent } from '@outcomes/contracts';
import { DEMO_IDS, demoEmail } from '@outcomes/seeds';
import { axeFindings, describeFindings, settle, trackRequests } from './support/a11y';
import { apiGet, apiPost, listQuery } from './support/api';
import { signIn } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { baseUrl, openBrowser, screenshot, uniqueSuffix } from './support/browser';
import { danishDaysFromToday } from './support/dates';

const AARHUS_STAFF = demoEmail('staff', 'aarhus');
const two = (n: number): string => String(n).padStart(2, '0');

/**
 * A 16-year-old's MOVE course cannot start until a custodial parent and the young person have consented
 * (Barnets lov § 33): the staff member sees what is missing, records both consents and starts the course.
 */
describe('consent before a young person’s treatment starts', () => {
  let browser: OpenBrowser;
  let enrolment: Enrolment;

  beforeAll(async () => {
    await fetch(`${baseUrl()}/api/health`).catch(() => undefined);
    // Born on a day of January-October 2010: 16 around the end of 2026.
    const cpr = `${two(1 + Math.floor(Math.random() * 28))}${two(1 + Math.floor(Math.random() * 10))}104${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
    const citizen = await apiPost<Citizen>('citizens', { cpr, firstName: 'Ung', lastName: `Samtykke${uniqueSuffix()}` }, AARHUS_STAFF);
    enrolment = await apiPost<Enrolment>('enrolments', { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.move, centreId: DEMO_IDS.centres.aarhusCentrum, referralDate: danishDaysFromToday(-3) }, AARHUS_STAFF);
    browser = await openBrowser();
    trackRequests(browser.page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows what is missing, refuses the start, takes both consents, then starts', async () => {
    const { page } = browser;
    await signIn(page, AARHUS_STAFF);
    await page.goto(`${baseUrl()}/#/enrolments/${enrolment.id}/show`);
    const section = page.getByRole('region', { name: 'Samtykke til behandling (under 18 år)' });
    await section.getByText('Borgeren er 16 år. Før behandlingen kan starte, mangler: samtykke fra forældremyndighedsindehaver; den unges eget samtykke (fra 15 år).').waitFor();

    // Starting now is refused, and says where to record the consent.
    await page.getByRole('button', { name: 'Start forløbet' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Bekræft' }).click();
    await page.getByText('Forløbet kan ikke starte endnu: borgeren er under 18 år, og samtykke mangler.', { exact: false }).waitFor();
    expect((await apiGet<Enrolment>(`enrolments/${enrolment.id}`, AARHUS_STAFF)).state).toBe('referred');

    // The parent's consent, then the young person's own.
    await section.getByRole('textbox', { name: 'Forældremyndighedsindehaverens navn' }).fill('Hanne Samtykke');
    await section.getByRole('button', { name: 'Gem samtykke' }).click();
    await page.getByText('Samtykket er gemt').first().waitFor();
    await section.getByText('Før behandlingen kan starte, mangler: den unges eget samtykke (fra 15 år).', { exact: false }).waitFor();
    await section.getByRole('radio', { name: 'den unges eget samtykke (fra 15 år)' }).check();
    await section.getByRole('button', { name: 'Gem samtykke' }).click();
    await section.getByText('Borgeren er 16 år. De samtykker, loven kræver, er givet.').waitFor();
    const rows = section.getByTestId('youth-consents-table').locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain('Hanne Samtykke');
    expect(await rows.nth(1).textContent()).toContain('Den unge selv');
    await screenshot(page, 'youth-consents');
    // The section meets WCAG 2.1 AA as the rest of the app does.
    await settle(page);
    const findings = await axeFindings(page);
    expect(describeFindings('enrolment page with consents', findings)).toBe(describeFindings('enrolment page with consents', []));

    // Now the course starts.
    await page.getByRole('button', { name: 'Start forløbet' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Bekræft' }).click();
    await page.getByText('Forløbet er nu: Aktiv').waitFor();
    const consents = await apiGet<YouthConsent[]>(`youth-consents${listQuery({ enrolmentId: enrolment.id })}`, AARHUS_STAFF);
    expect(consents.map((c) => [c.kind, c.givenBy])).toEqual([
      ['custodial-parent', 'Hanne Samtykke'],
      ['young-person', null],
    ]);
    expect((await apiGet<Enrolment>(`enrolments/${enrolment.id}`, AARHUS_STAFF)).state).toBe('active');

    // The parent withdraws the consent: it stays on record with the date it ended.
    await section.getByRole('button', { name: 'Træk tilbage: samtykket fra Hanne Samtykke' }).click();
    await section.getByRole('button', { name: 'Bekræft tilbagetrækning' }).click();
    await page.getByText('Samtykket er trukket tilbage').first().waitFor();
    const after = await apiGet<YouthConsent[]>(`youth-consents${listQuery({ enrolmentId: enrolment.id })}`, AARHUS_STAFF);
    expect(after.map((c) => [c.kind, c.withdrawnOn])).toEqual([
      ['custodial-parent', danishDaysFromToday(0)],
      ['young-person', null],
    ]);
    await section.getByText('Borgeren er 16 år, og behandlingen har ikke længere det samtykke, loven kræver. Mangler: samtykke fra forældremyndighedsindehaver.').waitFor();
    expect(await section.getByRole('button', { name: /^Træk tilbage: samtykket fra/ }).count()).toBe(1);
    expect(browser.pageErrors).toEqual([]);
  });
});
