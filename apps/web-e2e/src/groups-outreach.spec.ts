import type { Citizen, Enrolment, Group, GroupMeeting, OutreachContact } from '@outcomes/contracts';
import { DEMO_IDS, demoEmail } from '@outcomes/seeds';
import type { Page } from 'playwright-core';
import { apiGet, apiPost, listQuery } from './support/api';
import { signIn } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { openBrowser, screenshot, uniqueSuffix } from './support/browser';
import { danishToday, mondayOfWeek } from './support/dates';

const AARHUS_STAFF = demoEmail('staff', 'aarhus');
const HCS = DEMO_IDS.programmes.hcs;
const AARHUS_CENTRE = DEMO_IDS.centres.aarhusCentrum;

const randomLetters = (n: number): string =>
  Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

/** The Monday `weeks` weeks before today's (Danish) week, as YYYY-MM-DD. */
const mondayWeeksAgo = (weeks: number): string => mondayOfWeek(-weeks);

/** An adult of Aarhus (born 1985) with a started HCS enrolment. */
async function adultInHcs(serial: string): Promise<{ citizen: Citizen; enrolment: Enrolment; name: string }> {
  const firstName = `Hc${randomLetters(6)}`;
  const lastName = `Holm${randomLetters(5)}`;
  const citizen = await apiPost<Citizen>('citizens', { cpr: `2307852${serial}`, firstName, lastName }, AARHUS_STAFF);
  const today = danishToday();
  const referred = await apiPost<Enrolment>(
    'enrolments',
    { citizenId: citizen.id, programmeId: HCS, centreId: AARHUS_CENTRE, referralDate: today },
    AARHUS_STAFF,
  );
  const enrolment = await apiPost<Enrolment>(
    `enrolments/${referred.id}/transitions`,
    { to: 'active', date: today, version: referred.version },
    AARHUS_STAFF,
  );
  return { citizen, enrolment, name: `${firstName} ${lastName}` };
}

const pressed = (page: Page, name: string, status: string) =>
  page.getByTestId('attendance-row').filter({ hasText: name }).getByRole('button', { name: status }).getAttribute('aria-pressed');

describe('an HCS course with attendance, and the outreach quick-log on a phone', () => {
  let browser: OpenBrowser;
  let first: Awaited<ReturnType<typeof adultInHcs>>;
  let second: Awaited<ReturnType<typeof adultInHcs>>;
  let known: Citizen;

  beforeAll(async () => {
    const base = Math.floor(Math.random() * 900);
    first = await adultInHcs(String(base).padStart(3, '0'));
    second = await adultInHcs(String(base + 1).padStart(3, '0'));
    known = await apiPost<Citizen>('citizens', { cpr: `2307852${String(base + 50).padStart(3, '0')}`.slice(0, 10), firstName: 'Gade', lastName: `Kendt${randomLetters(5)}` }, AARHUS_STAFF).catch(
      () => apiPost<Citizen>('citizens', { firstName: 'Gade', lastName: `Kendt${randomLetters(5)}`, birthYear: 1980, sex: 'male' }, AARHUS_STAFF),
    );
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'creates a course, adds two members, takes attendance of meeting 1 in one request; logs and links an alias on a phone',
    async () => {
      const { page } = browser;
      const attendanceRequests: string[] = [];
      page.on('request', (request) => {
        if (/\/api\/group-meetings\/[^/]+\/attendance$/.test(new URL(request.url()).pathname)) attendanceRequests.push(request.method());
      });
      await signIn(page, AARHUS_STAFF);

      // Create the course, starting three weeks ago.
      const courseName = `HCS-hold ${uniqueSuffix()}`;
      await page.getByRole('menuitem', { name: 'Grupper', exact: true }).click();
      await page.getByRole('link', { name: 'Opret' }).click();
      await page.getByRole('textbox', { name: 'Navn' }).waitFor();
      await page.getByRole('combobox', { name: 'Behandlingssted' }).click();
      await page.getByRole('option', { name: /Aarhus/ }).first().click();
      await page.getByRole('textbox', { name: 'Navn' }).fill(courseName);
      await page.locator('input[name="startDate"]').fill(mondayWeeksAgo(3));
      await page.locator('input[name="startTime"]').fill('17:00');
      await page.getByRole('textbox', { name: 'Sted' }).fill('Mødelokale 2');
      await page.getByRole('button', { name: 'Gem' }).click();
      await page.getByTestId('group-members').waitFor();
      const groupId = /#\/groups\/([0-9a-f-]{36})\/show/.exec(page.url())?.[1] as string;
      expect(groupId).toBeTruthy();
      await page.getByTestId('group-meeting').nth(15).waitFor();

      // Add the two members from the open HCS enrolments.
      for (const member of [first, second]) {
        await page.getByRole('combobox', { name: 'Tilføj et aktivt HCS-forløb' }).click();
        await page.getByRole('option', { name: member.name }).click();
        await page.getByRole('button', { name: 'Tilføj', exact: true }).click();
        await page.getByTestId('group-member').filter({ hasText: member.name }).waitFor();
      }
      const group = await apiGet<Group>(`groups/${groupId}`, AARHUS_STAFF);
      expect(new Set(group.memberEnrolmentIds)).toEqual(new Set([first.enrolment.id, second.enrolment.id]));

      // Meeting 1: one click per person, one request.
      const meeting1 = page.getByTestId('group-meeting').first();
      await meeting1.getByRole('button', { name: 'Fremmøde' }).click();
      await page.getByTestId('attendance-row').filter({ hasText: first.name }).getByRole('button', { name: 'Til stede' }).click();
      await page.getByTestId('attendance-row').filter({ hasText: second.name }).getByRole('button', { name: 'Afbud' }).click();
      await screenshot(page, 'hcs-attendance-grid');
      await page.getByRole('button', { name: 'Gem fremmøde' }).click();
      await page.getByTestId('attendance-saved').waitFor();
      expect(attendanceRequests).toEqual(['PUT']);

      // Reload: the saved state shows.
      await page.reload();
      await page.getByTestId('group-meeting').nth(15).waitFor();
      await page.getByTestId('group-meeting').first().getByRole('button', { name: 'Fremmøde' }).click();
      await page.getByTestId('attendance-saved').waitFor();
      await expect(pressed(page, first.name, 'Til stede')).resolves.toBe('true');
      await expect(pressed(page, second.name, 'Afbud')).resolves.toBe('true');
      await expect(pressed(page, second.name, 'Til stede')).resolves.toBe('false');
      await screenshot(page, 'hcs-attendance-saved');
      const meetings = await apiGet<GroupMeeting[]>(`group-meetings${listQuery({ groupId })}`, AARHUS_STAFF);
      const saved = meetings.find((m) => m.number === 1);
      expect(saved?.status).toBe('held');
      expect(saved?.attendance).toEqual(
        expect.arrayContaining([
          { enrolmentId: first.enrolment.id, status: 'present' },
          { enrolmentId: second.enrolment.id, status: 'excused' },
        ]),
      );

      // On a phone: log an anonymous contact with an alias.
      await page.setViewportSize({ width: 390, height: 844 });
      const alias = `Ravn${randomLetters(6)}`;
      await page.goto(`${new URL(page.url()).origin}/#/outreach-contacts/create`);
      // A fresh load, as on a phone: the menu starts closed there.
      await page.reload();
      await page.getByTestId('outreach-quick-log').waitFor();
      const button = (text: string) => page.locator('button', { hasText: new RegExp(`^${text}$`, 'i') });
      await button('Gaden').click();
      await button('Første kontakt').click();
      await button('30 min').click();
      await page.locator('input[name="alias"]').fill(alias);
      await screenshot(page, 'outreach-quick-log-phone');
      await button('Gem kontakt').click();
      const linkButton = page.locator('[aria-label="Kobl alias til borger"], button:has-text("Kobl alias til borger")').first();
      await linkButton.waitFor();
      const contacts = await apiGet<OutreachContact[]>(`outreach-contacts${listQuery({})}`, AARHUS_STAFF);
      expect(contacts.some((c) => c.alias === alias && c.durationMinutes === 30 && c.placeType === 'street')).toBe(true);

      // Link the alias to a citizen; the contact shows on the citizen's timeline.
      await linkButton.click();
      const dialog = page.locator('.MuiDialog-root');
      await dialog.locator('input[name="link-alias"]').fill(alias);
      // Found by the whole last name (sent in a POST body), chosen by name and birth year: no id pasted.
      await dialog.locator('input[name="citizen-search"]').fill(known.lastName);
      await dialog.getByRole('button', { name: 'Søg' }).click();
      await dialog.getByTestId('citizen-matches').getByRole('button', { name: new RegExp(known.lastName) }).click();
      await dialog.getByTestId('chosen-citizen').waitFor();
      await dialog.locator('button', { hasText: /^Kobl$/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.goto(`${new URL(page.url()).origin}/#/citizens/${known.id}/show`);
      await page.getByTestId('timeline-outreach-contact').first().waitFor();
      await expect(page.getByTestId('timeline-outreach-contact').first().textContent()).resolves.toContain('Første kontakt');
      await screenshot(page, 'outreach-on-citizen-timeline-phone');
      expect(browser.pageErrors).toEqual([]);
    },
    180_000,
  );
});
