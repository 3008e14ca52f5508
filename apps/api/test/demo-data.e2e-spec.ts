import type { CoordinatorDashboard, Group, GroupMeeting, Training, Volunteer } from '@outcomes/contracts';
import { danishDate, danishToday } from '@outcomes/domain';
import { DEMO_IDS } from '@outcomes/seeds';
import { call, closeDb, listPath } from './support/http';

afterAll(closeDb);

const coordinator = { aarhus: 'coordinator@aarhus.demo', odense: 'coordinator@odense.demo' } as const;
const ids = DEMO_IDS.volunteers.odense;
const groups = DEMO_IDS.groups.odense;

describe('the demo holds a coordinator’s day of work', () => {
  it('flags the renewals due within 60 days (not the lapsed, current or paused ones) and the group with only a lapsed facilitator', async () => {
    const sut = await call<CoordinatorDashboard>('GET', '/api/coordinator-dashboard', undefined, { as: coordinator.odense });
    expect(sut.status).toBe(200);
    const due = sut.body.expiringTrainings.map((t) => t.volunteerId).filter((id) => Object.values(ids).includes(id as never));
    expect(due.sort()).toEqual([ids.dueSoon, ids.dueLater].sort());
    expect(sut.body.groups.find((g) => g.groupId === groups.smartTuesday)?.flags).toEqual([]);
    expect(sut.body.groups.find((g) => g.groupId === groups.smartThursday)?.flags).toEqual(['single-facilitator', 'no-trained-facilitator']);
    const hours = sut.body.minutesByOrganisationMonth.filter((m) => m.organisationId === DEMO_IDS.organisations.odense || m.organisationId === DEMO_IDS.organisations.shared);
    expect(hours.length).toBeGreaterThan(0);
  });

  it('shows the volunteers by name (decrypted as the API encrypts), with their trainings', async () => {
    const anne = await call<Volunteer>('GET', `/api/volunteers/${ids.dueSoon}`, undefined, { as: coordinator.odense });
    expect(anne.body).toMatchObject({ firstName: 'Anne', lastName: 'Holm', status: 'active', organisationId: DEMO_IDS.organisations.odense, trained: true });
    const lapsed = await call<Volunteer>('GET', `/api/volunteers/${ids.lapsed}`, undefined, { as: coordinator.odense });
    expect(lapsed.body).toMatchObject({ firstName: 'Camilla', trained: false });
    const trainings = await call<Training[]>('GET', listPath('trainings', { filter: { volunteerId: ids.trained } }), undefined, { as: coordinator.odense });
    expect(trainings.body.map((t) => t.kind).sort()).toEqual(['other', 'smart-facilitator']);
    // Aarhus sees its own, not Odense's.
    expect((await call('GET', `/api/volunteers/${ids.dueSoon}`, undefined, { as: coordinator.aarhus })).status).toBe(404);
  });

  it('has SMART groups with logged weekly meetings, the latest Tuesday left to log, and an HCS course of 16 meetings', async () => {
    const tuesday = await call<GroupMeeting[]>('GET', listPath('group-meetings', { filter: { groupId: groups.smartTuesday }, range: [0, 99] }), undefined, { as: coordinator.odense });
    expect(tuesday.body).toHaveLength(8);
    expect(tuesday.body.map((m) => m.anonymousHeadcount)).toEqual([5, 6, 7, 4, 9, 6, 8, 5]);
    const lastLogged = new Date(tuesday.body[7]?.startsAt ?? '');
    const daysAgo = (Date.now() - lastLogged.getTime()) / 86_400_000;
    expect(daysAgo).toBeGreaterThan(7);
    expect(daysAgo).toBeLessThan(15);
    const course = await call<Group>('GET', `/api/groups/${groups.hcsCourse}`, undefined, { as: 'staff@odense.demo' });
    expect(course.body).toMatchObject({ kind: 'course', programmeId: DEMO_IDS.programmes.hcs });
    const meetings = await call<GroupMeeting[]>('GET', listPath('group-meetings', { filter: { groupId: groups.hcsCourse }, range: [0, 99] }), undefined, { as: 'staff@odense.demo' });
    expect(meetings.body.map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    // Started on the Wednesday five weeks back: five meetings lie on days before today.
    expect(meetings.body.filter((m) => danishDate(new Date(m.startsAt)) < danishToday())).toHaveLength(5);
  });
});
