import type { CoordinatorDashboard, Facilitation, Group, GroupMeeting, Organisation, Volunteer } from '@outcomes/contracts';
import { DEMO_IDS, demoEmail } from '@outcomes/seeds';
import { apiGet, apiPost, listQuery } from './support/api';
import { signIn } from './support/auth';
import type { Page } from 'playwright-core';
import type { OpenBrowser } from './support/browser';
import { baseUrl, openBrowser, screenshot, uniqueSuffix } from './support/browser';
import { danishDaysFromToday, mondayOfWeek } from './support/dates';

const AARHUS_COORDINATOR = demoEmail('coordinator', 'aarhus');
const AARHUS_STAFF = demoEmail('staff', 'aarhus');

/** A local (Copenhagen) calendar day `days` from today, as YYYY-MM-DD. */
const localDay = (days: number): string => danishDaysFromToday(days);

/** The Danish weekday name of a local day, as the group form lists it ("tirsdag"). */
const danishWeekday = (day: string): string =>
  new Intl.DateTimeFormat('da-DK', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));

/** The Monday `weeks` weeks after the current (Danish) week's. */
const mondayInWeeks = (weeks: number): string => mondayOfWeek(weeks);

/**
 * The spec before this one may leave a pooled keep-alive connection that the API closes after 5 s idle;
 * a POST on it fails with "other side closed" and is not retried. A throwaway GET drops it first.
 */
const dropStaleConnection = () => fetch(`${baseUrl()}/api/health`).catch(() => undefined);

/**
 * Picks a select's option. The organisations' list can load twice while the box opens (the
 * second answer re-renders the options), so a click can land on an option as it is replaced; the
 * pick is tried again and checked by what the box shows, not assumed.
 */
async function chooseOption(page: Page, box: string, option: string): Promise<void> {
  const input = page.getByRole('combobox', { name: box });
  for (let attempt = 1; ; attempt += 1) {
    try {
      await input.click();
      await page.getByRole('option', { name: option }).click({ timeout: 5_000 });
      // A select's combobox shows its chosen option as its text.
      if (((await input.textContent()) ?? '').includes(option)) return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
    if (attempt >= 3) throw new Error(`${box}: ${option} could not be chosen`);
  }
}

describe('the coordinator: a volunteer with a training facilitates a SMART Recovery group', () => {
  let browser: OpenBrowser;
  let organisation: Organisation;
  let leftVolunteer: Volunteer;

  beforeAll(async () => {
    await dropStaleConnection();
    organisation = await apiPost<Organisation>('organisations', { name: `SMART Recovery Østjylland ${uniqueSuffix()}`, municipalityIds: [DEMO_IDS.municipalities.aarhus] }, AARHUS_COORDINATOR);
    leftVolunteer = await apiPost<Volunteer>('volunteers', { organisationId: organisation.id, firstName: 'Lene', lastName: `Stoppet${uniqueSuffix()}`, status: 'left' }, AARHUS_COORDINATOR);
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'registers a volunteer and a SMART training, creates a group, assigns the volunteer, logs a meeting, and sees the single-facilitator flag',
    async () => {
      const { page } = browser;
      await signIn(page, AARHUS_COORDINATOR);

      // Register the volunteer.
      const lastName = `Frivillig${uniqueSuffix()}`;
      const name = `Frida ${lastName}`;
      await page.getByRole('menuitem', { name: 'Frivillige', exact: true }).click();
      await page.getByRole('link', { name: 'Opret' }).click();
      await chooseOption(page, 'Organisation', organisation.name);
      await page.getByRole('textbox', { name: 'Fornavn' }).fill('Frida');
      await page.getByRole('textbox', { name: 'Efternavn' }).fill(lastName);
      await page.getByRole('textbox', { name: 'Telefon' }).fill('+45 11 22 33 44');
      await page.locator('input[name="criminalRecordCheckedOn"]').fill(localDay(-40));
      await page.getByRole('textbox', { name: 'Noter' }).fill('Tidligere deltager; vil gerne facilitere om onsdagen.');
      await page.getByRole('button', { name: 'Gem' }).click();
      await page.getByTestId('volunteer-trainings').waitFor();
      await page.getByTestId('volunteer-untrained').waitFor();
      const volunteerId = /#\/volunteers\/([0-9a-f-]{36})\/show/.exec(page.url())?.[1] as string;
      expect(volunteerId).toBeTruthy();

      // Record a SMART facilitator training that is due for renewal within 60 days.
      await page.getByRole('link', { name: 'Registrér uddannelse' }).click();
      await page.locator('input[name="completedOn"]').fill(localDay(-30));
      await page.locator('input[name="renewsOn"]').fill(localDay(30));
      await page.getByRole('textbox', { name: 'Bevisnummer' }).fill('SR-2026-117');
      await screenshot(page, 'training-form');
      await page.getByRole('button', { name: 'Gem' }).click();
      await page.getByTestId('volunteer-trained').waitFor();
      await page.getByTestId('training-expires-soon').waitFor();
      await screenshot(page, 'volunteer-with-training');
      expect((await apiGet<Volunteer>(`volunteers/${volunteerId}`, AARHUS_COORDINATOR)).trained).toBe(true);

      // A SMART Recovery group meeting yesterday's weekday at 10:00 (so the latest slot lies in the past).
      const yesterday = localDay(-1);
      const groupName = `SMART ${danishWeekday(yesterday)} ${uniqueSuffix()}`;
      await page.getByRole('menuitem', { name: 'Grupper', exact: true }).click();
      await page.getByRole('link', { name: 'Opret' }).click();
      await page.getByRole('combobox', { name: 'Ugedag' }).click();
      await page.getByRole('option', { name: danishWeekday(yesterday), exact: true }).click();
      await page.getByRole('combobox', { name: 'Behandlingssted' }).click();
      await page.getByRole('option', { name: 'Rusmiddelcenter Aarhus, Vest' }).click();
      await page.getByRole('textbox', { name: 'Navn' }).fill(groupName);
      await page.locator('input[name="startTime"]').fill('10:00');
      await page.getByRole('textbox', { name: 'Sted' }).fill('Frivilligcentret, lokale 3');
      await page.getByRole('button', { name: 'Gem' }).click();
      await page.getByTestId('group-facilitators').waitFor();
      const groupId = /#\/groups\/([0-9a-f-]{36})\/show/.exec(page.url())?.[1] as string;
      expect(await apiGet<Group>(`groups/${groupId}`, AARHUS_COORDINATOR)).toMatchObject({ kind: 'standing', startTime: '10:00', startDate: null });

      // A volunteer who left is refused on the field, by the domain rule.
      const assign = page.getByTestId('assign-facilitator');
      await assign.getByRole('combobox', { name: 'Frivillig' }).click();
      await page.getByRole('option', { name: new RegExp(leftVolunteer.lastName) }).click();
      await assign.getByRole('button', { name: 'Tilknyt frivillig' }).click();
      await assign.getByText('En frivillig, der er stoppet, kan ikke tilknyttes en gruppe').waitFor();
      await screenshot(page, 'assign-left-volunteer-refused');
      expect(await apiGet<Facilitation[]>(`groups/${groupId}/facilitators`, AARHUS_COORDINATOR)).toEqual([]);

      // Assign the new volunteer as facilitator from a week ago.
      await assign.getByRole('combobox', { name: 'Frivillig' }).click();
      await page.getByRole('option', { name: new RegExp(lastName) }).click();
      await assign.locator('input[name="fromDate"]').fill(localDay(-7));
      await assign.getByRole('button', { name: 'Tilknyt frivillig' }).click();
      await page.getByTestId('facilitator-row').filter({ hasText: name }).waitFor();
      expect(await apiGet<Facilitation[]>(`groups/${groupId}/facilitators`, AARHUS_COORDINATOR)).toEqual([
        expect.objectContaining({ volunteerId, role: 'facilitator', fromDate: localDay(-7), toDate: null }),
      ]);
      await screenshot(page, 'smart-group-facilitators');

      // Log yesterday's meeting: the facilitator comes prefilled with the meeting's length.
      await page.getByRole('link', { name: 'Registrér møde' }).click();
      await page.getByTestId('meeting-facilitators').waitFor();
      await page.locator('input[name="facilitators.0.minutes"]').waitFor();
      await page.getByRole('spinbutton', { name: 'Anonyme deltagere (antal)' }).fill('6');
      await page.locator('input[name="facilitators.0.minutes"]').fill('120');
      await screenshot(page, 'smart-meeting-log');
      await page.getByRole('button', { name: 'Gem' }).click();
      await page.getByTestId('logged-meeting').first().waitFor();
      const meetings = await apiGet<GroupMeeting[]>(`group-meetings${listQuery({ groupId })}`, AARHUS_COORDINATOR);
      expect(meetings).toEqual([expect.objectContaining({ status: 'held', anonymousHeadcount: 6, durationMinutes: 90 })]);
      expect(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'short' }).format(new Date(meetings[0]?.startsAt as string))).toBe(`${yesterday} 10:00`);

      // The dashboard flags the group's single facilitator and counts the volunteer's two hours.
      await page.getByRole('menuitem', { name: 'Koordinatoroversigt' }).click();
      const row = page.getByTestId('coverage-row').filter({ hasText: groupName });
      await row.getByTestId('flag-single-facilitator').waitFor();
      await row.getByText(name).waitFor();
      await page.getByTestId('renewal-row').filter({ hasText: name }).waitFor();
      await page.getByTestId('hours-row').filter({ hasText: organisation.name }).waitFor();
      await screenshot(page, 'coordinator-dashboard');
      const dashboard = await apiGet<CoordinatorDashboard>('coordinator-dashboard', AARHUS_COORDINATOR);
      expect(dashboard.groups.find((g) => g.groupId === groupId)?.flags).toEqual(['single-facilitator']);
      expect(dashboard.minutesByOrganisationMonth.filter((m) => m.organisationId === organisation.id).reduce((sum, m) => sum + m.minutes, 0)).toBe(120);
      expect(browser.pageErrors).toEqual([]);
    },
    180_000,
  );
});

describe('the weekly calendar of a centre’s group meetings', () => {
  let browser: OpenBrowser;
  let course: Group;

  beforeAll(async () => {
    await dropStaleConnection();
    // An HCS course starting on Monday in two weeks, at 17:00.
    course = await apiPost<Group>(
      'groups',
      { programmeId: DEMO_IDS.programmes.hcs, centreId: DEMO_IDS.centres.aarhusCentrum, name: `HCS kalender ${uniqueSuffix()}`, startDate: mondayInWeeks(2), startTime: '17:00', place: 'Mødelokale 1' },
      AARHUS_STAFF,
    );
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'lets staff go to the week of a course meeting, find it on its weekday, and open the course',
    async () => {
      const { page } = browser;
      await signIn(page, AARHUS_STAFF);
      await page.getByRole('menuitem', { name: 'Gruppemøder' }).click();
      await page.getByTestId('week-calendar').waitFor();
      await page.getByRole('combobox', { name: 'Behandlingssted' }).click();
      await page.getByRole('option', { name: 'Rusmiddelcenter Aarhus, Centrum' }).click();
      const weekTitle = await page.getByTestId('calendar-week').textContent();
      await page.getByRole('button', { name: 'Næste uge' }).click();
      await page.getByRole('button', { name: 'Næste uge' }).click();
      await page.waitForFunction((before) => document.querySelector('[data-testid="calendar-week"]')?.textContent !== before, weekTitle);
      const card = page.getByTestId('calendar-column-1').getByTestId('calendar-meeting').filter({ hasText: course.name });
      await card.waitFor();
      await expect(card.textContent()).resolves.toContain('17:00');
      await expect(card.textContent()).resolves.toContain('Møde 1');
      await screenshot(page, 'group-calendar-week');
      await card.click();
      // The course's own heading (the app bar's h1 is the page title, "Gruppe <name>").
      await page.getByRole('heading', { name: course.name, exact: true }).waitFor();
      expect(page.url()).toContain(`/groups/${course.id}/show`);
      expect(browser.pageErrors).toEqual([]);
    },
    120_000,
  );
});
