import type { Citizen, Enrolment, Group, GroupMeeting } from '@outcomes/contracts';
import { DEMO_IDS, demoEmail } from '@outcomes/seeds';
import { apiGet, apiPost, apiPut, listQuery } from './support/api';
import { signIn } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { openBrowser } from './support/browser';
import { mondayOfWeek } from './support/dates';

const AARHUS_STAFF = demoEmail('staff', 'aarhus');
const HCS = DEMO_IDS.programmes.hcs;
const AARHUS_CENTRE = DEMO_IDS.centres.aarhusCentrum;
const SHOTS = '/tmp/shots/rules';

const randomLetters = (n: number): string => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

/**
 * The citizen: in an HCS course, present at 13 of its 16 meetings (absent at 2, excused at 1).
 * The enrolment page and the citizen's page both read "13 af 16" (libs/domain attendance.ts: group
 * meetings present count toward the protocol); before, both said "0 af 16".
 */
describe('attendance toward the protocol, on the enrolment page and the citizen page', () => {
  let browser: OpenBrowser;
  let citizen: Citizen;
  let enrolment: Enrolment;

  beforeAll(async () => {
    const serial = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
    citizen = await apiPost<Citizen>('citizens', { cpr: `1104823${serial}`, firstName: `Fr${randomLetters(6)}`, lastName: `Moede${randomLetters(5)}` }, AARHUS_STAFF);
    const referred = await apiPost<Enrolment>('enrolments', { citizenId: citizen.id, programmeId: HCS, centreId: AARHUS_CENTRE, referralDate: mondayOfWeek(-18) }, AARHUS_STAFF);
    enrolment = await apiPost<Enrolment>(`enrolments/${referred.id}/transitions`, { to: 'active', date: mondayOfWeek(-17), version: referred.version }, AARHUS_STAFF);
    const course = await apiPost<Group>('groups', { programmeId: HCS, centreId: AARHUS_CENTRE, name: `HCS-hold ${randomLetters(6)}`, startDate: mondayOfWeek(-17), startTime: '17:00', place: 'Mødelokale 2' }, AARHUS_STAFF);
    await apiPost<Group>(`groups/${course.id}/members`, { enrolmentId: enrolment.id }, AARHUS_STAFF);
    const meetings = await apiGet<GroupMeeting[]>(`group-meetings${listQuery({ groupId: course.id })}&sort=${encodeURIComponent('["startsAt","ASC"]')}&range=${encodeURIComponent('[0,49]')}`, AARHUS_STAFF);
    expect(meetings).toHaveLength(16);
    const statuses = [...Array<string>(13).fill('present'), 'absent', 'excused', 'absent'];
    for (const [i, meeting] of meetings.entries()) {
      await apiPut(`group-meetings/${meeting.id}/attendance`, { attendance: [{ enrolmentId: enrolment.id, status: statuses[i] }] }, AARHUS_STAFF);
    }
    browser = await openBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('reads 13 af 16 on both pages', async () => {
    const { page, pageErrors } = browser;
    await signIn(page, AARHUS_STAFF);

    await page.goto(`${page.url().split('#')[0]}#/enrolments/${enrolment.id}/show`);
    const onEnrolment = page.getByTestId('enrolment-progress');
    await onEnrolment.getByText('13 af 16').waitFor();
    expect(await onEnrolment.innerText()).toBe('13 af 16');
    await page.screenshot({ path: `${SHOTS}/enrolment-13-of-16.png` });

    await page.goto(`${page.url().split('#')[0]}#/citizens/${citizen.id}/show`);
    const onCitizen = page.getByTestId('timeline-enrolment').getByTestId('enrolment-progress');
    await onCitizen.getByText('13 af 16').waitFor();
    expect(await onCitizen.innerText()).toBe('13 af 16');
    expect(await page.getByTestId('timeline-enrolment').innerText()).toContain('13 af 16 samtaler og møder deltaget i');
    await page.screenshot({ path: `${SHOTS}/citizen-13-of-16.png` });

    expect(pageErrors).toEqual([]);
  }, 120_000);
});
