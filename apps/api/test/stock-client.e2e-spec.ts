import { randomUUID } from 'node:crypto';
import { DEMO_IDS } from '@outcomes/seeds';
import { fetchUtils, HttpError } from 'ra-core';
import type { DataProvider, RaRecord } from 'ra-core';
import simpleRestProvider from 'ra-data-simple-rest';
import { ownProgramme, project, startExport, EVALUATOR } from './support/exports';
import { activeEnrolment, admins, ASI_INTAKE_ITEMS, createCentre, createCitizen, createCourse, createUser, daysFromToday, sixteenYearOldCpr, staff } from './support/fixtures';
import { today } from './support/dates';
import { baseUrl, call, closeDb, tokenFor } from './support/http';

/**
 * react-admin's own data provider, ra-data-simple-rest 5.15.3 as published (not a copy, not a
 * wrapper around its requests), driving every resource the API serves as a simple-rest list, with
 * react-admin's own fetchJson. The only thing added is how a script signs in: a Bearer token, which
 * fetchJson sends from `user.token` (the web app sends the session cookie instead).
 */

const AARHUS = DEMO_IDS.municipalities.aarhus;
const COORDINATOR = 'coordinator@aarhus.demo';
const hoursAgo = (h: number): string => new Date(Date.now() - h * 3600_000).toISOString();

function providerAs(email: string): DataProvider {
  const httpClient: typeof fetchUtils.fetchJson = async (url, options = {}) =>
    fetchUtils.fetchJson(url, { ...options, user: { authenticated: true, token: `Bearer ${await tokenFor(email)}` } });
  return simpleRestProvider(`${baseUrl()}/api`, httpClient);
}

/** react-admin's own defaults: a list without a sort asks for id DESC (useListParams), 25 a page here. */
const DEFAULT_LIST = { sort: { field: 'id', order: 'DESC' as const }, pagination: { page: 1, perPage: 25 }, filter: {} };

/** A record but for what every save changes: its version and time of change. */
function withoutChangeMarks(record: RaRecord): Record<string, unknown> {
  const { version: _version, updatedAt: _updatedAt, ...rest } = record;
  return rest;
}

async function refusal(promise: Promise<unknown>): Promise<HttpError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('expected the API to refuse');
}

function created<T>(res: { status: number; body: unknown }, what: string): T {
  if (res.status !== 201) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

interface Fixture {
  id: string | number;
  /** getManyReference: the field the web filters this resource by, and the value. */
  reference?: { target: string; id: string };
}

interface ResourceCase {
  resource: string;
  as: string;
  make: () => Promise<Fixture>;
  /** Served as a single record at GET /:id (getOne). */
  one: boolean;
  /** getMany (a filter on id): lists of stored records. */
  many: boolean;
  /** The list is ordered by the sort asked for (computed lists keep their own order). */
  ordered: boolean;
  /** PUT /:id: an editable field and a new value for it; absent where the resource has no update. */
  edit?: (record: RaRecord) => Record<string, unknown>;
}

const fixtures = {
  enrolment: undefined as Awaited<ReturnType<typeof activeEnrolment>> | undefined,
  async activeEnrolment() {
    fixtures.enrolment ??= await activeEnrolment('aarhus');
    return fixtures.enrolment;
  },
  organisation: undefined as string | undefined,
  async organisationId() {
    fixtures.organisation ??= created<{ id: string }>(await call('POST', '/api/organisations', { name: `Stock-client forening ${randomUUID().slice(0, 6)}`, municipalityIds: [AARHUS] }, { as: COORDINATOR }), 'organisation').id;
    return fixtures.organisation;
  },
  volunteer: undefined as string | undefined,
  async volunteerId() {
    const organisationId = await fixtures.organisationId();
    fixtures.volunteer ??= created<{ id: string }>(await call('POST', '/api/volunteers', { organisationId, firstName: 'Frida', lastName: 'Frivillig', criminalRecordCheckedOn: '2026-01-15' }, { as: COORDINATOR }), 'volunteer').id;
    return fixtures.volunteer;
  },
  exportProject: undefined as string | undefined,
  async exportProjectId() {
    fixtures.exportProject ??= created<{ id: string }>(await project([await ownProgramme()]), 'export project').id;
    return fixtures.exportProject;
  },
};

const CASES: ResourceCase[] = [
  {
    resource: 'municipalities', as: admins.aarhus, one: true, many: true, ordered: true,
    make: async () => ({ id: AARHUS }),
    edit: (r) => ({ hourlyRate: r['hourlyRate'] === 451.5 ? 452 : 451.5 }),
  },
  {
    resource: 'centres', as: admins.aarhus, one: true, many: true, ordered: true,
    make: async () => ({ id: (await createCentre('aarhus', AARHUS)).id, reference: { target: 'municipalityId', id: AARHUS } }),
    edit: () => ({ address: `Testvej ${Math.floor(Math.random() * 100)}` }),
  },
  {
    resource: 'programmes', as: admins.aarhus, one: true, many: true, ordered: true,
    make: async () => ({ id: await ownProgramme(), reference: { target: 'municipalityId', id: AARHUS } }),
    edit: (r) => ({ name: `${String(r['name'])} (rettet)` }),
  },
  {
    resource: 'users', as: admins.aarhus, one: true, many: true, ordered: true,
    make: async () => ({ id: (await createUser('aarhus', 'staff')).id }),
    edit: () => ({ displayName: `Rettet ${randomUUID().slice(0, 4)}` }),
  },
  {
    resource: 'evaluator-grants', as: admins.aarhus, one: true, many: true, ordered: true,
    make: async () => {
      const evaluator = await createUser('odense', 'evaluator');
      const grant = created<{ id: string }>(await call('POST', '/api/evaluator-grants', { evaluatorEmail: evaluator.email, purpose: 'Effektevaluering på tværs af kommuner', validFrom: daysFromToday(-1), validUntil: daysFromToday(30) }, { as: admins.aarhus }), 'grant');
      return { id: grant.id, reference: { target: 'evaluatorUserId', id: evaluator.id } };
    },
  },
  {
    resource: 'access-log', as: admins.aarhus, one: false, many: true, ordered: true,
    make: async () => {
      const rows = await call<{ id: number }[]>('GET', '/api/access-log?range=[0,0]', undefined, { as: admins.aarhus });
      return { id: (rows.body[0] as { id: number }).id, reference: { target: 'userId', id: DEMO_IDS.users.aarhus.admin } };
    },
  },
  {
    resource: 'citizens', as: staff.aarhus, one: true, many: true, ordered: true,
    make: async () => ({ id: (await createCitizen('aarhus')).id }),
    edit: () => ({ address: `Borgervej ${Math.floor(Math.random() * 100)}, 8000 Aarhus C` }),
  },
  {
    resource: 'enrolments', as: staff.aarhus, one: true, many: true, ordered: true,
    make: async () => {
      const e = await fixtures.activeEnrolment();
      return { id: e.id, reference: { target: 'citizenId', id: e.citizenId } };
    },
    edit: (r) => ({ referralSource: r['referralSource'] === 'Egen læge' ? 'Jobcenter' : 'Egen læge' }),
  },
  {
    resource: 'sessions', as: staff.aarhus, one: true, many: true, ordered: true,
    make: async () => {
      const e = await fixtures.activeEnrolment();
      // Each test makes its own session on the shared enrolment, the same day: a second one that day is confirmed, as a user would.
      const s = created<{ id: string }>(await call('POST', '/api/sessions', { enrolmentId: e.id, startsAt: hoursAgo(3), durationMinutes: 45, kind: 'case-management-meeting', attendance: 'attended', confirmDuplicate: true }, { as: staff.aarhus }), 'session');
      return { id: s.id, reference: { target: 'enrolmentId', id: e.id } };
    },
    edit: (r) => ({ durationMinutes: r['durationMinutes'] === 50 ? 55 : 50 }),
  },
  {
    resource: 'groups', as: staff.aarhus, one: true, many: true, ordered: true,
    make: async () => ({ id: (await createCourse('aarhus')).id, reference: { target: 'centreId', id: DEMO_IDS.centres.aarhusCentrum } }),
    edit: (r) => ({ name: `${String(r['name'])} (rettet)` }),
  },
  {
    resource: 'group-meetings', as: staff.aarhus, one: true, many: true, ordered: true,
    make: async () => {
      const course = await createCourse('aarhus');
      const meetings = await call<{ id: string }[]>('GET', `/api/group-meetings?filter=${encodeURIComponent(JSON.stringify({ groupId: course.id }))}`, undefined, { as: staff.aarhus });
      return { id: (meetings.body[0] as { id: string }).id, reference: { target: 'groupId', id: course.id } };
    },
    edit: (r) => ({ durationMinutes: r['durationMinutes'] === 100 ? 105 : 100 }),
  },
  {
    resource: 'outreach-contacts', as: staff.aarhus, one: true, many: true, ordered: true,
    make: async () => {
      const citizen = await createCitizen('aarhus');
      const c = created<{ id: string }>(await call('POST', '/api/outreach-contacts', { contactAt: hoursAgo(2), placeType: 'street', durationMinutes: 15, contactType: 'follow-up', citizenId: citizen.id }, { as: staff.aarhus }), 'outreach contact');
      return { id: c.id, reference: { target: 'citizenId', id: citizen.id } };
    },
    edit: (r) => ({ durationMinutes: r['durationMinutes'] === 20 ? 25 : 20 }),
  },
  {
    resource: 'assessments', as: staff.aarhus, one: true, many: true, ordered: true,
    make: async () => {
      const e = await activeEnrolment('aarhus');
      const a = created<{ id: string }>(await call('POST', '/api/assessments', { enrolmentId: e.id, timepoint: 'intake', date: today(), items: ASI_INTAKE_ITEMS }, { as: staff.aarhus }), 'assessment');
      return { id: a.id, reference: { target: 'enrolmentId', id: e.id } };
    },
    edit: (r) => ({ items: { ...(r['items'] as Record<string, unknown>), M6: (r['items'] as Record<string, unknown>)['M6'] === 8 ? 9 : 8 } }),
  },
  {
    resource: 'case-requests', as: staff.aarhus, one: true, many: true, ordered: true,
    make: async () => {
      const citizen = await createCitizen('aarhus');
      const r = created<{ id: string }>(await call('POST', '/api/case-requests', { citizenId: citizen.id, requestedOn: daysFromToday(-2), channel: 'phone' }, { as: staff.aarhus }), 'case request');
      return { id: r.id, reference: { target: 'citizenId', id: citizen.id } };
    },
    edit: (r) => ({ doctorConversationOn: r['doctorConversationOn'] === daysFromToday(-1) ? daysFromToday(0) : daysFromToday(-1) }),
  },
  {
    resource: 'youth-consents', as: staff.aarhus, one: true, many: true, ordered: true,
    make: async () => {
      const citizen = await createCitizen('aarhus', { cpr: sixteenYearOldCpr });
      const e = created<{ id: string }>(await call('POST', '/api/enrolments', { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.move, centreId: DEMO_IDS.centres.aarhusCentrum, referralDate: daysFromToday(-1) }, { as: staff.aarhus }), 'enrolment');
      const c = created<{ id: string }>(await call('POST', '/api/youth-consents', { enrolmentId: e.id, kind: 'custodial-parent', givenBy: 'Stock Forælder', givenOn: today() }, { as: staff.aarhus }), 'youth consent');
      return { id: c.id, reference: { target: 'enrolmentId', id: e.id } };
    },
  },
  {
    resource: 'worklist', as: staff.aarhus, one: false, many: false, ordered: false,
    make: async () => {
      const e = await fixtures.activeEnrolment();
      return { id: `${e.id}:intake`, reference: { target: 'staffUserId', id: DEMO_IDS.users.aarhus.staff } };
    },
  },
  {
    resource: 'organisations', as: COORDINATOR, one: true, many: true, ordered: true,
    make: async () => ({ id: await fixtures.organisationId() }),
    edit: (r) => ({ name: `${String(r['name'])} (rettet)` }),
  },
  {
    resource: 'volunteers', as: COORDINATOR, one: true, many: true, ordered: true,
    make: async () => ({ id: await fixtures.volunteerId(), reference: { target: 'organisationId', id: await fixtures.organisationId() } }),
    edit: (r) => ({ phone: r['phone'] === '+45 11 22 33 44' ? '+45 55 66 77 88' : '+45 11 22 33 44' }),
  },
  {
    resource: 'trainings', as: COORDINATOR, one: true, many: true, ordered: true,
    make: async () => {
      const volunteerId = await fixtures.volunteerId();
      const t = created<{ id: string }>(await call('POST', '/api/trainings', { volunteerId, kind: 'smart-facilitator', title: 'SMART Recovery facilitatoruddannelse', completedOn: '2026-02-01', renewsOn: '2027-02-01' }, { as: COORDINATOR }), 'training');
      return { id: t.id, reference: { target: 'volunteerId', id: volunteerId } };
    },
    edit: (r) => ({ title: `${String(r['title'])} (rettet)` }),
  },
  {
    resource: 'export-projects', as: EVALUATOR, one: true, many: true, ordered: true,
    make: async () => ({ id: await fixtures.exportProjectId() }),
    edit: (r) => ({ purpose: `${String(r['purpose'])} (rettet)` }),
  },
  {
    resource: 'export-jobs', as: EVALUATOR, one: true, many: true, ordered: true,
    make: async () => {
      const projectId = await fixtures.exportProjectId();
      const job = await startExport(projectId, 'codebook');
      return { id: created<{ id: string }>(job, 'export job').id, reference: { target: 'projectId', id: projectId } };
    },
  },
];

afterAll(closeDb);

describe('the stock ra-data-simple-rest provider drives every simple-rest resource', () => {
  it.each(CASES.map((c) => [c.resource, c] as const))('%s: getList with react-admin’s default sort, getOne, getMany, getManyReference', async (_name, c) => {
    const sut = providerAs(c.as);
    const fixture = await c.make();

    const list = await sut.getList(c.resource, DEFAULT_LIST);
    expect(list.total).toBeGreaterThan(0);
    expect(list.data.length).toBeGreaterThan(0);
    if (c.ordered) {
      const ids = list.data.map((r) => r.id);
      // UUIDs order as their text; the access log's id (its sequence number, as text) as a number.
      const descending = [...ids].sort((a, b) => (/^\d+$/.test(String(a)) ? Number(b) - Number(a) : String(b) < String(a) ? -1 : String(b) > String(a) ? 1 : 0));
      expect(ids).toEqual(descending);
    }

    if (c.one) expect((await sut.getOne(c.resource, { id: fixture.id })).data.id).toBe(fixture.id);
    if (c.many) expect((await sut.getMany(c.resource, { ids: [fixture.id] })).data.map((r) => r.id)).toEqual([fixture.id]);
    if (fixture.reference) {
      const refs = await sut.getManyReference(c.resource, { target: fixture.reference.target, id: fixture.reference.id, ...DEFAULT_LIST, pagination: { page: 1, perPage: 500 } });
      expect(refs.total).toBeGreaterThan(0);
      expect(refs.data.map((r) => r.id)).toContain(fixture.id);
    }
  });

  it('a citizen’s access history, a list under the citizen, takes the default sort too', async () => {
    const citizen = await createCitizen('aarhus');
    const sut = await providerAs(staff.aarhus).getList(`citizens/${citizen.id}/access-history`, DEFAULT_LIST);
    expect(sut.total).toBeGreaterThan(0);
  });
});

describe('update takes the record as it was served', () => {
  const updatable = CASES.filter((c): c is ResourceCase & { edit: NonNullable<ResourceCase['edit']> } => c.edit !== undefined);

  it.each(updatable.map((c) => [c.resource, c] as const))('%s: as served, changed, a read-only field changed (400), a stale version (409)', async (_name, c) => {
    const sut = providerAs(c.as);
    const { id } = await c.make();
    const served = (await sut.getOne(c.resource, { id })).data;

    // Exactly as served: nothing changes but the version.
    const same = (await sut.update(c.resource, { id, data: served, previousData: served })).data;
    expect(same.id).toBe(id);
    expect(same['version']).toBe((served['version'] as number) + 1);
    expect(withoutChangeMarks(same)).toEqual(withoutChangeMarks(served));

    // As served, one field edited: saved.
    const change = c.edit(same);
    const edited = (await sut.update(c.resource, { id, data: { ...same, ...change }, previousData: same })).data;
    expect(edited).toMatchObject(change);
    expect(edited['version']).toBe((served['version'] as number) + 2);

    // A read-only field changed: 400 naming it, nothing written.
    const readOnly = await refusal(sut.update(c.resource, { id, data: { ...edited, createdAt: '2001-01-01T00:00:00.000Z' }, previousData: edited }));
    expect(readOnly.status).toBe(400);
    expect((readOnly.body as { errors?: Record<string, string> }).errors).toEqual({ createdAt: 'is read-only: it cannot be changed here' });
    const afterRefusal = (await sut.getOne(c.resource, { id })).data;
    expect(afterRefusal['version']).toBe(edited['version']);

    // The copy from before the edit: its version is stale, whatever its read-only fields say.
    const stale = await refusal(sut.update(c.resource, { id, data: { ...same, ...c.edit(edited) }, previousData: same }));
    expect(stale.status).toBe(409);
    expect((await sut.getOne(c.resource, { id })).data).toEqual(afterRefusal);
  });

  it('a changed id, a computed field and an unknown field are each named; nothing is written', async () => {
    const sut = providerAs(staff.aarhus);
    const e = await activeEnrolment('aarhus');
    const served = (await sut.getOne('enrolments', { id: e.id })).data;
    expect(served['state']).toBe('active');

    const computed = await refusal(sut.update('enrolments', { id: e.id, data: { ...served, state: 'completed' }, previousData: served }));
    expect(computed.status).toBe(400);
    expect((computed.body as { errors?: Record<string, string> }).errors).toEqual({ state: 'is read-only: it cannot be changed here' });

    const otherId = await refusal(sut.update('enrolments', { id: e.id, data: { ...served, id: randomUUID() }, previousData: served }));
    expect(otherId.status).toBe(400);
    expect((otherId.body as { errors?: Record<string, string> }).errors).toEqual({ id: 'is read-only: it cannot be changed here' });

    const unknown = await refusal(sut.update('enrolments', { id: e.id, data: { ...served, colour: 'blue' }, previousData: served }));
    expect(unknown.status).toBe(400);
    expect((unknown.body as { errors?: Record<string, string> }).errors).toEqual({ colour: 'property colour should not exist' });

    expect((await sut.getOne('enrolments', { id: e.id })).data).toEqual(served);
  });

  it('a record the user cannot see is answered as one that does not exist, and nothing is written', async () => {
    const odenseCitizen = await createCitizen('odense');
    const served = (await providerAs(staff.odense).getOne('citizens', { id: odenseCitizen.id })).data;
    const sut = providerAs(staff.aarhus);
    const hidden = await refusal(sut.update('citizens', { id: odenseCitizen.id, data: served, previousData: served }));
    const missingId = randomUUID();
    const missing = await refusal(sut.update('citizens', { id: missingId, data: { ...served, id: missingId }, previousData: served }));
    expect(hidden.status).toBe(missing.status);
    expect(hidden.body).toEqual(missing.body);
    // Without the record to compare with, its read-only fields are unknown fields, as they always were.
    expect(hidden.status).toBe(400);
    expect((hidden.body as { errors?: Record<string, string> }).errors).toMatchObject({ id: 'property id should not exist', createdAt: 'property createdAt should not exist' });
    // Only the fields it may send: not found, as before.
    const { cpr, firstName, lastName, version } = served as RaRecord & { cpr: string; firstName: string; lastName: string; version: number };
    expect((await refusal(sut.update('citizens', { id: odenseCitizen.id, data: { cpr, firstName, lastName, version }, previousData: served }))).status).toBe(404);
    expect((await providerAs(staff.odense).getOne('citizens', { id: odenseCitizen.id })).data).toEqual(served);
  });

  it('a citizen search by POST takes the default sort too', async () => {
    const sut = await call<unknown[]>('POST', '/api/citizens/search', { sort: '["id","DESC"]', range: '[0,24]', filter: '{"q":"Borger"}' }, { as: staff.aarhus });
    expect(sut.status).toBe(200);
    expect(sut.body.length).toBeGreaterThan(0);
  });
});
