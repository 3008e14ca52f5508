import type { CaseRequest, Citizen, Enrolment } from '@outcomes/contracts';
import { DEMO_IDS, demoEmail } from '@outcomes/seeds';
import { expectNoAxeViolations, settle } from './support/a11y';
import { freshCpr } from './support/a11y-data';
import { apiGet, apiPost, listQuery } from './support/api';
import { signIn, signOut } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { baseUrl, openBrowser, recordFailedResponses, screenshot, uniqueSuffix } from './support/browser';
import { addDays, danishDaysFromToday, typedDanish } from './support/dates';

/**
 * Issue 21's smaller gaps, as their users meet them: the management (the municipality's admin) reads
 * the treatment guarantee's figures on its own page without reading any request; a staff member links
 * an enrolment made before its request was recorded to the request ("Knyt til henvendelse"), which
 * stops the guarantee's clock at its start; the citizen page's "no requests" line sits in its section.
 */

const AARHUS_STAFF = demoEmail('staff', 'aarhus');
const AARHUS_ADMIN = demoEmail('admin', 'aarhus');



async function citizen(lastName: string): Promise<Citizen> {
  return apiPost<Citizen>('citizens', { cpr: freshCpr(), firstName: `G${uniqueSuffix()}`, lastName }, AARHUS_STAFF);
}

/** An ICM enrolment without a request, referred and started on the given days. */
async function startedEnrolment(citizenId: string, referralDate: string, startDate: string): Promise<Enrolment> {
  const referred = await apiPost<Enrolment>('enrolments', { citizenId, programmeId: DEMO_IDS.programmes.icm, centreId: DEMO_IDS.centres.aarhusCentrum, referralDate }, AARHUS_STAFF);
  return apiPost<Enrolment>(`enrolments/${referred.id}/transitions`, { to: 'active', date: startDate, version: referred.version }, AARHUS_STAFF);
}

describe('the treatment guarantee for the management, and a late link to the request', () => {
  let browser: OpenBrowser;
  const failed: string[] = [];

  beforeAll(async () => {
    browser = await openBrowser();
    recordFailedResponses(browser.page, failed);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the admin the figures of a period on "Behandlingsgaranti", counted by hand, and no request', async () => {
    const { page } = browser;
    // A day of its own, years back (no other test's request falls on it): one request started after 5 days, one never started.
    const day = `20${10 + Math.floor(Math.random() * 12)}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;
    const kept = await citizen('Holdt');
    const keptRequest = await apiPost<CaseRequest>('case-requests', { citizenId: kept.id, requestedOn: day, channel: 'phone' }, AARHUS_STAFF);
    const referred = await apiPost<Enrolment>('enrolments', { citizenId: kept.id, programmeId: DEMO_IDS.programmes.icm, centreId: DEMO_IDS.centres.aarhusCentrum, referralDate: day, caseRequestId: keptRequest.id }, AARHUS_STAFF);
    await apiPost(`enrolments/${referred.id}/transitions`, { to: 'active', date: addDays(day, 5), version: referred.version }, AARHUS_STAFF);
    const waiting = await citizen('Venter');
    await apiPost<CaseRequest>('case-requests', { citizenId: waiting.id, requestedOn: day, channel: 'written' }, AARHUS_STAFF);

    await signIn(page, AARHUS_ADMIN);
    await page.getByRole('menuitem', { name: 'Behandlingsgaranti' }).click();
    const panel = page.getByTestId('guarantee-figures');
    // The last 90 days at once.
    await panel.getByTestId('figures-share').waitFor();
    await panel.getByRole('textbox', { name: 'Henvendelser fra' }).fill(typedDanish(day));
    await panel.getByRole('textbox', { name: 'Til og med' }).fill(typedDanish(day));
    await panel.getByRole('button', { name: 'Vis tal' }).click();
    // Kept 1 of (kept 1 + overdue 1): 50 %; the median of one start after 5 days: 5.
    await panel.getByTestId('figures-requests').getByText('2', { exact: true }).waitFor();
    expect([
      await panel.getByTestId('figures-share').innerText(),
      await panel.getByTestId('figures-median').innerText(),
      await panel.getByTestId('figures-met').innerText(),
      await panel.getByTestId('figures-overdue').innerText(),
      await panel.getByTestId('figures-missed').innerText(),
    ]).toEqual(['50 %', '5', '1', '1', '0']);
    await screenshot(page, 'guarantee-figures-management');
    await expectNoAxeViolations(page, 'the management’s guarantee figures');
    // A period backwards is said in words, not sent.
    await panel.getByRole('textbox', { name: 'Henvendelser fra' }).fill(typedDanish(addDays(day, 1)));
    await panel.getByRole('button', { name: 'Vis tal' }).click();
    await panel.getByTestId('figures-problem').getByText('Vælg en periode: fra-datoen skal ligge før til-datoen').waitFor();
    // The admin's menu has no requests, and the requests page is not theirs.
    expect(await page.getByRole('menuitem', { name: 'Henvendelser' }).count()).toBe(0);
    expect(failed).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
    await signOut(page);
  });

  it('links an enrolment made before the request was recorded ("Knyt til henvendelse"): the guarantee is kept from its start', async () => {
    const { page } = browser;
    const person = await citizen('Sentregistreret');
    // Referred 8 days ago and started 6 days ago; the request of 9 days ago is recorded only now.
    const enrolment = await startedEnrolment(person.id, danishDaysFromToday(-8), danishDaysFromToday(-6));
    const request = await apiPost<CaseRequest>('case-requests', { citizenId: person.id, requestedOn: danishDaysFromToday(-9), channel: 'personal' }, AARHUS_STAFF);
    expect(request.guarantee?.status).toBe('running');

    await signIn(page, AARHUS_STAFF);
    await page.goto(`${baseUrl()}/#/case-requests/${request.id}`);
    const section = page.getByTestId('request-enrolments');
    const card = section.getByTestId('request-enrolment');
    await card.getByText('ICM – intensiv case management').waitFor();
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'request-link-enrolment');
    await expectNoAxeViolations(page, 'request page with an unlinked enrolment');
    await card.getByRole('button', { name: 'Knyt til henvendelse' }).click();
    const dialog = page.getByRole('dialog', { name: 'Knyt forløbet til henvendelsen' });
    await dialog.getByText(/Behandlingsgarantien regnes fra forløbets start/).waitFor();
    await settle(page);
    await screenshot(page, 'request-link-dialog');
    await dialog.getByRole('button', { name: 'Knyt til henvendelse' }).click();
    await page.getByText('Forløbet er knyttet til henvendelsen').waitFor();
    await card.getByTestId('linked-here').waitFor();
    // Started 3 days after the request: kept.
    await page.getByTestId('guarantee-status').getByText(/garanti holdt: startet efter 3 dage/).waitFor();
    const [stored] = await apiGet<Enrolment[]>(`enrolments${listQuery({ citizenId: person.id })}`, AARHUS_STAFF);
    expect([stored?.id, stored?.caseRequestId]).toEqual([enrolment.id, request.id]);
    const after = await apiGet<CaseRequest>(`case-requests/${request.id}`, AARHUS_STAFF);
    expect([after.guarantee?.status, after.guarantee?.startDate, after.guarantee?.daysToStart]).toEqual(['met', danishDaysFromToday(-6), 3]);
    expect(failed).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });

  it('asks for the reason when the linked enrolment started after the last day, and says so in Danish', async () => {
    const { page } = browser;
    const person = await citizen('Sentstartet');
    // Request 25 days ago (last day 11 days ago); started 5 days ago.
    await startedEnrolment(person.id, danishDaysFromToday(-20), danishDaysFromToday(-5));
    const request = await apiPost<CaseRequest>('case-requests', { citizenId: person.id, requestedOn: danishDaysFromToday(-25), channel: 'phone' }, AARHUS_STAFF);
    await page.goto(`${baseUrl()}/#/case-requests/${request.id}`);
    const card = page.getByTestId('request-enrolment');
    await card.getByRole('button', { name: 'Knyt til henvendelse' }).click();
    const dialog = page.getByRole('dialog', { name: 'Knyt forløbet til henvendelsen' });
    const confirm = dialog.getByRole('button', { name: 'Knyt til henvendelse' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Årsag til at fristen ikke blev holdt' }).fill('Ingen ledig plads før');
    await confirm.click();
    await card.getByTestId('linked-here').waitFor();
    await screenshot(page, 'request-linked-late');
    await dialog.waitFor({ state: 'hidden' });
    const after = await apiGet<CaseRequest>(`case-requests/${request.id}`, AARHUS_STAFF);
    expect([after.guarantee?.status, after.guarantee?.daysToStart, after.missedReason]).toEqual(['missed', 20, 'Ingen ledig plads før']);
    expect(browser.pageErrors).toEqual([]);
    // The app bar slides away while scrolling down: back to the top for the user menu.
    await page.evaluate(() => window.scrollTo(0, 0));
    await signOut(page);
  });

  it('keeps the citizen page’s "Ingen henvendelser registreret" inside its section, spaced like the others', async () => {
    const { page } = browser;
    const person = await citizen('Tomside');
    await signIn(page, AARHUS_STAFF);
    await page.goto(`${baseUrl()}/#/citizens/${person.id}/show`);
    const section = page.getByTestId('citizen-case-requests');
    const empty = section.getByText('Ingen henvendelser registreret');
    await empty.waitFor();
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'citizen-no-requests');
    // The gap from the empty line to the next section's heading is the sections' own gap (24 px, mt: 3), not more and not none.
    const gap = await page.evaluate(() => {
      const line = [...document.querySelectorAll('[data-testid="citizen-case-requests"] p')].find((p) => p.textContent === 'Ingen henvendelser registreret');
      const section = document.querySelector('[data-testid="citizen-case-requests"]');
      const next = section?.nextElementSibling;
      const heading = next?.querySelector('h2') ?? next;
      if (!line || !section || !heading) return null;
      return { belowLine: Math.round(section.getBoundingClientRect().bottom - line.getBoundingClientRect().bottom), toNext: Math.round(heading.getBoundingClientRect().top - line.getBoundingClientRect().bottom) };
    });
    expect(gap).toEqual({ belowLine: 0, toNext: 24 });
    expect(browser.pageErrors).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await signOut(page);
  });
});
