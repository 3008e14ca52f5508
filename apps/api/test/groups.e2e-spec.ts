import type { ApiErrorBody, Group, GroupMeeting } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { activeEnrolment, createCourse, mondayWeeksAgo, staff } from './support/fixtures';
import { call, closeDb, db, listPath } from './support/http';
import { today as todayInDenmark } from './support/dates';
import { closeRows, rows } from './support/rows';

afterAll(closeDb);
afterAll(closeRows);

const HCS = DEMO_IDS.programmes.hcs;
const meetingsOf = async (groupId: string): Promise<GroupMeeting[]> =>
  (await call<GroupMeeting[]>('GET', listPath('group-meetings', { filter: { groupId }, sort: ['startsAt', 'ASC'], range: [0, 49] }), undefined, { as: staff.aarhus })).body;

/**
 * A course made through the API (its 16 meetings come from the protocol) with `n` active HCS
 * enrolments as members, written as rows (support/rows.ts): these tests are about attendance, and
 * adding a member through the API is tested in tenant-tables, timeline and attendance-agrees, its
 * refusals below. Three requests instead of 4n + 3.
 */
async function courseWithMembers(n: number): Promise<{ group: Group; meetings: GroupMeeting[]; members: string[] }> {
  const group = await createCourse('aarhus', 4);
  const make = await rows();
  const enrolments = [];
  for (let i = 0; i < n; i++) enrolments.push(await make.enrolment('aarhus', { programme: 'hcs' }));
  await make.members(group.id, enrolments);
  return { group: (await call<Group>('GET', `/api/groups/${group.id}`, undefined, { as: staff.aarhus })).body, meetings: await meetingsOf(group.id), members: enrolments.map((e) => e.id) };
}

const save = (meetingId: string, attendance: { enrolmentId: string; status: string }[]) =>
  call<GroupMeeting & ApiErrorBody>('PUT', `/api/group-meetings/${meetingId}/attendance`, { attendance }, { as: staff.aarhus });

describe('HCS courses', () => {
  it('generates the protocol’s 16 weekly meetings at the local time of day', async () => {
    const group = await createCourse('aarhus', 2);
    const meetings = await meetingsOf(group.id);
    expect(meetings.map((m) => m.number)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(meetings.every((m) => m.durationMinutes === 150 && m.status === 'planned')).toBe(true);
    const first = new Date(meetings[0]?.startsAt as string);
    const copenhagen = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit', weekday: 'long' });
    expect(copenhagen.format(first)).toBe('mandag 17.00');
    expect(first.toISOString().slice(0, 10)).toBe(mondayWeeksAgo(2));
  });

  it('saves the attendance of a 12-person meeting at once, idempotently, and marks the meeting held', async () => {
    const { meetings, members } = await courseWithMembers(12);
    const meeting = meetings[0] as GroupMeeting;
    const attendance = members.map((enrolmentId, i) => ({ enrolmentId, status: i % 5 === 0 ? 'absent' : i % 7 === 0 ? 'excused' : 'present' }));
    const first = await save(meeting.id, attendance);
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('held');
    expect(first.body.attendance).toHaveLength(12);
    const again = await save(meeting.id, attendance);
    expect(again.status).toBe(200);
    expect(again.body.attendance).toEqual(first.body.attendance);
    const rows = await db().query('SELECT count(*)::int AS n FROM group_attendance WHERE meeting_id = $1', [meeting.id]);
    expect(rows.rows[0]).toEqual({ n: 12 });
  });

  it('writes nothing when one person of twelve is not in the course', async () => {
    const { meetings, members } = await courseWithMembers(11);
    const outsider = await activeEnrolment('aarhus', HCS);
    const meeting = meetings[1] as GroupMeeting;
    const sut = await save(meeting.id, [...members, outsider.id].map((enrolmentId) => ({ enrolmentId, status: 'present' })));
    expect(sut.status).toBe(400);
    expect(sut.body.errors).toEqual({ 'attendance.11.enrolmentId': 'is not in the course' });
    const rows = await db().query('SELECT count(*)::int AS n FROM group_attendance WHERE meeting_id = $1', [meeting.id]);
    expect(rows.rows[0]).toEqual({ n: 0 });
  });

  it('refuses attendance for a meeting yet to come or cancelled, and a meeting moved outside the course', async () => {
    const { meetings, members } = await courseWithMembers(1);
    const future = meetings[15] as GroupMeeting;
    expect((await save(future.id, [{ enrolmentId: members[0] as string, status: 'present' }])).status).toBe(400);

    const second = meetings[1] as GroupMeeting;
    const cancelled = await call<GroupMeeting>('PUT', `/api/group-meetings/${second.id}`, { startsAt: second.startsAt, durationMinutes: 150, status: 'cancelled', version: second.version }, { as: staff.aarhus });
    expect(cancelled.status).toBe(200);
    expect((await save(second.id, [{ enrolmentId: members[0] as string, status: 'present' }])).status).toBe(422);

    const third = meetings[2] as GroupMeeting;
    const outside = await call<ApiErrorBody>('PUT', `/api/group-meetings/${third.id}`, { startsAt: '2031-01-01T16:00:00.000Z', durationMinutes: 150, status: 'planned', version: third.version }, { as: staff.aarhus });
    expect(outside.status).toBe(400);
    expect(outside.body.errors).toHaveProperty('startsAt');
  });

  it('refuses a non-group programme, an enrolment of another programme, and shows nothing to another municipality', async () => {
    const notGroup = await call<ApiErrorBody>('POST', '/api/groups', { programmeId: DEMO_IDS.programmes.move, centreId: DEMO_IDS.centres.aarhusCentrum, name: 'X', startDate: mondayWeeksAgo(0), startTime: '17:00' }, { as: staff.aarhus });
    expect(notGroup.status).toBe(400);
    expect(notGroup.body.errors).toHaveProperty('programmeId');
    const group = await createCourse('aarhus');
    const icm = await activeEnrolment('aarhus');
    const wrong = await call<ApiErrorBody>('POST', `/api/groups/${group.id}/members`, { enrolmentId: icm.id }, { as: staff.aarhus });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toHaveProperty('enrolmentId');
    expect((await call('GET', `/api/groups/${group.id}`, undefined, { as: staff.odense })).status).toBe(404);
  });
});

describe('SMART Recovery standing groups', () => {
  const coordinator = 'coordinator@aarhus.demo';

  it('are created by a coordinator, and a held meeting is logged with its anonymous headcount and registered citizens', async () => {
    const group = await call<Group>('POST', '/api/groups', { programmeId: DEMO_IDS.programmes.smart, centreId: DEMO_IDS.centres.aarhusVest, name: 'SMART onsdag', startTime: '19:00', weekday: 3, place: 'Frivillighuset' }, { as: coordinator });
    expect(group.status).toBe(201);
    expect(group.body).toMatchObject({ kind: 'standing', weekday: 3, startDate: null });
    expect(await meetingsOf(group.body.id)).toEqual([]);

    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const meeting = await call<GroupMeeting & ApiErrorBody>('POST', '/api/group-meetings', { groupId: group.body.id, startsAt: yesterday, durationMinutes: 90, anonymousHeadcount: 7, untrainedReason: 'Facilitator syg; mødet holdt af koordinatoren' }, { as: coordinator });
    expect(meeting.status).toBe(201);
    expect(meeting.body).toMatchObject({ status: 'held', anonymousHeadcount: 7, durationMinutes: 90, number: null });

    const citizen = await call<{ id: string }>('POST', '/api/citizens', { firstName: 'Smart', lastName: 'Deltager' }, { as: staff.aarhus });
    const today = todayInDenmark();
    const enrolment = await call<{ id: string }>('POST', '/api/enrolments', { citizenId: citizen.body.id, programmeId: DEMO_IDS.programmes.smart, centreId: DEMO_IDS.centres.aarhusVest, referralDate: today, attestations: ['finished-treatment', 'drug-free-or-stable-substitution'], eligibilityOverride: 'Anonym borger uden CPR; alder bekræftet mundtligt' }, { as: staff.aarhus });
    expect(enrolment.status).toBe(201);
    const present = await call<GroupMeeting>('PUT', `/api/group-meetings/${meeting.body.id}/attendance`, { attendance: [{ enrolmentId: enrolment.body.id, status: 'present' }] }, { as: coordinator });
    expect(present.status).toBe(200);
    expect(present.body.attendance).toEqual([{ enrolmentId: enrolment.body.id, status: 'present' }]);
  });

  it.each([
    ['a meeting in the future', { startsAt: new Date(Date.now() + 86_400_000).toISOString() }, 'startsAt'],
    ['a negative headcount', { anonymousHeadcount: -1 }, 'anonymousHeadcount'],
    ['over 12 hours', { durationMinutes: 800 }, 'durationMinutes'],
  ])('refuse %s, naming the field', async (_label, extra, field) => {
    const group = await call<Group>('POST', '/api/groups', { programmeId: DEMO_IDS.programmes.smart, centreId: DEMO_IDS.centres.aarhusVest, name: 'SMART', startTime: '19:00', weekday: 1 }, { as: coordinator });
    const sut = await call<ApiErrorBody>('POST', '/api/group-meetings', { groupId: group.body.id, startsAt: new Date(Date.now() - 3600_000).toISOString(), durationMinutes: 90, anonymousHeadcount: 3, untrainedReason: 'Ingen uddannet frivillig denne uge', ...extra }, { as: coordinator });
    expect(sut.status).toBe(400);
    expect(sut.body.errors).toHaveProperty(field);
    expect(await meetingsOf(group.body.id)).toEqual([]);
  });

  it('refuse a logged meeting on a course, whose meetings come from the protocol', async () => {
    const course = await createCourse('aarhus');
    const sut = await call<ApiErrorBody>('POST', '/api/group-meetings', { groupId: course.id, startsAt: new Date(Date.now() - 3600_000).toISOString(), durationMinutes: 90, anonymousHeadcount: 0 }, { as: staff.aarhus });
    expect(sut.status).toBe(422);
    expect(sut.body.errors).toHaveProperty('groupId');
  });
});

describe('the weekly calendar of a centre', () => {
  const list = (filter: Record<string, unknown>, as: string = staff.aarhus) =>
    call<GroupMeeting[] & ApiErrorBody>('GET', listPath('group-meetings', { filter, sort: ['startsAt', 'ASC'], range: [0, 99] }), undefined, { as });

  it('lists the meetings of one centre’s groups within a week, and none of another municipality', async () => {
    const course = await createCourse('aarhus', 1);
    const smart = await call<Group>('POST', '/api/groups', { programmeId: DEMO_IDS.programmes.smart, centreId: DEMO_IDS.centres.aarhusVest, name: 'SMART kalender', startTime: '19:00', weekday: 1 }, { as: 'coordinator@aarhus.demo' });
    const held = await call<GroupMeeting>('POST', '/api/group-meetings', { groupId: smart.body.id, startsAt: new Date(Date.now() - 3600_000).toISOString(), durationMinutes: 90, anonymousHeadcount: 4, untrainedReason: 'Ingen frivillig endnu; holdt af koordinatoren' }, { as: 'coordinator@aarhus.demo' });
    expect(held.status).toBe(201);
    const week = { startsAt_gte: `${mondayWeeksAgo(1)}T00:00:00+01:00`, startsAt_lte: `${mondayWeeksAgo(0)}T00:00:00+01:00` };

    const centrum = await list({ centreId: DEMO_IDS.centres.aarhusCentrum, ...week });
    expect(centrum.status).toBe(200);
    const ofCourse = centrum.body.filter((m) => m.groupId === course.id);
    expect(ofCourse.map((m) => m.number)).toEqual([1]);
    expect(centrum.body.some((m) => m.groupId === smart.body.id)).toBe(false);

    const vest = await list({ centreId: DEMO_IDS.centres.aarhusVest, startsAt_gte: new Date(Date.now() - 86_400_000).toISOString() });
    expect(vest.body.map((m) => m.id)).toContain(held.body.id);
    expect(vest.body.some((m) => m.groupId === course.id)).toBe(false);

    expect((await list({ centreId: DEMO_IDS.centres.aarhusCentrum, ...week }, staff.odense)).body).toEqual([]);
  });

  it('refuses a centreId that is not a UUID, naming the filter', async () => {
    const sut = await list({ centreId: 'Aarhus' });
    expect(sut.status).toBe(400);
    expect(sut.body.errors).toEqual({ filter: 'centreId must be a UUID' });
  });
});
