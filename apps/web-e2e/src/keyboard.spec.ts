import type { Assessment, Citizen, Enrolment, Group, GroupMeeting } from '@outcomes/contracts';
import { DEMO_IDS, DEMO_PASSWORD, demoEmail } from '@outcomes/seeds';
import type { Page } from 'playwright-core';
import { freshCpr } from './support/a11y-data';
import { apiGet, apiPost, listQuery } from './support/api';
import { openLoginPage } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { openBrowser, uniqueSuffix } from './support/browser';
import { describeFocus, expectFocusOnHeading, focusInGroup, tabTo } from './support/keyboard';
import { danishDaysFromToday, mondayOfWeek } from './support/dates';

/**
 * The staff's main job and the course attendance by keyboard alone (WCAG 2.1.1, 2.4.3, 3.3.1; issue 25):
 * every step is a Tab, Shift+Tab, Enter, Space, an arrow key or typing, never a click. The only
 * page.goto is the first one, to the sign-in page, as a user types the address.
 */

const STAFF = demoEmail('staff', 'odense');
const letters = (n: number): string => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const isoDaysAgo = (days: number): string => danishDaysFromToday(-days);

/** The Monday `weeks` weeks before today's (Danish) week, as YYYY-MM-DD. */
const mondayWeeksAgo = (weeks: number): string => mondayOfWeek(-weeks);

/**
 * An adult whose HCS enrolment ended about six months ago with no ASI taken: the worklist lists their
 * follow-ups (the intake's due too), so the staff member has a reason to open them from there.
 */
async function citizenOnWorklist(): Promise<{ citizen: Citizen; enrolment: Enrolment; name: string }> {
  const firstName = `Tast${letters(6)}`;
  const lastName = `Borger${letters(5)}`;
  const citizen = await apiPost<Citizen>('citizens', { cpr: freshCpr(), firstName, lastName }, STAFF);
  const referred = await apiPost<Enrolment>(
    'enrolments',
    { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.hcs, centreId: DEMO_IDS.centres.odenseSyd, referralDate: isoDaysAgo(270) },
    STAFF,
  );
  const active = await apiPost<Enrolment>(`enrolments/${referred.id}/transitions`, { to: 'active', date: isoDaysAgo(270), version: referred.version }, STAFF);
  const enrolment = await apiPost<Enrolment>(`enrolments/${referred.id}/transitions`, { to: 'completed', date: isoDaysAgo(180), endStatus: 'drug_free', version: active.version }, STAFF);
  return { citizen, enrolment, name: `${firstName} ${lastName}` };
}

/** Signs in with the keyboard: Tab to the e-mail field, type, Tab to the password, type, Enter. */
async function signInByKeyboard(page: Page, email: string): Promise<void> {
  await openLoginPage(page);
  await tabTo(page, page.locator('input[name="email"]'));
  await page.keyboard.type(email);
  await tabTo(page, page.locator('input[name="password"]'));
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.location.hash.startsWith('#/login'));
  await page.getByRole('menuitem').first().waitFor();
}

/** The ASI form's enrolment select, opened and chosen by keyboard (MUI Select: Enter opens, arrows move, Enter picks). */
async function chooseEnrolmentByKeyboard(page: Page, name: string): Promise<void> {
  const select = page.getByRole('combobox', { name: 'Forløb' });
  await tabTo(page, select);
  await page.keyboard.press('Enter');
  const option = page.getByRole('option', { name: new RegExp(name) });
  await option.waitFor();
  for (let i = 0; i < 10 && !(await option.evaluate((element) => element === document.activeElement)); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByRole('listbox').waitFor({ state: 'detached' });
  expect(await select.innerText()).toContain(name);
}

describe('keyboard only: the staff member’s main job and the course attendance', () => {
  let browser: OpenBrowser;

  beforeEach(async () => {
    browser = await openBrowser();
  });
  afterEach(async () => {
    await browser?.close();
  });

  it(
    'signs in, opens a citizen from the worklist, starts an ASI, answers items and saves it; focus lands on each page’s h1',
    async () => {
      const { page } = browser;
      const person = await citizenOnWorklist();
      await signInByKeyboard(page, STAFF);
      await page.getByTestId('worklist').waitFor();

      // The worklist row's citizen is a link (issue 25's contract), reached by Tab and opened by Enter.
      const link = page.getByTestId('worklist').locator(`a[href="#/citizens/${person.citizen.id}/show"]`).first();
      await tabTo(page, link, { max: 400 });
      expect((await link.innerText()).trim()).toContain(person.name);
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`#/citizens/${person.citizen.id}/show`));
      await expectFocusOnHeading(page);

      const record = page.getByTestId('citizen-assessments').getByRole('link', { name: 'Registrér ASI' });
      await tabTo(page, record);
      await page.keyboard.press('Enter');
      await page.getByTestId('composite-preview').waitFor();
      await expectFocusOnHeading(page);

      await chooseEnrolmentByKeyboard(page, person.name);
      // A typed item (days with medical problems) and two rating buttons (0-4), pressed with Space.
      await tabTo(page, page.getByTestId('asi-item-M6').getByRole('textbox'));
      await page.keyboard.type('7');
      for (const [code, rating] of [['M7', '2'], ['M8', '1']] as const) {
        const group = page.getByTestId(`asi-item-${code}`).getByRole('group');
        await focusInGroup(page, group, group.getByRole('button', { name: rating, exact: true }));
        await page.keyboard.press('Space');
      }
      expect(await page.getByTestId('asi-item-M7').getByRole('button', { name: '2', exact: true }).getAttribute('aria-pressed')).toBe('true');
      // The medical composite from these three: 7/90 + 2/12 + 1/12 (the ASI's formula, as the assessments spec has it).
      await page.getByTestId('composite-medical').getByText((7 / 90 + 2 / 12 + 1 / 12).toFixed(3).replace('.', ',')).waitFor();

      await tabTo(page, page.getByRole('button', { name: 'Gem', exact: true }), { max: 600 });
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`#/citizens/${person.citizen.id}/show`));
      await expectFocusOnHeading(page);
      const stored = await apiGet<Assessment[]>(`assessments${listQuery({ enrolmentId: person.enrolment.id })}`, STAFF);
      expect(stored).toHaveLength(1);
      expect(stored[0]?.items).toMatchObject({ M6: 7, M7: 2, M8: 1 });
      expect(browser.pageErrors).toEqual([]);
    },
    120_000,
  );

  it(
    'after a save the server refuses, focus is on the first invalid field, and its error is tied to it',
    async () => {
      const { page } = browser;
      const person = await citizenOnWorklist();
      // The form checks the API's own date rules before saving, so a refusal comes only from what the form
      // cannot know (a colleague moved the referral date meanwhile). The test plays that answer, in the
      // API's exact shape (ApiException.validation: 400 VALIDATION_FAILED with the field's rule).
      const rule = `date must not be before the referral (${isoDaysAgo(1)})`;
      await page.route('**/api/assessments', (route) =>
        route.request().method() === 'POST'
          ? route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ statusCode: 400, code: 'VALIDATION_FAILED', message: `Invalid input. date: ${rule}`, errors: { date: rule } }) })
          : route.continue(),
      );
      await signInByKeyboard(page, STAFF);
      await page.getByTestId('worklist').waitFor();
      const link = page.getByTestId('worklist').locator(`a[href="#/citizens/${person.citizen.id}/show"]`).first();
      await tabTo(page, link, { max: 400 });
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`#/citizens/${person.citizen.id}/show`));
      await tabTo(page, page.getByTestId('citizen-assessments').getByRole('link', { name: 'Registrér ASI' }));
      await page.keyboard.press('Enter');
      await page.getByTestId('composite-preview').waitFor();
      await chooseEnrolmentByKeyboard(page, person.name);
      await tabTo(page, page.getByTestId('asi-item-M6').getByRole('textbox'));
      await page.keyboard.type('3');
      await tabTo(page, page.getByRole('button', { name: 'Gem', exact: true }), { max: 600 });
      await page.keyboard.press('Enter');

      const date = page.locator('input[name="date"]');
      await page
        .waitForFunction(() => document.activeElement instanceof HTMLInputElement && document.activeElement.name === 'date', undefined, { timeout: 5_000 })
        .catch(async () => {
          throw new Error(`after the refused save focus should be on the date field, but it is on ${await describeFocus(page)}`);
        });
      expect(await date.getAttribute('aria-invalid')).toBe('true');
      // The field is the first invalid one, and its error is read with it (aria-describedby, as MUI ties helper text).
      expect(await page.locator('[aria-invalid="true"]').first().evaluate((element) => element === document.activeElement)).toBe(true);
      const describedBy = (await date.getAttribute('aria-describedby')) ?? '';
      expect(describedBy).not.toBe('');
      // The text it points at is the field's error, shown under it (MUI's helper text in its error state).
      const described = await page.evaluate(
        (ids) => ids.split(/\s+/).map((id) => ({ text: (document.getElementById(id)?.textContent ?? '').trim(), error: document.getElementById(id)?.classList.contains('Mui-error') ?? false })),
        describedBy,
      );
      expect(described.some((part) => part.error && part.text !== '')).toBe(true);
      expect(page.url()).toContain('#/assessments/create');
      expect(browser.pageErrors).toEqual([]);
    },
    120_000,
  );

  it(
    'opens an HCS course from the groups list, opens a meeting’s attendance, marks a member present and saves it',
    async () => {
      const { page } = browser;
      const person = await citizenOnWorklist();
      const active = await apiPost<Enrolment>(
        'enrolments',
        { citizenId: person.citizen.id, programmeId: DEMO_IDS.programmes.hcs, centreId: DEMO_IDS.centres.odenseSyd, referralDate: mondayWeeksAgo(4) },
        STAFF,
      ).then((referred) => apiPost<Enrolment>(`enrolments/${referred.id}/transitions`, { to: 'active', date: mondayWeeksAgo(4), version: referred.version }, STAFF));
      const name = `HCS-tastatur ${uniqueSuffix()}`;
      const course = await apiPost<Group>(
        'groups',
        { programmeId: DEMO_IDS.programmes.hcs, centreId: DEMO_IDS.centres.odenseSyd, name, startDate: mondayWeeksAgo(3), startTime: '10:00', place: 'Lokale 1' },
        STAFF,
      );
      await apiPost(`groups/${course.id}/members`, { enrolmentId: active.id }, STAFF);

      await signInByKeyboard(page, STAFF);
      await page.getByTestId('worklist').waitFor();
      await tabTo(page, page.getByRole('menuitem', { name: 'Grupper' }));
      await page.keyboard.press('Enter');
      await page.waitForURL(/#\/groups$|#\/groups\?/);
      await expectFocusOnHeading(page);

      const link = page.getByRole('link', { name, exact: true });
      await tabTo(page, link, { max: 400 });
      expect(await link.getAttribute('href')).toBe(`#/groups/${course.id}/show`);
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`#/groups/${course.id}/show`));
      await expectFocusOnHeading(page);

      // Meeting 1 (three weeks ago): its "Fremmøde" button opens the member list.
      const meeting = page.getByTestId('group-meeting').first();
      const open = meeting.getByRole('button', { name: /^Fremmøde/ });
      await tabTo(page, open, { max: 400 });
      await page.keyboard.press('Enter');
      const member = page.getByTestId('attendance-row').filter({ hasText: person.name });
      const present = member.getByRole('button', { name: 'Til stede' });
      await focusInGroup(page, member.getByRole('group'), present);
      await page.keyboard.press('Space');
      expect(await present.getAttribute('aria-pressed')).toBe('true');
      await tabTo(page, page.getByRole('button', { name: /^Gem fremmøde/ }));
      await page.keyboard.press('Enter');
      await page.getByTestId('attendance-saved').waitFor();

      const meetings = await apiGet<GroupMeeting[]>(`group-meetings${listQuery({ groupId: course.id })}&sort=${encodeURIComponent('["startsAt","ASC"]')}&range=${encodeURIComponent('[0,49]')}`, STAFF);
      expect(meetings[0]?.attendance).toEqual([{ enrolmentId: active.id, status: 'present' }]);
      expect(browser.pageErrors).toEqual([]);
    },
    120_000,
  );
});
