import type { Citizen, Enrolment, GroupMeeting, TreatmentSession } from '@outcomes/contracts';
import { DEMO_IDS, demoEmail } from '@outcomes/seeds';
import { apiGet, apiPost, listQuery } from './support/api';
import { signIn } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { baseUrl, openBrowser } from './support/browser';

const ODENSE_COORDINATOR = demoEmail('coordinator', 'odense');
const ODENSE_STAFF = demoEmail('staff', 'odense');
const SHOTS = '/tmp/shots/coord';
const TUESDAY_GROUP = DEMO_IDS.groups.odense.smartTuesday;

/** A Copenhagen calendar day `days` from today, YYYY-MM-DD. */
const localDay = (days: number): string => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date(Date.now() + days * 86_400_000));

/** The latest Tuesday strictly before today (Copenhagen), found by stepping back a day at a time. */
function lastTuesdayBeforeToday(): string {
  for (let back = 1; back <= 7; back++) {
    const day = localDay(-back);
    if (new Date(`${day}T12:00:00Z`).getUTCDay() === 2) return day;
  }
  throw new Error('no Tuesday in the last week');
}

const meetingsOfTuesdayGroup = () => apiGet<GroupMeeting[]>(`group-meetings${listQuery({ groupId: TUESDAY_GROUP })}`, ODENSE_COORDINATOR);

/** How the date-time box shows a day and time, written out by hand: "4.11.2026 17.00" (no leading zeros in the date). */
const danishMoment = (isoDay: string, time: string): string => {
  const [y, m, d] = isoDay.split('-').map(Number);
  return `${d}.${m}.${y} ${time}`;
};

describe('the coordinator’s day on a fresh demo', () => {
  let browser: OpenBrowser;

  beforeAll(async () => {
    await fetch(`${baseUrl()}/api/health`).catch(() => undefined);
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'shows due renewals, flagged groups and hours; the groups list counts, never ids; logging an already logged day asks first',
    async () => {
      const { page } = browser;
      await signIn(page, ODENSE_COORDINATOR);

      // The dashboard: two renewals due (Anne Holm in 20 days, Bo Kjær in 45), not the lapsed Camilla Lund.
      await page.goto(`${baseUrl()}/#/coordinator-dashboard`);
      await page.getByTestId('coordinator-dashboard').waitFor();
      await page.getByTestId('renewal-row').filter({ hasText: 'Anne Holm' }).waitFor();
      await page.getByTestId('renewal-row').filter({ hasText: 'Bo Kjær' }).waitFor();
      expect(await page.getByTestId('renewal-row').filter({ hasText: 'Camilla Lund' }).count()).toBe(0);
      const thursday = page.getByTestId('coverage-row').filter({ hasText: 'SMART Recovery, torsdag' });
      await thursday.getByTestId('flag-single-facilitator').waitFor();
      await thursday.getByTestId('flag-no-trained-facilitator').waitFor();
      await page.getByTestId('coverage-row').filter({ hasText: 'SMART Recovery, tirsdag' }).getByText('Anne Holm').waitFor();
      await page.getByTestId('hours-row').filter({ hasText: 'Frivilligcenter Odense' }).waitFor();
      await page.screenshot({ path: `${SHOTS}/coordinator-dashboard.png`, fullPage: true });

      // The groups list: a course shows its number of participants, no list shows an id.
      await page.goto(`${baseUrl()}/#/groups`);
      await page.getByRole('cell', { name: 'HCS-forløb (demo)' }).waitFor();
      const table = (await page.getByRole('table').first().textContent()) ?? '';
      expect(table).toContain('SMART Recovery, tirsdag');
      expect(table).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      await page.screenshot({ path: `${SHOTS}/groups-list.png` });

      // Trainings and volunteers in Danish: kinds and standings by their labels.
      await page.goto(`${baseUrl()}/#/trainings`);
      await page.getByRole('cell', { name: 'Førstehjælp og samtaleteknik' }).first().waitFor();
      const trainings = (await page.getByRole('table').first().textContent()) ?? '';
      expect(trainings).toContain('SMART-facilitatoruddannelse');
      expect(trainings).not.toMatch(/smart-facilitator|\bother\b/);
      await page.screenshot({ path: `${SHOTS}/trainings.png` });
      await page.goto(`${baseUrl()}/#/volunteers/${DEMO_IDS.volunteers.odense.lapsed}/show`);
      await page.getByTestId('volunteer-trainings').getByText('SMART-facilitatoruddannelse').waitFor();
      await page.screenshot({ path: `${SHOTS}/volunteer-lapsed.png` });

      // The meeting form suggests the latest Tuesday, the one not yet logged.
      const before = await meetingsOfTuesdayGroup();
      expect(before).toHaveLength(8);
      const latest = lastTuesdayBeforeToday();
      await page.goto(`${baseUrl()}/#/groups/${TUESDAY_GROUP}/show`);
      await page.getByRole('link', { name: 'Registrér møde' }).click();
      const startsAt = page.locator('input[name="startsAt"]');
      await page.waitForFunction((value) => (document.querySelector('input[name="startsAt"]') as HTMLInputElement | null)?.value === value, danishMoment(latest, '17.00'), { timeout: 30_000 });
      await page.locator('input[name="facilitators.0.minutes"]').waitFor();
      await page.getByRole('button', { name: 'Tilføj facilitator' }).waitFor();
      await page.screenshot({ path: `${SHOTS}/meeting-form-suggested.png` });

      // A week already logged: asked first, and "Annullér" writes nothing.
      const logged = new Date(Date.parse(`${latest}T12:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
      await startsAt.fill(`${logged}T17:00`);
      await page.getByRole('spinbutton', { name: 'Anonyme deltagere (antal)' }).fill('5');
      await page.getByRole('button', { name: 'Gem' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Der er allerede registreret noget denne dag').waitFor();
      await dialog.getByText(/Gruppen har allerede et møde registreret den/).waitFor();
      await page.screenshot({ path: `${SHOTS}/meeting-duplicate-asked.png` });
      await dialog.getByRole('button', { name: 'Annullér' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(await meetingsOfTuesdayGroup()).toHaveLength(8);

      // Confirmed, a second meeting that evening is logged.
      await startsAt.fill(`${logged}T19:30`);
      await page.getByRole('button', { name: 'Gem' }).click();
      await dialog.getByRole('button', { name: 'Ja, registrér alligevel' }).click();
      await page.getByTestId('logged-meeting').first().waitFor();
      const after = await meetingsOfTuesdayGroup();
      expect(after).toHaveLength(9);
      expect(after.filter((m) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date(m.startsAt)) === logged)).toHaveLength(2);
      expect(browser.pageErrors).toEqual([]);
    },
    180_000,
  );

  it(
    'asks before a second session on the same day for the same enrolment, and logs it once confirmed',
    async () => {
      // A browser of its own: the staff member signs in fresh.
      const staffBrowser = await openBrowser();
      const { page } = staffBrowser;
      const letters = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
      const citizen = await apiPost<Citizen>('citizens', { cpr: `1503887${100 + Math.floor(Math.random() * 800)}`, firstName: `Sa${letters}`, lastName: 'Samtalesen' }, ODENSE_STAFF);
      const today = localDay(0);
      const referred = await apiPost<Enrolment>('enrolments', { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.icm, centreId: DEMO_IDS.centres.odenseSyd, referralDate: today }, ODENSE_STAFF);
      const enrolment = await apiPost<Enrolment>(`enrolments/${referred.id}/transitions`, { to: 'active', date: today, version: referred.version }, ODENSE_STAFF);
      // The first session on the Danish day the form's "now" falls on: ten minutes ago, unless that was
      // yesterday in Copenhagen (a run just after midnight), then now.
      const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
      const earlier = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(tenMinutesAgo) === today ? tenMinutesAgo : new Date();
      await apiPost<TreatmentSession>('sessions', { enrolmentId: enrolment.id, startsAt: earlier.toISOString(), durationMinutes: 30, kind: 'case-management-meeting', attendance: 'attended' }, ODENSE_STAFF);

      await signIn(page, ODENSE_STAFF);
      await page.goto(`${baseUrl()}/#/citizens/${citizen.id}/show`);
      await page.getByRole('link', { name: 'Registrér samtale' }).click();
      await page.waitForFunction(() => document.location.hash.startsWith('#/sessions/create'));
      await page.getByRole('spinbutton', { name: 'Varighed (minutter)' }).fill('40');
      await page.getByRole('button', { name: 'Gem' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText(/Borgeren har allerede en samtale registreret den/).waitFor();
      await page.screenshot({ path: `${SHOTS}/session-duplicate-asked.png` });
      expect(await apiGet<TreatmentSession[]>(`sessions${listQuery({ enrolmentId: enrolment.id })}`, ODENSE_STAFF)).toHaveLength(1);
      await dialog.getByRole('button', { name: 'Ja, registrér alligevel' }).click();
      await page.getByText('Elementet er oprettet').waitFor();
      await page.waitForFunction((id) => document.location.hash.startsWith(`#/citizens/${id}/show`), citizen.id);
      const sessions = await apiGet<TreatmentSession[]>(`sessions${listQuery({ enrolmentId: enrolment.id })}`, ODENSE_STAFF);
      expect(sessions.map((x) => x.durationMinutes).sort()).toEqual([30, 40]);
      expect(staffBrowser.pageErrors).toEqual([]);
      await staffBrowser.close();
    },
    120_000,
  );
});
