import { readFileSync } from 'node:fs';
import type { CitizenAccessReport, Citizen, TreatmentSession, Enrolment } from '@outcomes/contracts';
import { DEMO_IDS, demoEmail } from '@outcomes/seeds';
import { expectNoAxeViolations, settle } from './support/a11y';
import { freshCpr } from './support/a11y-data';
import { apiGet, apiPost, apiPut } from './support/api';
import { signIn } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { baseUrl, openBrowser, screenshot, uniqueSuffix } from './support/browser';
import { danishDaysFromToday, typedDanish } from './support/dates';

/**
 * Issue 22, the citizen's own access (GDPR art. 15): the municipality's admin types the citizen's CPR
 * number on "Indsigt (art. 15)", reads the report on screen (a summary of counts, the look-ups without
 * who looked, every record with both versions of a corrected note) and downloads it as PDF and JSON.
 * Nothing of the citizen is left in the address or the browser's storage.
 */

const AARHUS_STAFF = demoEmail('staff', 'aarhus');
const AARHUS_ADMIN = demoEmail('admin', 'aarhus');

describe("the citizen's access report (art. 15), as the admin", () => {
  let browser: OpenBrowser;

  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is produced by CPR number, read on screen in sections, downloaded as PDF and JSON, and leaves no CPR or name in the browser', async () => {
    const cpr = freshCpr();
    const lastName = `Indsigt${uniqueSuffix()}`;
    const citizen = await apiPost<Citizen>('citizens', { cpr, firstName: 'Ulla', lastName }, AARHUS_STAFF);
    const referred = await apiPost<Enrolment>('enrolments', { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.icm, centreId: DEMO_IDS.centres.aarhusCentrum, referralDate: danishDaysFromToday(-2) }, AARHUS_STAFF);
    await apiPost(`enrolments/${referred.id}/transitions`, { to: 'active', date: danishDaysFromToday(-2), version: referred.version }, AARHUS_STAFF);
    const s = await apiPost<TreatmentSession>('sessions', { enrolmentId: referred.id, startsAt: new Date(Date.now() - 3_600_000).toISOString(), durationMinutes: 50, kind: 'individual-session', attendance: 'attended', note: 'Aftalt opfølgning tirsdag.' }, AARHUS_STAFF);
    await apiPut(`sessions/${s.id}`, { startsAt: s.startsAt, durationMinutes: s.durationMinutes, staffUserId: s.staffUserId, kind: s.kind, sessionNumber: s.sessionNumber, attendance: s.attendance, note: 'Aftalt opfølgning torsdag.', correctionReason: 'Forkert ugedag', version: s.version }, AARHUS_STAFF);
    await apiGet(`citizens/${citizen.id}`, AARHUS_STAFF); // a look-up the report must tell of

    const { page } = browser;
    await signIn(page, AARHUS_ADMIN);
    await page.getByRole('menuitem', { name: 'Indsigt (art. 15)' }).click();
    await page.getByTestId('access-report-form').waitFor();
    await expectNoAxeViolations(page, 'the access report form');
    await page.getByLabel('CPR-nummer').fill(cpr);
    // The request's day is required: without it nothing is produced, and the field says so.
    await page.getByTestId('access-report-produce').click();
    await page.getByText('Skriv datoen for anmodningen (dd.mm.åååå)').waitFor();
    // A request that came 31 January is due 28 February (no 31 February), said as soon as it is typed.
    await page.getByTestId('access-report-requested-on').fill('31.1.2026');
    await page.getByText('Frist: 28.2.2026').waitFor();
    await page.getByTestId('access-report-produce').click();
    await page.getByTestId('access-report').waitFor();
    await expect(page.getByTestId('access-report-deadline').textContent()).resolves.toBe('Anmodet den: 31.1.2026 · Frist: 28.2.2026');

    await expect(page.getByTestId('access-report-about').textContent()).resolves.toBe(`Rapport om Ulla ${lastName}`);
    // The summary, counted by hand: one citizen, one course, one session, two versions of its note.
    const count = async (table: string) => (await page.getByTestId(`access-report-count-${table}`).locator('td').nth(1).textContent())?.trim();
    expect([await count('citizen'), await count('enrolment'), await count('treatment_session'), await count('note_version'), await count('assessment')]).toEqual(['1', '1', '1', '2', '0']);
    const notes = page.getByTestId('access-report-section-note_version');
    await expect(notes.textContent()).resolves.toMatch(/Tekst:Aftalt opfølgning tirsdag\.Art:original.*Tekst:Aftalt opfølgning torsdag\.Art:correctionBegrundelse:Forkert ugedag/s);
    // The look-ups: staff's read of the citizen, by role and municipality; no user's name or e-mail anywhere in that list.
    const lookups = page.getByTestId('access-report-lookups');
    await expect(lookups.textContent()).resolves.toMatch(/Læst: dine stamdata.*Sagsbehandling.*Behandler.*Aarhus/s);
    await expect(lookups.textContent()).resolves.not.toMatch(/Behandler \(Aarhus\)|staff@|admin@/);
    await settle(page);
    await expectNoAxeViolations(page, 'the access report');
    await screenshot(page, 'citizen-access-report');

    // Downloads: the PDF (fetched by POST) and the JSON (the report on screen).
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('access-report-pdf').click()]);
    expect(pdf.suggestedFilename()).toMatch(/^indsigt-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(readFileSync(await pdf.path()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('access-report-json').click()]);
    const saved = JSON.parse(readFileSync(await json.path(), 'utf8')) as CitizenAccessReport;
    expect([saved.format, saved.citizen.cpr, saved.sections.find((x) => x.table === 'note_version')?.rows.length, saved.requestedOn, saved.dueOn]).toEqual(['outcomes/citizen-access-report/v1', cpr, 2, '2026-01-31', '2026-02-28']);

    // Nothing of the citizen in the address or the browser's storage.
    const kept = await page.evaluate(() => JSON.stringify({ url: window.location.href, local: { ...window.localStorage }, session: { ...window.sessionStorage } }));
    expect(kept).not.toContain(cpr);
    expect(kept).not.toContain(cpr.slice(0, 6));
    expect(kept).not.toContain(lastName);

    // Reflow (WCAG 1.4.10): at 320 CSS px the report reads without sideways scrolling; its tables scroll in their own regions.
    await page.setViewportSize({ width: 320, height: 640 });
    await settle(page);
    const width = await page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth);
    await screenshot(page, 'citizen-access-report-320');
    expect(width).toBe(320);
    await page.setViewportSize({ width: 1366, height: 1000 });
    expect(browser.pageErrors).toEqual([]);
  });

  it('says so when no citizen of the municipality has the CPR number', async () => {
    const { page } = browser;
    // Away and back: the report shown before is gone with the page (it lived in the page's memory only).
    await page.goto(`${baseUrl()}/#/users`);
    await page.locator('table').first().waitFor();
    await page.goto(`${baseUrl()}/#/citizen-access-reports`);
    await page.getByTestId('access-report-form').waitFor();
    expect(await page.getByTestId('access-report').count()).toBe(0);
    await page.getByLabel('CPR-nummer').fill(freshCpr());
    await page.getByTestId('access-report-requested-on').fill(typedDanish(danishDaysFromToday(0)));
    await page.getByTestId('access-report-produce').click();
    await page.getByText('Ingen borger i kommunen med det CPR-nummer eller id.').waitFor();
  });
});
