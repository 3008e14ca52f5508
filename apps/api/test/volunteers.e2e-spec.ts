import type { ApiErrorBody, CoordinatorDashboard, Facilitation, Group, GroupMeeting, Volunteer } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { call, closeDb, db } from './support/http';
import { today, daysFromToday as daysFromNow } from './support/dates';

afterAll(closeDb);

const coordinator = { aarhus: 'coordinator@aarhus.demo', odense: 'coordinator@odense.demo' } as const;

async function organisation(as: string = coordinator.aarhus, municipalities: string[] = [DEMO_IDS.municipalities.aarhus]): Promise<string> {
  const res = await call<{ id: string }>('POST', '/api/organisations', { name: `Frivilligforening ${Math.random().toString(36).slice(2, 7)}`, municipalityIds: municipalities }, { as });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function volunteer(organisationId: string, extra: Record<string, unknown> = {}, as: string = coordinator.aarhus): Promise<Volunteer> {
  const res = await call<Volunteer>('POST', '/api/volunteers', { organisationId, firstName: 'Frida', lastName: 'Frivillig', phone: '+45 11 22 33 44', criminalRecordCheckedOn: '2026-01-15', ...extra }, { as });
  expect(res.status).toBe(201);
  return res.body;
}

const train = (volunteerId: string, extra: Record<string, unknown> = {}) =>
  call<ApiErrorBody & { id: string }>('POST', '/api/trainings', { volunteerId, kind: 'smart-facilitator', title: 'SMART Recovery facilitatoruddannelse', completedOn: '2026-02-01', renewsOn: '2027-02-01', ...extra }, { as: coordinator.aarhus });

async function smartGroup(): Promise<Group> {
  const res = await call<Group>('POST', '/api/groups', { programmeId: DEMO_IDS.programmes.smart, centreId: DEMO_IDS.centres.aarhusVest, name: `SMART ${Math.random().toString(36).slice(2, 6)}`, startTime: '19:00', weekday: 3 }, { as: coordinator.aarhus });
  return res.body;
}

const assign = (groupId: string, volunteerId: string, role = 'facilitator') =>
  call<Facilitation & ApiErrorBody>('POST', `/api/groups/${groupId}/facilitators`, { volunteerId, role, fromDate: '2026-01-01' }, { as: coordinator.aarhus });

const logMeeting = (groupId: string, startsAt: string, facilitators: { volunteerId: string; minutes: number }[], extra: Record<string, unknown> = {}) =>
  call<GroupMeeting & ApiErrorBody>('POST', '/api/group-meetings', { groupId, startsAt, durationMinutes: 90, anonymousHeadcount: 6, facilitators, ...extra }, { as: coordinator.aarhus });

describe('volunteers and facilitation', () => {
  it('registers a volunteer with encrypted personal data, trained while a SMART training is valid', async () => {
    const v = await volunteer(await organisation());
    expect(v).toMatchObject({ firstName: 'Frida', status: 'active', trained: false });
    const stored = await db().query<{ first_name_encrypted: string }>('SELECT first_name_encrypted FROM volunteer WHERE id = $1', [v.id]);
    expect(stored.rows[0]?.first_name_encrypted).not.toContain('Frida');
    expect((await train(v.id)).status).toBe(201);
    expect((await call<Volunteer>('GET', `/api/volunteers/${v.id}`, undefined, { as: coordinator.aarhus })).body.trained).toBe(true);
  });

  it('refuses a training completed in the future, naming the rule, writing nothing', async () => {
    const v = await volunteer(await organisation());
    const sut = await train(v.id, { completedOn: daysFromNow(10), renewsOn: null });
    expect(sut.status).toBe(400);
    expect(sut.body.errors).toHaveProperty('completedOn');
    expect((await db().query('SELECT count(*)::int AS n FROM training WHERE volunteer_id = $1', [v.id])).rows[0]).toEqual({ n: 0 });
  });

  it('assigns facilitators, logs a meeting with their hours, and refuses a meeting without a trained one unless told why', async () => {
    const org = await organisation();
    const trained = await volunteer(org);
    await train(trained.id);
    const untrained = await volunteer(org, { firstName: 'Ulla' });
    const group = await smartGroup();
    expect((await assign(group.id, trained.id)).status).toBe(201);
    expect((await assign(group.id, untrained.id, 'co-facilitator')).status).toBe(201);

    const refused = await logMeeting(group.id, new Date(Date.now() - 2 * 86_400_000).toISOString(), [{ volunteerId: untrained.id, minutes: 120 }]);
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toHaveProperty('facilitators');
    const explained = await logMeeting(group.id, new Date(Date.now() - 2 * 86_400_000).toISOString(), [{ volunteerId: untrained.id, minutes: 120 }], { untrainedReason: 'Den uddannede facilitator var syg' });
    expect(explained.status).toBe(201);

    const held = await logMeeting(group.id, new Date(Date.now() - 86_400_000).toISOString(), [{ volunteerId: trained.id, minutes: 120 }, { volunteerId: untrained.id, minutes: 100 }]);
    expect(held.status).toBe(201);
    const dashboard = await call<CoordinatorDashboard>('GET', '/api/coordinator-dashboard', undefined, { as: coordinator.aarhus });
    expect(dashboard.body.groups.find((g) => g.groupId === group.id)).toMatchObject({ flags: [], facilitators: expect.arrayContaining([expect.objectContaining({ volunteerId: trained.id, trained: true })]) });
    const month = new Date(Date.now() - 86_400_000).toISOString().slice(0, 7);
    const hours = dashboard.body.minutesByOrganisationMonth.filter((m) => m.organisationId === org);
    expect(hours.reduce((sum, m) => sum + m.minutes, 0)).toBe(120 + 120 + 100);
    expect(hours.map((m) => m.month)).toContain(month);
  });

  it('refuses a volunteer at two meetings at the same time, and one not assigned', async () => {
    const org = await organisation();
    const v = await volunteer(org);
    await train(v.id);
    const a = await smartGroup();
    const b = await smartGroup();
    await assign(a.id, v.id);
    await assign(b.id, v.id);
    const at = new Date(Date.now() - 5 * 3600_000).toISOString();
    expect((await logMeeting(a.id, at, [{ volunteerId: v.id, minutes: 90 }])).status).toBe(201);
    const overlap = await logMeeting(b.id, new Date(Date.parse(at) + 30 * 60_000).toISOString(), [{ volunteerId: v.id, minutes: 90 }]);
    expect(overlap.status).toBe(400);
    expect(overlap.body.errors).toEqual({ 'facilitators.0.volunteerId': 'facilitates another meeting at the same time' });
    const stranger = await volunteer(org);
    const notAssigned = await logMeeting(a.id, new Date(Date.now() - 30 * 3600_000).toISOString(), [{ volunteerId: stranger.id, minutes: 90 }]);
    expect(notAssigned.body.errors).toEqual({ 'facilitators.0.volunteerId': 'is not assigned to this group on that day' });
  });

  it('flags a group with a single facilitator, and a training that expires within 60 days', async () => {
    const org = await organisation();
    const v = await volunteer(org);
    const soon = await train(v.id, { completedOn: '2025-06-01', renewsOn: daysFromNow(20) });
    const group = await smartGroup();
    await assign(group.id, v.id);
    const sut = await call<CoordinatorDashboard>('GET', '/api/coordinator-dashboard', undefined, { as: coordinator.aarhus });
    expect(sut.body.groups.find((g) => g.groupId === group.id)?.flags).toEqual(['single-facilitator']);
    expect(sut.body.expiringTrainings.map((t) => t.id)).toContain(soon.body.id);
  });

  it('refuses assigning a volunteer who left (422) or of another municipality (400); leaving ends assignments', async () => {
    // An organisation working with both: Aarhus registers it, Odense's own coordinator joins it.
    const org = await organisation(coordinator.aarhus);
    expect((await call('POST', `/api/organisations/${org}/join`, undefined, { as: coordinator.odense })).status).toBe(201);
    const v = await volunteer(org);
    const group = await smartGroup();
    expect((await assign(group.id, v.id)).status).toBe(201);
    const left = await call<Volunteer>('PUT', `/api/volunteers/${v.id}`, { organisationId: org, firstName: v.firstName, lastName: v.lastName, status: 'left', version: v.version }, { as: coordinator.aarhus });
    expect(left.status).toBe(200);
    const ended = await call<Facilitation[]>('GET', `/api/groups/${group.id}/facilitators`, undefined, { as: coordinator.aarhus });
    expect(ended.body[0]?.toDate).toBe(today());
    const again = await assign(group.id, v.id);
    expect(again.status).toBe(422);
    expect(again.body.errors).toHaveProperty('volunteerId');
    const odenseVolunteer = await volunteer(org, {}, coordinator.odense);
    const foreign = await assign(group.id, odenseVolunteer.id);
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toHaveProperty('volunteerId');
    expect((await call('GET', `/api/volunteers/${odenseVolunteer.id}`, undefined, { as: coordinator.aarhus })).status).toBe(404);
  });

  it('requires an organisation to include the coordinator’s own municipality', async () => {
    const sut = await call<ApiErrorBody>('POST', '/api/organisations', { name: 'Kun Odense', municipalityIds: [DEMO_IDS.municipalities.odense] }, { as: coordinator.aarhus });
    expect(sut.status).toBe(400);
    expect(sut.body.errors).toHaveProperty('municipalityIds');
  });
});
