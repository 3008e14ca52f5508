import type { ApiErrorBody, Group, GroupMeeting, TreatmentSession } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { activeEnrolment, staff } from './support/fixtures';
import { call, closeDb, db } from './support/http';

afterAll(closeDb);

const coordinator = 'coordinator@aarhus.demo';
const REASON = 'Ingen uddannet frivillig var til stede denne aften.';

async function smartGroup(): Promise<Group> {
  const res = await call<Group>('POST', '/api/groups', { programmeId: DEMO_IDS.programmes.smart, centreId: DEMO_IDS.centres.aarhusVest, name: `SMART dublet ${Math.random().toString(36).slice(2, 6)}`, startTime: '17:00', weekday: 2 }, { as: coordinator });
  expect(res.status).toBe(201);
  return res.body;
}

const logMeeting = (groupId: string, startsAt: string, extra: Record<string, unknown> = {}) =>
  call<GroupMeeting & ApiErrorBody>('POST', '/api/group-meetings', { groupId, startsAt, durationMinutes: 90, anonymousHeadcount: 6, untrainedReason: REASON, ...extra }, { as: coordinator });

const meetingsOf = async (groupId: string): Promise<number> =>
  Number((await db().query<{ n: string }>('SELECT count(*) AS n FROM group_meeting WHERE group_id = $1', [groupId])).rows[0]?.n);

const sessionsOf = async (enrolmentId: string): Promise<number> =>
  Number((await db().query<{ n: string }>('SELECT count(*) AS n FROM treatment_session WHERE enrolment_id = $1', [enrolmentId])).rows[0]?.n);

describe('no silent duplicates: a second meeting or session on a day is asked about first', () => {
  it('answers 409 DUPLICATE_DATE to a second SMART meeting on the same Danish day, writing nothing; confirmed, it is logged', async () => {
    const group = await smartGroup();
    expect((await logMeeting(group.id, '2026-11-10T17:00:00+01:00')).status).toBe(201);

    const second = await logMeeting(group.id, '2026-11-10T19:30:00+01:00', { anonymousHeadcount: 4 });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('DUPLICATE_DATE');
    expect(second.body.errors).toHaveProperty('startsAt');
    expect(await meetingsOf(group.id)).toBe(1);

    const confirmed = await logMeeting(group.id, '2026-11-10T19:30:00+01:00', { anonymousHeadcount: 4, confirmDuplicate: true });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body).toMatchObject({ anonymousHeadcount: 4, status: 'held' });
    expect(await meetingsOf(group.id)).toBe(2);
  });

  it('counts days in Danish time: 23:30 and 00:30 the next night are two days; a cancelled meeting is no duplicate', async () => {
    const group = await smartGroup();
    // 2026-11-17 23:30 in Copenhagen is 22:30 UTC; 2026-11-18 00:30 is 23:30 UTC on the 17th, the same UTC day.
    expect((await logMeeting(group.id, '2026-11-17T23:30:00+01:00')).status).toBe(201);
    expect((await logMeeting(group.id, '2026-11-18T00:30:00+01:00')).status).toBe(201);
    // The same Danish day as the first, given in UTC.
    expect((await logMeeting(group.id, '2026-11-17T08:00:00Z')).status).toBe(409);

    const cancelledDay = await logMeeting(group.id, '2026-11-24T17:00:00+01:00');
    const cancel = await call<GroupMeeting>('PUT', `/api/group-meetings/${cancelledDay.body.id}`, { startsAt: cancelledDay.body.startsAt, durationMinutes: 90, status: 'cancelled', anonymousHeadcount: 6, version: cancelledDay.body.version }, { as: coordinator });
    expect(cancel.status).toBe(200);
    expect((await logMeeting(group.id, '2026-11-24T18:00:00+01:00')).status).toBe(201);
    expect(await meetingsOf(group.id)).toBe(4);
  });

  it('refuses confirmDuplicate that is not a boolean, naming the field', async () => {
    const group = await smartGroup();
    const sut = await logMeeting(group.id, '2026-11-03T17:00:00+01:00', { confirmDuplicate: 'ja' });
    expect(sut.status).toBe(400);
    expect(sut.body.errors).toHaveProperty('confirmDuplicate');
    expect(await meetingsOf(group.id)).toBe(0);
  });

  it('answers 409 DUPLICATE_DATE to a second session of an enrolment on the same day, writing nothing; confirmed, it is logged', async () => {
    const enrolment = await activeEnrolment('aarhus');
    const now = Date.now();
    const body = (minutesAgo: number, extra: Record<string, unknown> = {}) => ({
      enrolmentId: enrolment.id, startsAt: new Date(now - minutesAgo * 60_000).toISOString(), durationMinutes: 45, kind: 'case-management-meeting', attendance: 'attended', ...extra,
    });
    const log = (payload: Record<string, unknown>) => call<TreatmentSession & ApiErrorBody>('POST', '/api/sessions', payload, { as: staff.aarhus });
    expect((await log(body(2))).status).toBe(201);

    const second = await log(body(1, { note: 'Anden samtale' }));
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('DUPLICATE_DATE');
    expect(second.body.errors).toHaveProperty('startsAt');
    expect(await sessionsOf(enrolment.id)).toBe(1);

    // A cancelled appointment is no second session: not asked about.
    expect((await log(body(1, { attendance: 'cancelled' }))).status).toBe(201);
    const confirmed = await log(body(1, { note: 'Anden samtale', confirmDuplicate: true }));
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.note).toBe('Anden samtale');
    expect(await sessionsOf(enrolment.id)).toBe(3);

    // Another citizen's session the same day is no duplicate.
    const other = await activeEnrolment('aarhus');
    expect((await log({ ...body(1), enrolmentId: other.id })).status).toBe(201);
  });
});
