import type { GroupMeeting, TimelineEvent } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { activeEnrolment, createCourse, staff } from './support/fixtures';
import { call, closeDb, db, listPath } from './support/http';

afterAll(closeDb);

describe('a citizen’s timeline', () => {
  it('shows enrolment steps, sessions, group meetings and outreach contacts, newest first, to the own municipality only', async () => {
    const enrolment = await activeEnrolment('aarhus', DEMO_IDS.programmes.hcs);
    const course = await createCourse('aarhus', 3);
    await call('POST', `/api/groups/${course.id}/members`, { enrolmentId: enrolment.id }, { as: staff.aarhus });
    const meetings = await call<GroupMeeting[]>('GET', listPath('group-meetings', { filter: { groupId: course.id }, sort: ['startsAt', 'ASC'] }), undefined, { as: staff.aarhus });
    const first = meetings.body[0] as GroupMeeting;
    expect((await call('PUT', `/api/group-meetings/${first.id}/attendance`, { attendance: [{ enrolmentId: enrolment.id, status: 'present' }] }, { as: staff.aarhus })).status).toBe(200);
    const session = await call('POST', '/api/sessions', { enrolmentId: enrolment.id, startsAt: new Date(Date.now() - 7200_000).toISOString(), durationMinutes: 30, kind: 'individual-session', attendance: 'attended' }, { as: staff.aarhus });
    expect(session.status).toBe(201);
    const contact = await call('POST', '/api/outreach-contacts', { citizenId: enrolment.citizenId, contactAt: new Date(Date.now() - 3600_000).toISOString(), placeType: 'drop-in-centre', durationMinutes: 10, contactType: 'follow-up' }, { as: staff.aarhus });
    expect(contact.status).toBe(201);

    const sut = await call<TimelineEvent[]>('GET', `/api/citizens/${enrolment.citizenId}/timeline`, undefined, { as: staff.aarhus });
    expect(sut.status).toBe(200);
    expect(sut.body.map((e) => e.kind)).toEqual(['outreach-contact', 'session', 'enrolment', 'enrolment', 'group-meeting']);
    const times = sut.body.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(sut.body.find((e) => e.kind === 'group-meeting')).toMatchObject({ groupId: course.id, number: 1, attendance: 'present' });
    // Referred and started on one day: the start, recorded after the referral, comes first (newest first).
    const steps = (events: TimelineEvent[]) => events.flatMap((e) => (e.kind === 'enrolment' ? [`${e.from ?? '-'} > ${e.to}`] : []));
    expect(steps(sut.body)).toEqual(['referred > active', '- > referred']);
    // Recorded at one instant too (an import writes its steps in one transaction): still the same order.
    await db().query(`UPDATE enrolment_transition SET at = (SELECT min(at) FROM enrolment_transition WHERE enrolment_id = $1) WHERE enrolment_id = $1`, [enrolment.id]);
    for (let read = 0; read < 3; read++) {
      const again = await call<TimelineEvent[]>('GET', `/api/citizens/${enrolment.citizenId}/timeline`, undefined, { as: staff.aarhus });
      expect(steps(again.body)).toEqual(['referred > active', '- > referred']);
    }

    expect((await call('GET', `/api/citizens/${enrolment.citizenId}/timeline`, undefined, { as: staff.odense })).status).toBe(404);
  });
});
