import type { AccessLogEntry, Citizen, EmergencyAccess, Enrolment } from '@outcomes/contracts';
import { DEMO_IDS, demoEmail } from '@outcomes/seeds';
import { expectNoAxeViolations, settle } from './support/a11y';
import { freshCpr } from './support/a11y-data';
import { apiGet, apiPost, listQuery } from './support/api';
import { signIn, signOut } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { openBrowser, recordFailedResponses, screenshot, uniqueSuffix } from './support/browser';
import { danishDaysFromToday } from './support/dates';

/**
 * Emergency access (break-the-glass, issue 22) as its users meet it: an Odense staff member meets an
 * Aarhus citizen, opens the record on "Nødadgange" with the CPR number and a reason, and reads it,
 * read-only; Aarhus's admin finds the opening in the review queue and marks it reviewed. What each
 * page must show is written here by hand.
 */

const ODENSE_STAFF = demoEmail('staff', 'odense');
const AARHUS_STAFF = demoEmail('staff', 'aarhus');
const AARHUS_ADMIN = demoEmail('admin', 'aarhus');
const REASON = 'Borgeren kom akut ind på Odense Syd og husker ikke sin medicin';

/** The page fits 320 CSS px without sideways scrolling (tables scroll in their own region). */
const pageWidth = (browser: OpenBrowser): Promise<number> => browser.page.evaluate(() => document.documentElement.scrollWidth);

describe('breaking the glass, and its review', () => {
  let browser: OpenBrowser;
  const failed: string[] = [];
  let citizen: Citizen & { cpr: string };

  beforeAll(async () => {
    // An Aarhus citizen in treatment, with one session: what the Odense staff member will read.
    const lastName = `Nødsen${uniqueSuffix()}`;
    citizen = await apiPost<Citizen & { cpr: string }>('citizens', { cpr: freshCpr(), firstName: 'Akut', lastName }, AARHUS_STAFF);
    const referred = await apiPost<Enrolment>('enrolments', { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.icm, centreId: DEMO_IDS.centres.aarhusCentrum, referralDate: danishDaysFromToday(-20) }, AARHUS_STAFF);
    const active = await apiPost<Enrolment>(`enrolments/${referred.id}/transitions`, { to: 'active', date: danishDaysFromToday(-14), version: referred.version }, AARHUS_STAFF);
    await apiPost('sessions', { enrolmentId: active.id, startsAt: new Date(Date.now() - 3 * 24 * 3600_000).toISOString(), durationMinutes: 45, kind: 'case-management-meeting', attendance: 'attended' }, AARHUS_STAFF);
    // Their consents (decision 170): sharing with the region's psychiatry given, with relatives refused.
    await apiPost(`citizens/${citizen.id}/consents`, { purpose: 'psychiatry', event: 'given', onDate: danishDaysFromToday(-10), basedOnEntry: 0 }, AARHUS_STAFF);
    await apiPost(`citizens/${citizen.id}/consents`, { purpose: 'relatives', event: 'refused', onDate: danishDaysFromToday(-9), basedOnEntry: 0 }, AARHUS_STAFF);
    browser = await openBrowser();
    await browser.page.setViewportSize({ width: 1280, height: 900 });
    recordFailedResponses(browser.page, failed);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lets Odense staff open an Aarhus citizen’s record with a reason, read-only, until it expires', async () => {
    const { page } = browser;
    await signIn(page, ODENSE_STAFF);
    await page.getByRole('menuitem', { name: 'Nødadgange' }).click();
    await page.getByText(/kan du åbne borgerens journal til læsning med en skriftlig begrundelse/).waitFor();
    await settle(page);
    await page.getByRole('link', { name: 'Ny nødadgang' }).click();
    await page.getByRole('textbox', { name: 'CPR-nummer' }).fill(citizen.cpr);
    // Too short a reason is said at the field, and nothing is sent.
    await page.getByRole('textbox', { name: 'Begrundelse' }).fill('akut');
    await page.getByRole('button', { name: 'Åbn journalen' }).click();
    await page.getByText('Skal være mindst 20 tegn').first().waitFor();
    await page.getByRole('textbox', { name: 'Begrundelse' }).fill(REASON);
    await settle(page);
    await screenshot(page, 'emergency-access-create');
    await expectNoAxeViolations(page, 'a new emergency access');
    await page.getByRole('button', { name: 'Åbn journalen' }).click();

    // The record, read-only: the name, the course, the session; the expiry said.
    await page.getByTestId('emergency-citizen-name').getByText(`Akut ${citizen.lastName}`).waitFor();
    await page.getByText(/^Kun til læsning\. Adgangen udløber/).waitFor();
    await page.getByRole('cell', { name: 'ICM – intensiv case management' }).waitFor();
    await page.getByRole('cell', { name: 'Aktiv' }).waitFor();
    await page.getByRole('cell', { name: 'Mødt' }).waitFor();
    // The consents, first after the person: what may be shared with whom, as Aarhus recorded it.
    const consents = page.getByRole('table', { name: 'Samtykker' });
    await consents.getByRole('row').filter({ hasText: 'Deling med regionens psykiatri' }).getByRole('cell', { name: 'Givet' }).waitFor();
    await consents.getByRole('row').filter({ hasText: 'Deling med pårørende' }).getByRole('cell', { name: 'Afvist' }).waitFor();
    expect(await consents.getByRole('row').count()).toBe(3);
    await page.getByText('Afventer gennemgang').first().waitFor();
    // No edit anywhere: there is no button but the app's own.
    expect(await page.getByRole('button', { name: /Gem|Rediger/ }).count()).toBe(0);
    await settle(page);
    await screenshot(page, 'emergency-access-record');
    await expectNoAxeViolations(page, 'the record under emergency access');
    // Reflow at 320 px.
    await page.setViewportSize({ width: 320, height: 700 });
    await settle(page);
    expect(await pageWidth(browser)).toBeLessThanOrEqual(320);
    await screenshot(page, 'emergency-access-record-320');
    await page.setViewportSize({ width: 1280, height: 900 });
    // The consents in English too (the purposes' English labels), then back to Danish.
    await page.getByRole('button', { name: 'Dansk' }).first().click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('button', { name: 'English' }).first().waitFor();
    const english = page.getByRole('table', { name: 'Consents' });
    await english.getByRole('row').filter({ hasText: "Sharing with the region's psychiatry" }).getByRole('cell', { name: 'Given' }).waitFor();
    await english.getByRole('row').filter({ hasText: 'Sharing with relatives' }).getByRole('cell', { name: 'Refused' }).waitFor();
    await settle(page);
    await screenshot(page, 'emergency-access-record-en');
    await page.getByRole('button', { name: 'English' }).first().click();
    await page.getByRole('menuitem', { name: 'Dansk' }).click();
    await page.getByRole('button', { name: 'Dansk' }).first().waitFor();

    const [mine] = await apiGet<EmergencyAccess[]>(`emergency-accesses${listQuery({ citizenId: citizen.id })}`, ODENSE_STAFF);
    expect(mine).toMatchObject({ municipalityName: 'Aarhus', reason: REASON, reviewState: 'pending', active: true });
    expect(failed).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
    await signOut(page);
  });

  it('shows Aarhus’s admin the opening in the review queue, pending first, without the citizen’s name; they mark it reviewed', async () => {
    const { page } = browser;
    await signIn(page, AARHUS_ADMIN);
    await page.getByRole('menuitem', { name: 'Nødadgange' }).click();
    const row = page.getByRole('row').filter({ hasText: REASON });
    await row.getByText('Afventer gennemgang').waitFor();
    await row.getByText('Behandler (Odense)').waitFor();
    expect(await page.getByText(citizen.lastName).count()).toBe(0);
    await settle(page);
    await screenshot(page, 'emergency-access-queue');
    await expectNoAxeViolations(page, 'the emergency-access review queue');
    await page.setViewportSize({ width: 320, height: 700 });
    await settle(page);
    expect(await pageWidth(browser)).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1280, height: 900 });

    await row.getByTestId('record-link').click();
    await page.getByRole('heading', { name: 'Gennemgang' }).waitFor();
    await page.getByRole('textbox', { name: 'Bemærkning (valgfri)' }).fill('Bekræftet med Odense Syd');
    await settle(page);
    await expectNoAxeViolations(page, 'an emergency access with its review');
    await page.getByRole('button', { name: 'Markér som gennemgået' }).click();
    await page.getByText('Gennemgangen er gemt').waitFor();
    await page.getByText('Gennemgået', { exact: true }).first().waitFor();
    await screenshot(page, 'emergency-access-reviewed');

    // As stored, and the read is in Aarhus's own log, made by the Odense staff member.
    const [access] = await apiGet<EmergencyAccess[]>(`emergency-accesses${listQuery({ citizenId: citizen.id })}`, AARHUS_ADMIN);
    expect(access).toMatchObject({ reviewState: 'reviewed', reviewNote: 'Bekræftet med Odense Syd', reviewedByUserId: DEMO_IDS.users.aarhus.admin });
    // (The admin's own reads of the opening are there too, by the admin: only the Odense user's are looked at.)
    const reads = await apiGet<AccessLogEntry[]>(`access-log${listQuery({ recordId: access?.id, action: 'read', userId: DEMO_IDS.users.odense.staff })}`, AARHUS_ADMIN);
    expect(reads.length).toBeGreaterThanOrEqual(1);
    expect(reads.every((r) => r.citizenId === citizen.id && r.municipalityId === DEMO_IDS.municipalities.aarhus && r.resource === 'emergency-accesses')).toBe(true);
    expect(failed).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
    await signOut(page);
  });
});
