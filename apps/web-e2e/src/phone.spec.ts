import type { Citizen, Enrolment, OutreachContact, TreatmentSession } from '@outcomes/contracts';
import { DEMO_IDS, demoEmail } from '@outcomes/seeds';
import type { Locator, Page } from 'playwright-core';
import { apiGet, apiPost, listQuery } from './support/api';
import { openLoginPage, submitLogin } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { baseUrl, openBrowser, screenshot } from './support/browser';
import { danishToday } from './support/dates';

const AARHUS_STAFF = demoEmail('staff', 'aarhus');
const PHONE = { width: 390, height: 844 };

const randomLetters = (n: number): string =>
  Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

/** The page scrolls sideways when the document is wider than the window. */
const sidewaysScroll = (page: Page) =>
  page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));

const expectNoSidewaysScroll = async (page: Page) => {
  const { scrollWidth, innerWidth } = await sidewaysScroll(page);
  expect(innerWidth).toBe(PHONE.width);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
};

/** The element lies wholly inside the phone's screen, as it stands (no scrolling). */
const expectOnScreen = async (locator: Locator) => {
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  if (!box) return;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
};

describe('outreach on a phone (390 × 844), as a staff member in the street', () => {
  let browser: OpenBrowser;
  let known: Citizen;
  let enrolment: Enrolment;
  /** Every URL the browser asked for: a name must never be in one. */
  const urls: string[] = [];

  beforeAll(async () => {
    // A known citizen with a name no one else has, in an active HCS course.
    const lastName = `Gadeborger${randomLetters(6)}`;
    // Born 5 July 1979 (HCS has an age range: the CPR number gives the age).
    const cpr = `0507794${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
    known = await apiPost<Citizen>('citizens', { cpr, firstName: 'Karla', lastName }, AARHUS_STAFF);
    const today = danishToday();
    const referred = await apiPost<Enrolment>(
      'enrolments',
      { citizenId: known.id, programmeId: DEMO_IDS.programmes.hcs, centreId: DEMO_IDS.centres.aarhusCentrum, referralDate: today, staffUserId: DEMO_IDS.users.aarhus.staff },
      AARHUS_STAFF,
    );
    enrolment = await apiPost<Enrolment>(`enrolments/${referred.id}/transitions`, { to: 'active', date: today, version: referred.version }, AARHUS_STAFF);
    browser = await openBrowser();
    await browser.page.setViewportSize(PHONE);
    browser.page.on('request', (request) => urls.push(request.url()));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'signs in to the worklist, logs a contact with a known citizen found by name, and no page scrolls sideways',
    async () => {
      const { page } = browser;

      // Open the app and sign in: the worklist, as cards, within the screen.
      await openLoginPage(page);
      await submitLogin(page, AARHUS_STAFF, 'demo-password-2026');
      await page.getByTestId('worklist').waitFor();
      await page.getByTestId('worklist-row').first().waitFor();
      expect(await page.locator('[data-testid="worklist"] table').count()).toBe(0);
      await expectNoSidewaysScroll(page);
      // The app bar says which page this is, not a cut-off application name.
      const title = page.locator('#react-admin-title');
      expect((await title.innerText()).trim()).toBe('Arbejdsliste');
      await expectOnScreen(title);
      await screenshot(page, 'phone-worklist');

      // Through the menu to the outreach list; its floating "Registrér kontakt" button is on the screen.
      await page.getByRole('button', { name: 'Åbn menuen' }).click();
      await page.getByRole('menuitem', { name: 'Opsøgende kontakter' }).click();
      await page.waitForFunction(() => document.location.hash.startsWith('#/outreach-contacts'));
      await page.locator('.RaList-main').waitFor();
      const register = page.locator('a[aria-label="Registrér kontakt"]');
      await register.waitFor();
      await expectNoSidewaysScroll(page);
      await expectOnScreen(register);
      await register.click();

      // The quick-log: a few taps, then the known citizen by name.
      await page.getByTestId('outreach-quick-log').waitFor();
      const button = (text: string) => page.locator('button', { hasText: new RegExp(`^${text}$`, 'i') });
      await button('Gaden').click();
      await button('Opfølgning').click();
      await button('30 min').click();
      await button('Kendt borger').click();
      await page.locator('input[name="citizen-search"]').fill(known.lastName);
      await page.getByRole('button', { name: 'Søg' }).click();
      const match = page.getByTestId('citizen-matches').getByRole('button');
      await match.first().waitFor();
      // Name and birth year, no id.
      expect((await match.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim())).toEqual([`Karla ${known.lastName} født 1979`]);
      await match.first().click();
      await page.getByTestId('chosen-citizen').waitFor();
      await expectNoSidewaysScroll(page);
      const save = button('Gem kontakt');
      await expectOnScreen(save);
      await screenshot(page, 'phone-outreach-quick-log');
      await save.click();

      // The saved toast, inside the screen; back on the list, as cards with the citizen's name.
      const toast = page.locator('.MuiSnackbarContent-root', { hasText: 'Kontakten blev registreret' });
      await toast.waitFor();
      await expectOnScreen(toast);
      await expectNoSidewaysScroll(page);
      await screenshot(page, 'phone-outreach-saved');
      await page.getByText(`Karla ${known.lastName}`).first().waitFor();
      expect(await page.locator('table').count()).toBe(0);
      await expectNoSidewaysScroll(page);

      const contacts = await apiGet<OutreachContact[]>(`outreach-contacts${listQuery({ citizenId: known.id })}`, AARHUS_STAFF);
      expect(contacts.map((c) => ({ citizenId: c.citizenId, alias: c.alias, placeType: c.placeType, contactType: c.contactType, durationMinutes: c.durationMinutes }))).toEqual([
        { citizenId: known.id, alias: null, placeType: 'street', contactType: 'follow-up', durationMinutes: 30 },
      ]);

      // The citizen's page, with the contact on its timeline.
      await page.getByRole('link', { name: `Karla ${known.lastName}` }).first().click();
      await page.getByTestId('citizen-details').waitFor();
      await page.getByTestId('timeline-outreach-contact').first().waitFor();
      await expectNoSidewaysScroll(page);
      await screenshot(page, 'phone-citizen');

      // Logging a session from the citizen's page, on the phone: the form fits, its save button is on
      // the screen, and the session is saved and shown on the timeline.
      await page.getByRole('link', { name: 'Registrér samtale' }).first().click();
      await page.waitForFunction(() => document.location.hash.startsWith('#/sessions/create'));
      await page.getByRole('spinbutton', { name: 'Varighed (minutter)' }).fill('40');
      const saveSession = page.getByRole('button', { name: 'Gem', exact: true });
      await expectNoSidewaysScroll(page);
      await expectOnScreen(saveSession);
      await screenshot(page, 'phone-session-create');
      await saveSession.click();
      const created = page.locator('.MuiSnackbarContent-root', { hasText: 'Elementet er oprettet' });
      await created.waitFor();
      await expectOnScreen(created);
      await page.getByTestId('timeline-session').first().waitFor();
      await expectNoSidewaysScroll(page);
      const sessions = await apiGet<TreatmentSession[]>(`sessions${listQuery({ citizenId: known.id })}`, AARHUS_STAFF);
      expect(sessions.map((x) => ({ enrolmentId: x.enrolmentId, durationMinutes: x.durationMinutes, attendance: x.attendance }))).toEqual([
        { enrolmentId: enrolment.id, durationMinutes: 40, attendance: 'attended' },
      ]);

      // Logging a SMART meeting: the form fits, its save button is on the screen.
      for (const path of [`/group-meetings/create`]) {
        await page.goto(`${baseUrl()}/#${path}`);
        const saveForm = page.getByRole('button', { name: 'Gem', exact: true });
        await saveForm.waitFor();
        await expectNoSidewaysScroll(page);
        await expectOnScreen(saveForm);
        await screenshot(page, `phone${path.replace(/\//g, '-')}`);
      }

      // The name went in POST bodies only.
      expect(urls.filter((url) => url.includes(known.lastName))).toEqual([]);
      expect(enrolment.state).toBe('active');
      expect(browser.pageErrors).toEqual([]);
    },
    120_000,
  );
});
