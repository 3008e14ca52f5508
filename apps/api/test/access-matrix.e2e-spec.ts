import { randomUUID } from 'node:crypto';
import { ACTIONS, can, RESOURCES, ROLES } from '@outcomes/contracts';
import type { Action, ResourceName, Role } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { activeEnrolment, admins, createCentre, createCourse, mondayWeeksAgo, createCitizen, createUser, freshCpr, otherTown, staff, STRONG_PASSWORD } from './support/fixtures';
import type { Town } from './support/fixtures';
import { call, closeDb, listPath } from './support/http';

/**
 * Generated from the permissions table: every role × resource × action, against a record of the
 * user's own municipality and of the other one. The API runs as the restricted database role, so
 * row-level security is part of what is tested. Prints the matrix.
 */

afterAll(closeDb);

type Scope = 'own' | 'other';
interface Attempt {
  status: number;
  /** For lists: municipalities of the rows answered, to check nothing foreign leaks. */
  municipalities?: string[];
}

const MUNICIPALITY_OF: Record<Town, string> = { aarhus: DEMO_IDS.municipalities.aarhus, odense: DEMO_IDS.municipalities.odense };
/** Resources whose rows belong to a municipality and are only visible/changeable there. */
const TENANT_SCOPED: ResourceName[] = ['users', 'access-log', 'citizens', 'enrolments', 'sessions', 'groups', 'group-meetings', 'outreach-contacts', 'assessments', 'worklist', 'volunteers', 'trainings', 'coordinator-dashboard', 'export-projects', 'export-jobs'];
const OWN_OR_PARTNER: ResourceName[] = ['organisations'];
const asiBody = (enrolmentId: string): Record<string, unknown> => ({ enrolmentId, timepoint: 'ad-hoc', date: new Date().toISOString().slice(0, 10), items: { M6: 1, M7: 1, M8: 1 } });
const contactBody = (): Record<string, unknown> => ({ contactAt: new Date(Date.now() - 3600_000).toISOString(), placeType: 'street', durationMinutes: 15, contactType: 'first-contact', alias: `Matrix ${randomUUID().slice(0, 6)}` });
const sessionBody = (enrolmentId: string): Record<string, unknown> => ({ enrolmentId, startsAt: new Date(Date.now() - 3600_000).toISOString(), durationMinutes: 45, kind: 'case-management-meeting', attendance: 'attended' });
const CENTRE_OF: Record<Town, string> = { aarhus: DEMO_IDS.centres.aarhusCentrum, odense: DEMO_IDS.centres.odenseSyd };
const today = (): string => new Date().toISOString().slice(0, 10);
const exportProjectBody = (town: Town): Record<string, unknown> => ({
  name: `Matrix ${randomUUID().slice(0, 6)}`, purpose: 'Adgangsmatrix: test af rettigheder', municipalityIds: [MUNICIPALITY_OF[town]],
  programmeIds: [DEMO_IDS.programmes.move], periodFrom: '2025-01-01', periodTo: '2025-12-31',
});

async function referral(town: Town): Promise<{ id: string; version: number }> {
  const citizen = await createCitizen(town);
  const res = await call<{ id: string; version: number }>('POST', '/api/enrolments', { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.icm, centreId: CENTRE_OF[town], referralDate: today() }, { as: staff[town] });
  if (res.status !== 201) throw new Error(`referral answered ${res.status}`);
  return res.body;
}
/** Reference data readable by all, changeable only by its own municipality. */
const OWN_WRITES_ONLY: ResourceName[] = ['centres'];

let nextCode = 200;
const freshCode = (): string => String(nextCode++);

async function disposable(resource: ResourceName, town: Town): Promise<{ id: string; body: Record<string, unknown> } | undefined> {
  switch (resource) {
    case 'municipalities': {
      const code = freshCode();
      const res = await call<{ id: string; version: number }>('POST', '/api/municipalities', { code, name: `Matrix ${code}` }, { as: admins[town] });
      return { id: res.body.id, body: { code, name: `Matrix ${code} (ændret)`, version: res.body.version } };
    }
    case 'centres': {
      const centre = await createCentre(town, MUNICIPALITY_OF[town]);
      return { id: centre.id, body: { municipalityId: centre.municipalityId, name: `${centre.name} (ændret)`, version: centre.version } };
    }
    case 'programmes': {
      const code = `MX${nextCode++}`;
      const res = await call<{ id: string; version: number }>('POST', '/api/programmes', { code, name: code, format: 'individual' }, { as: admins[town] });
      return { id: res.body.id, body: { code, name: `${code} (ændret)`, format: 'individual', version: res.body.version } };
    }
    case 'users': {
      const user = await createUser(town, 'staff');
      return { id: user.id, body: { email: user.email, displayName: 'Ændret', role: 'staff', version: user.version } };
    }
    case 'citizens': {
      const citizen = await createCitizen(town);
      return { id: citizen.id, body: { cpr: citizen.cpr, firstName: 'Ændret', lastName: citizen.lastName, version: citizen.version } };
    }
    case 'enrolments': {
      const enrolment = await referral(town);
      return { id: enrolment.id, body: { centreId: CENTRE_OF[town], version: enrolment.version } };
    }
    case 'sessions': {
      const enrolment = await activeEnrolment(town);
      const res = await call<{ id: string; version: number }>('POST', '/api/sessions', sessionBody(enrolment.id), { as: staff[town] });
      const { enrolmentId: _e, ...body } = sessionBody(enrolment.id);
      return { id: res.body.id, body: { ...body, durationMinutes: 60, version: res.body.version } };
    }
    case 'groups': {
      const group = await createCourse(town);
      return { id: group.id, body: { centreId: CENTRE_OF[town], name: 'Ændret hold', startTime: '18:00', place: null, weekday: null, version: group.version } };
    }
    case 'group-meetings': {
      const group = await createCourse(town);
      const meetings = await call<{ id: string; version: number; startsAt: string }[]>('GET', listPath('group-meetings', { filter: { groupId: group.id } }), undefined, { as: staff[town] });
      const meeting = meetings.body[0] as { id: string; version: number; startsAt: string };
      return { id: meeting.id, body: { startsAt: meeting.startsAt, durationMinutes: 120, status: 'planned', version: meeting.version } };
    }
    case 'outreach-contacts': {
      const res = await call<{ id: string; version: number }>('POST', '/api/outreach-contacts', contactBody(), { as: staff[town] });
      const { alias: _a, ...body } = contactBody();
      return { id: res.body.id, body: { ...body, durationMinutes: 30, version: res.body.version } };
    }
    case 'assessments': {
      const enrolment = await activeEnrolment(town);
      const res = await call<{ id: string; version: number }>('POST', '/api/assessments', asiBody(enrolment.id), { as: staff[town] });
      return { id: res.body.id, body: { date: new Date().toISOString().slice(0, 10), items: { M6: 2 }, version: res.body.version } };
    }
    case 'organisations': {
      const res = await call<{ id: string; version: number }>('POST', '/api/organisations', { name: `Org ${randomUUID().slice(0, 6)}`, municipalityIds: [MUNICIPALITY_OF[town]] }, { as: `coordinator@${town}.demo` });
      return { id: res.body.id, body: { name: 'Ændret organisation', municipalityIds: [MUNICIPALITY_OF[town]], version: res.body.version } };
    }
    case 'volunteers': {
      const org = await disposable('organisations', town);
      const res = await call<{ id: string; version: number }>('POST', '/api/volunteers', { organisationId: org?.id, firstName: 'A', lastName: 'B' }, { as: `coordinator@${town}.demo` });
      return { id: res.body.id, body: { organisationId: org?.id, firstName: 'Ændret', lastName: 'B', version: res.body.version } };
    }
    case 'trainings': {
      const volunteer = await disposable('volunteers', town);
      const res = await call<{ id: string; version: number }>('POST', '/api/trainings', { volunteerId: volunteer?.id, kind: 'other', title: 'Førstehjælp', completedOn: '2026-01-01' }, { as: `coordinator@${town}.demo` });
      return { id: res.body.id, body: { kind: 'other', title: 'Førstehjælp II', completedOn: '2026-01-02', version: res.body.version } };
    }
    case 'export-projects': {
      const res = await call<{ id: string; version: number }>('POST', '/api/export-projects', exportProjectBody(town), { as: `evaluator@${town}.demo` });
      return { id: res.body.id, body: { ...exportProjectBody(town), name: 'Ændret projekt', version: res.body.version } };
    }
    case 'export-jobs': {
      const project = await disposable('export-projects', town);
      const res = await call<{ id: string }>('POST', '/api/export-jobs', { projectId: project?.id, dataset: 'codebook', format: 'csv' }, { as: `evaluator@${town}.demo` });
      return { id: res.body.id, body: {} };
    }
    case 'evaluator-grants':
    case 'worklist':
    case 'coordinator-dashboard':
    case 'outcomes':
    case 'access-log':
      return undefined;
  }
}

async function createBody(resource: ResourceName, town: Town, scope: Scope): Promise<Record<string, unknown>> {
  switch (resource) {
    case 'municipalities': {
      const code = freshCode();
      return { code, name: `Ny ${code}` };
    }
    case 'centres':
      return { municipalityId: MUNICIPALITY_OF[town], name: `Nyt center ${randomUUID().slice(0, 8)}` };
    case 'programmes':
      return { code: `MN${nextCode++}`, name: 'Nyt program', format: 'individual' };
    case 'users': {
      // A user is always created in the admin's own municipality; asking for another is refused.
      const body = { email: `new-${randomUUID().slice(0, 8)}@matrix.test`, displayName: 'Ny', role: 'staff', password: STRONG_PASSWORD };
      return scope === 'other' ? { ...body, municipalityId: MUNICIPALITY_OF[town] } : body;
    }
    case 'citizens': {
      const body = { cpr: freshCpr(), firstName: 'Ny', lastName: 'Borger' };
      return scope === 'other' ? { ...body, municipalityId: MUNICIPALITY_OF[town] } : body;
    }
    case 'enrolments': {
      // Another municipality's citizen and centre: both refused.
      const citizen = await createCitizen(town);
      return { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.icm, centreId: CENTRE_OF[town], referralDate: today() };
    }
    case 'sessions':
      return sessionBody((await activeEnrolment(town)).id);
    case 'groups':
      return { programmeId: DEMO_IDS.programmes.hcs, centreId: CENTRE_OF[town], name: 'Nyt hold', startDate: mondayWeeksAgo(0), startTime: '17:00' };
    case 'group-meetings': {
      const group = await call<{ id: string }>('POST', '/api/groups', { programmeId: DEMO_IDS.programmes.smart, centreId: CENTRE_OF[town], name: 'SMART', startTime: '19:00', weekday: 2 }, { as: `coordinator@${town}.demo` });
      return { groupId: group.body.id, startsAt: new Date(Date.now() - 3600_000).toISOString(), durationMinutes: 90, anonymousHeadcount: 4, untrainedReason: 'Matrix: ingen facilitator' };
    }
    case 'outreach-contacts':
      // Another municipality's citizen: refused.
      return { ...contactBody(), alias: undefined, citizenId: (await createCitizen(town)).id };
    case 'assessments':
      return asiBody((await activeEnrolment(town)).id);
    case 'organisations':
      // The own municipality must be among those the organisation works with.
      return { name: `Ny org ${randomUUID().slice(0, 6)}`, municipalityIds: [MUNICIPALITY_OF[town]] };
    case 'volunteers': {
      const org = await disposable('organisations', town);
      return { organisationId: org?.id, firstName: 'Ny', lastName: 'Frivillig' };
    }
    case 'trainings': {
      const volunteer = await disposable('volunteers', town);
      return { volunteerId: volunteer?.id, kind: 'other', title: 'Kursus', completedOn: '2026-01-01' };
    }
    case 'export-projects':
      // Another municipality that has not been granted: refused.
      return exportProjectBody(town);
    case 'export-jobs':
      // Another evaluator's project: not found.
      return { projectId: (await disposable('export-projects', town))?.id, dataset: 'codebook', format: 'csv' };
    case 'evaluator-grants':
    case 'worklist':
    case 'coordinator-dashboard':
    case 'outcomes':
    case 'access-log':
      return {};
  }
}

async function attempt(role: Role, actor: Town, resource: ResourceName, action: Action, scope: Scope): Promise<Attempt> {
  const as = `${role}@${actor}.demo`;
  const town = scope === 'own' ? actor : otherTown(actor);
  const path = `/api/${resource}`;
  switch (action) {
    case 'list': {
      if (resource === 'outcomes') {
        const municipality = MUNICIPALITY_OF[town];
        return { status: (await call('GET', `/api/outcomes/report?programmeId=${DEMO_IDS.programmes.move}&municipalityId=${municipality}&from=2025-01-01&to=2025-12-31`, undefined, { as })).status };
      }
      const res = await call<{ municipalityId?: string }[]>('GET', listPath(resource, { range: [0, 499] }), undefined, { as });
      return { status: res.status, municipalities: Array.isArray(res.body) ? res.body.map((r) => r.municipalityId ?? '') : [] };
    }
    case 'read': {
      if (resource === 'access-log') return { status: (await call('GET', `${path}/verify`, undefined, { as })).status };
      const target = await disposable(resource, town);
      return { status: (await call('GET', `${path}/${target?.id}`, undefined, { as })).status };
    }
    case 'create':
      return { status: (await call('POST', path, await createBody(resource, town, scope), { as })).status };
    case 'update': {
      const target = await disposable(resource, town);
      return { status: (await call('PUT', `${path}/${target?.id ?? randomUUID()}`, target?.body ?? {}, { as })).status };
    }
    case 'delete': {
      const target = await disposable(resource, town);
      return { status: (await call('DELETE', `${path}/${target?.id ?? randomUUID()}`, undefined, { as })).status };
    }
  }
}

/** What the rules say should happen: the permissions table, then the municipality boundary. */
function expected(role: Role, resource: ResourceName, action: Action, scope: Scope): boolean {
  if (!can(role, resource, action)) return false;
  if (scope === 'own') return true;
  if (OWN_OR_PARTNER.includes(resource)) return action === 'list';
  if (resource === 'outcomes') return false; // another municipality's report needs a grant
  if (TENANT_SCOPED.includes(resource)) return action === 'list' || (resource === 'access-log' && action === 'read');
  if (OWN_WRITES_ONLY.includes(resource)) return action === 'list' || action === 'read';
  return true;
}

const cases = ROLES.flatMap((role) =>
  RESOURCES.flatMap((resource) =>
    ACTIONS.flatMap((action) => (['own', 'other'] as Scope[]).map((scope) => ({ role, resource, action, scope }))),
  ),
);
const results: { role: Role; resource: ResourceName; action: Action; scope: Scope; allowed: boolean; status: number; ok: boolean }[] = [];

describe('access matrix (generated from PERMISSIONS)', () => {
  afterAll(() => {
    const unauthorised = results.filter((r) => !r.allowed && r.status < 300).length;
    const lines = results.map((r) => `${r.role.padEnd(11)} ${r.resource.padEnd(14)} ${r.action.padEnd(6)} ${r.scope.padEnd(5)} ${r.allowed ? 'allow' : 'deny '} ${r.status} ${r.ok ? '' : 'UNEXPECTED'}`);
    console.log(`role        resource       action scope rule  HTTP\n${lines.join('\n')}\n${results.length} attempts, ${unauthorised} unauthorised successes`);
  });

  it.each(cases)('$role $action $resource ($scope municipality)', async ({ role, resource, action, scope }) => {
    const actor: Town = 'aarhus';
    const allowed = expected(role, resource, action, scope);
    const sut = await attempt(role, actor, resource, action, scope);
    const success = sut.status >= 200 && sut.status < 300;
    const ok = success === allowed;
    results.push({ role, resource, action, scope, allowed, status: sut.status, ok });
    expect({ status: sut.status, success }).toEqual({ status: sut.status, success: allowed });
    if (!allowed) expect([400, 403, 404]).toContain(sut.status);
    if (success && action === 'list' && TENANT_SCOPED.includes(resource)) {
      // A list answers only the user's own municipality, whatever was asked.
      const named = (sut.municipalities ?? []).filter((m) => m !== '');
      expect(new Set(named)).toEqual(new Set(named.length ? [MUNICIPALITY_OF[actor]] : []));
    }
  });
});
