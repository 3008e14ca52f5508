import type { Citizen, Enrolment, Group, GroupMeeting } from '@outcomes/contracts';
import { DEMO_IDS, demoEmail } from '@outcomes/seeds';
import type { Page } from 'playwright-core';
import { apiGet, apiPost, listQuery } from './support/api';
import { signIn } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { baseUrl, openBrowser, uniqueSuffix } from './support/browser';
import { danishToday, mondayOfWeek } from './support/dates';

const AARHUS_STAFF = demoEmail('staff', 'aarhus');
const SHOTS = '/tmp/shots/coord';

const letters = (n: number): string => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

/** The Monday `weeks` weeks before today's (Danish) week, as YYYY-MM-DD. */
const mondayWeeksAgo = (weeks: number): string => mondayOfWeek(-weeks);

async function adultInHcs(serial: string): Promise<{ enrolment: Enrolment; name: string }> {
  const firstName = `Gr${letters(6)}`;
  const lastName = `Kursist${letters(4)}`;
  const citizen = await apiPost<Citizen>('citizens', { cpr: `1204863${serial}`, firstName, lastName }, AARHUS_STAFF);
  const today = danishToday();
  const referred = await apiPost<Enrolment>('enrolments', { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.hcs, centreId: DEMO_IDS.centres.aarhusCentrum, referralDate: today }, AARHUS_STAFF);
  const enrolment = await apiPost<Enrolment>(`enrolments/${referred.id}/transitions`, { to: 'active', date: today, version: referred.version }, AARHUS_STAFF);
  return { enrolment, name: `${firstName} ${lastName}` };
}

const row = (page: Page, name: string) => page.getByTestId('course-grid-row').filter({ hasText: name });
const text = async (page: Page, testId: string, name?: string) => ((name ? row(page, name) : page).getByTestId(testId).textContent());

describe('the course grid: a whole HCS course as people × meetings', () => {
  let browser: OpenBrowser;
  let course: Group;
  let anna: { enrolment: Enrolment; name: string };
  let bent: { enrolment: Enrolment; name: string };

  beforeAll(async () => {
    await fetch(`${baseUrl()}/api/health`).catch(() => undefined);
    const base = 100 + Math.floor(Math.random() * 800);
    anna = await adultInHcs(String(base));
    bent = await adultInHcs(String(base + 1));
    // Started three weeks ago on a Monday: meetings 1-3 have passed, 4-16 lie ahead or today.
    course = await apiPost<Group>('groups', { programmeId: DEMO_IDS.programmes.hcs, centreId: DEMO_IDS.centres.aarhusCentrum, name: `HCS-gitter ${uniqueSuffix()}`, startDate: mondayWeeksAgo(3), startTime: '10:00', place: 'Lokale 2' }, AARHUS_STAFF);
    await apiPost(`groups/${course.id}/members`, { enrolmentId: anna.enrolment.id }, AARHUS_STAFF);
    await apiPost(`groups/${course.id}/members`, { enrolmentId: bent.enrolment.id }, AARHUS_STAFF);
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'marks attendance in the grid, totals follow, each meeting saved in one request, and a reload shows it saved',
    async () => {
      const { page } = browser;
      const saves: string[] = [];
      page.on('request', (request) => {
        const match = /\/api\/group-meetings\/([^/]+)\/attendance$/.exec(new URL(request.url()).pathname);
        if (match?.[1]) saves.push(`${request.method()} ${match[1]}`);
      });
      await signIn(page, AARHUS_STAFF);
      await page.goto(`${baseUrl()}/#/groups/${course.id}/show`);
      await page.getByTestId('course-grid').waitFor();
      await row(page, anna.name).waitFor();
      await row(page, bent.name).waitFor();

      // Meeting 16 lies ahead: not markable.
      expect(await row(page, anna.name).getByTestId('cell-16').isDisabled()).toBe(true);
      expect(await text(page, 'person-total', anna.name)).toMatch(/^0 af \d+$/);

      // Meeting 1: Anna present (one click), Bent absent (two clicks). Meeting 2: both present.
      await row(page, anna.name).getByTestId('cell-1').click();
      await row(page, bent.name).getByTestId('cell-1').click();
      await row(page, bent.name).getByTestId('cell-1').click();
      await row(page, anna.name).getByTestId('cell-2').click();
      await row(page, bent.name).getByTestId('cell-2').click();
      // The cell is named by the person whose attendance it is, not by a row number.
      expect(await row(page, bent.name).getByTestId('cell-1').getAttribute('aria-label')).toMatch(new RegExp(`^Fremmøde møde 1, \\d+\\.\\d+\\., ${bent.name}: Fraværende$`));
      expect(await text(page, 'meeting-total-1')).toBe('1');
      expect(await text(page, 'meeting-total-2')).toBe('2');
      expect(await text(page, 'grid-total')).toBe('3');
      expect(await text(page, 'person-total', anna.name)).toMatch(/^2 af \d+$/);
      expect(await text(page, 'person-total', bent.name)).toMatch(/^1 af \d+$/);
      await page.screenshot({ path: `${SHOTS}/course-grid-marked.png` });

      // Meeting 3 has only one mark: its save waits for everyone.
      await row(page, anna.name).getByTestId('cell-3').click();
      expect(await page.getByRole('button', { name: /^Gem møde 3, / }).isDisabled()).toBe(true);

      await page.getByRole('button', { name: /^Gem møde 1, / }).click();
      await page.getByText(/Fremmødet for møde 1, .* er gemt/).waitFor();
      await page.getByRole('button', { name: /^Gem møde 2, / }).click();
      await page.getByText(/Fremmødet for møde 2, .* er gemt/).waitFor();
      const meetings = await apiGet<GroupMeeting[]>(`group-meetings${listQuery({ groupId: course.id })}`, AARHUS_STAFF);
      const byNumber = (n: number) => meetings.find((m) => m.number === n);
      expect(saves).toEqual([`PUT ${byNumber(1)?.id}`, `PUT ${byNumber(2)?.id}`]);
      const sorted = (m: GroupMeeting | undefined) => [...(m?.attendance ?? [])].sort((a, b) => a.enrolmentId.localeCompare(b.enrolmentId));
      expect(sorted(byNumber(1))).toEqual([{ enrolmentId: anna.enrolment.id, status: 'present' }, { enrolmentId: bent.enrolment.id, status: 'absent' }].sort((a, b) => a.enrolmentId.localeCompare(b.enrolmentId)));
      expect(sorted(byNumber(2)).map((a) => a.status)).toEqual(['present', 'present']);
      expect(byNumber(3)?.attendance).toEqual([]);

      // A reload shows what was saved (meeting 3's unsaved mark is gone).
      await page.reload();
      await row(page, anna.name).waitFor();
      await page.waitForFunction(() => document.querySelector('[data-testid="grid-total"]')?.textContent === '3');
      expect(await text(page, 'meeting-total-1')).toBe('1');
      expect(await text(page, 'meeting-total-2')).toBe('2');
      expect(await text(page, 'meeting-total-3')).toBe('0');
      expect(await row(page, anna.name).getByTestId('cell-1').getAttribute('aria-label')).toMatch(/: Til stede$/);
      expect(await text(page, 'person-total', anna.name)).toMatch(/^2 af \d+$/);
      await page.getByTestId('column-saved-1').waitFor();
      await page.getByTestId('column-saved-2').waitFor();
      await page.getByTestId('course-grid').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/course-grid-reloaded.png` });
      expect(browser.pageErrors).toEqual([]);
    },
    180_000,
  );
});
