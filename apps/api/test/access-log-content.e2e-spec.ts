import { createHmac, randomUUID } from 'node:crypto';
import type { AccessLogVerification, ApiErrorBody, Citizen, CitizenAccess, DueAssessment, Enrolment, Group, GroupMeeting, RegisterReadiness, RetentionOverview, WorklistItem } from '@outcomes/contracts';
import { PERSONAL_DATA_RESOURCES } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { activeEnrolment, admins, createCitizen, createCourse, freshCpr, staff } from './support/fixtures';
import { call, closeDb, db, listPath } from './support/http';
import { daysFromToday, today } from './support/dates';

afterAll(closeDb);

interface LogRow {
  seq: string;
  user_id: string;
  action: string;
  resource: string;
  record_id: string | null;
  citizen_id: string | null;
  citizen_ids: string[] | null;
  criterion: string | null;
  outcome: string;
}

const userId = async (email: string): Promise<string> => {
  const { rows } = await db().query<{ id: string }>('SELECT id FROM app_user WHERE lower(email) = lower($1)', [email]);
  if (!rows[0]) throw new Error(`no user ${email}`);
  return rows[0].id;
};

const headSeq = async (): Promise<number> => Number((await db().query<{ s: string | null }>('SELECT max(seq)::text AS s FROM access_log')).rows[0]?.s ?? 0);

/** The rows written after `after`, by the user, oldest first. */
async function rowsSince(after: number, user: string): Promise<LogRow[]> {
  const { rows } = await db().query<LogRow>('SELECT seq::text AS seq, user_id, action, resource, record_id, citizen_id, citizen_ids::text[] AS citizen_ids, criterion, outcome FROM access_log WHERE seq > $1 AND user_id = $2 ORDER BY seq', [after, user]);
  return rows;
}

/** Every citizen a row names, in citizen_id or citizen_ids. */
const named = (rows: LogRow[]): Set<string> => new Set(rows.flatMap((r) => [...(r.citizen_id ? [r.citizen_id] : []), ...(r.citizen_ids ?? [])]));

/** A citizen with a name and a CPR number no other test uses, so finding them anywhere in the log means a leak. */
async function secretCitizen(): Promise<{ citizen: Citizen; firstName: string; lastName: string; cpr: string }> {
  const suffix = randomUUID().replace(/[^a-f]/g, '').slice(0, 6);
  const firstName = `Xylofona${suffix}`;
  const lastName = `Quarkbjerg${suffix}`;
  const cpr = freshCpr();
  const citizen = await createCitizen('aarhus', { firstName, lastName, cpr });
  return { citizen, firstName, lastName, cpr };
}

describe('a search is logged by what was searched, never by its text', () => {
  it('leaves no name and no CPR number anywhere in access_log, read as the database owner (the attacker’s test)', async () => {
    const { citizen, firstName, lastName, cpr } = await secretCitizen();
    const dashed = `${cpr.slice(0, 6)}-${cpr.slice(6)}`;
    const staffId = await userId(staff.aarhus);
    const before = await headSeq();

    const byName = await call<Citizen[]>('POST', '/api/citizens/search', { filter: JSON.stringify({ q: `${firstName} ${lastName}` }), range: '[0,9]' }, { as: staff.aarhus });
    expect(byName.status).toBe(200);
    expect(byName.body.map((c) => c.id)).toEqual([citizen.id]);
    const byCprInSearch = await call<Citizen[]>('POST', '/api/citizens/search', { filter: JSON.stringify({ q: dashed }) }, { as: staff.aarhus });
    expect(byCprInSearch.status).toBe(200);
    const lookup = await call<{ citizen: Citizen | null }>('POST', '/api/citizens/lookup', { cpr }, { as: staff.aarhus });
    expect(lookup.body.citizen?.id).toBe(citizen.id);
    // The users' list searches names in the clear columns it has: its text must not reach the log either.
    const users = await call('GET', listPath('users', { filter: { q: lastName } }), undefined, { as: admins.aarhus });
    expect(users.status).toBe(200);

    const rows = await rowsSince(before, staffId);
    expect(rows.map((r) => [r.action, r.resource, r.outcome])).toEqual([['search', 'citizens', 'ok'], ['search', 'citizens', 'ok'], ['search', 'citizens', 'ok']]);
    const [name, cprSearch, cprLookup] = rows.map((r) => JSON.parse(r.criterion ?? 'null') as { fields: string[]; values: Record<string, { words: number; cpr: boolean; hashes: string[] }> });
    expect(name).toMatchObject({ fields: ['q'], values: { q: { words: 2, cpr: false } } });
    expect(name?.values['q']?.hashes).toHaveLength(2);
    expect(cprSearch).toMatchObject({ fields: ['q'], values: { q: { words: 1, cpr: true } } });
    expect(cprLookup).toMatchObject({ fields: ['cpr'], values: { cpr: { words: 1, cpr: true } } });
    // The same CPR number typed in two places hashes alike, so an investigator can tie the searches together.
    expect(cprLookup?.values['cpr']?.hashes).toEqual(cprSearch?.values['q']?.hashes);

    const { rows: everything } = await db().query<{ t: string }>('SELECT row_to_json(l)::text AS t FROM access_log l');
    expect(everything.length).toBeGreaterThan(rows.length);
    const secrets = [firstName, lastName, firstName.toLowerCase(), lastName.toLowerCase(), cpr, dashed];
    const leaks = everything.filter((r) => secrets.some((s) => r.t.includes(s)));
    expect(leaks).toEqual([]);
  });
});

describe('every answer carrying personal data logs each citizen in it', () => {
  it('a list logs one row naming every citizen of the returned page', async () => {
    await createCitizen('aarhus');
    await createCitizen('aarhus');
    const staffId = await userId(staff.aarhus);
    const before = await headSeq();
    const page = await call<Citizen[]>('GET', listPath('citizens', { range: [0, 24] }), undefined, { as: staff.aarhus });
    expect(page.status).toBe(200);
    expect(page.body.length).toBeGreaterThanOrEqual(2);
    const rows = await rowsSince(before, staffId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'search', resource: 'citizens', citizen_id: null });
    expect([...(rows[0]?.citizen_ids ?? [])].sort()).toEqual(page.body.map((c) => c.id).sort());
  });

  it('the duplicate-CPR 409 logs the citizen it named; the lookup logs the citizen it found', async () => {
    const { citizen, cpr } = await secretCitizen();
    const staffId = await userId(staff.aarhus);
    const before = await headSeq();
    const again = await call<ApiErrorBody>('POST', '/api/citizens', { cpr, firstName: 'Anden', lastName: 'Gang' }, { as: staff.aarhus });
    expect(again.status).toBe(409);
    expect(again.body.existingId).toBe(citizen.id);
    const lookup = await call<{ citizen: Citizen | null }>('POST', '/api/citizens/lookup', { cpr }, { as: staff.aarhus });
    expect(lookup.body.citizen?.id).toBe(citizen.id);
    const missing = await call<{ citizen: Citizen | null }>('POST', '/api/citizens/lookup', { cpr: freshCpr() }, { as: staff.aarhus });
    expect(missing.body.citizen).toBeNull();

    const rows = await rowsSince(before, staffId);
    expect(rows.map((r) => ({ action: r.action, outcome: r.outcome, citizen_id: r.citizen_id, citizen_ids: r.citizen_ids }))).toEqual([
      { action: 'create', outcome: 'refused', citizen_id: citizen.id, citizen_ids: null },
      { action: 'search', outcome: 'ok', citizen_id: null, citizen_ids: [citizen.id] },
      { action: 'search', outcome: 'ok', citizen_id: null, citizen_ids: null },
    ]);
  });

  it('a sessions list names the session’s citizen and its enrolment’s, read with the page, even where the two differ (the database owner’s forgery)', async () => {
    // The list reads each session's enrolment's citizen in its own statement (withSessionListExtras()) instead
    // of the access log looking it up afterwards. Nothing the API writes lets the two differ; the
    // owner makes them differ here, and the row must still name both.
    const enrolment = await activeEnrolment('aarhus');
    const other = await createCitizen('aarhus');
    const logged = await call<{ id: string }>('POST', '/api/sessions', { enrolmentId: enrolment.id, startsAt: new Date(Date.now() - 7200_000).toISOString(), durationMinutes: 30, kind: 'case-management-meeting', attendance: 'attended', confirmDuplicate: true }, { as: staff.aarhus });
    expect(logged.status).toBe(201);
    await db().query('UPDATE treatment_session SET citizen_id = $1 WHERE id = $2', [other.id, logged.body.id]);
    const staffId = await userId(staff.aarhus);
    const before = await headSeq();
    const page = await call<{ id: string; citizenId: string; enrolmentId: string }[]>('GET', listPath('sessions', { filter: { id: logged.body.id } }), undefined, { as: staff.aarhus });
    expect(page.status).toBe(200);
    expect(page.body.map((r) => [r.id, r.citizenId, r.enrolmentId])).toEqual([[logged.body.id, other.id, enrolment.id]]);
    const rows = await rowsSince(before, staffId);
    expect(rows).toHaveLength(1);
    expect([...named(rows)].sort()).toEqual([enrolment.citizenId, other.id].sort());
  });

  it('the follow-ups of an enrolment log its citizen', async () => {
    const enrolment = await activeEnrolment('aarhus');
    const staffId = await userId(staff.aarhus);
    const before = await headSeq();
    const schedule = await call<{ due: DueAssessment[] }>('GET', `/api/enrolments/${enrolment.id}/follow-ups`, undefined, { as: staff.aarhus });
    expect(schedule.status).toBe(200);
    const rows = await rowsSince(before, staffId);
    expect(rows).toEqual([expect.objectContaining({ action: 'read', resource: 'enrolments', record_id: enrolment.id, citizen_id: enrolment.citizenId, outcome: 'ok' })]);
  });
});

type Extract = (body: unknown) => Promise<string[]>;
interface Endpoint {
  as: string;
  /** The path to call, with its ids filled in from the fixtures. */
  path: (f: Fixtures) => string;
  /** The citizens in the answer, read by this test from the answer itself (enrolments through SQL as the owner). */
  citizens: Extract;
}
interface Fixtures {
  citizen: Citizen;
  legalHoldId: string;
  enrolment: { id: string; citizenId: string };
  sessionId: string;
  group: Group;
  meetingId: string;
  contactId: string;
  assessmentId: string;
  caseRequestId: string;
  consentId: string;
  planEnrolment: { id: string; citizenId: string };
  referralId: string;
  emergencyAccessId: string;
  handoverId: string;
}

const citizensOfEnrolments = async (ids: string[]): Promise<string[]> =>
  ids.length === 0 ? [] : (await db().query<{ c: string }>('SELECT citizen_id::text AS c FROM enrolment WHERE id = ANY($1::uuid[])', [ids])).rows.map((r) => r.c);
const rowsOf = (body: unknown): Record<string, unknown>[] => (Array.isArray(body) ? (body as Record<string, unknown>[]) : [body as Record<string, unknown>]);
const field = (name: string): Extract => async (body) => rowsOf(body).map((r) => r[name]).filter((v): v is string => typeof v === 'string');

/**
 * This test's own list of the GETs that answer citizen-bearing records, and how to read the citizens
 * out of each answer. Written by hand from the contracts' shapes; a personal-data GET the OpenAPI
 * document has and neither this list nor NO_CITIZENS names fails the test.
 */
const ENDPOINTS: Record<string, Endpoint> = {
  '/api/citizens': { as: staff.aarhus, path: () => listPath('citizens', { range: [0, 49] }), citizens: field('id') },
  '/api/citizens/{id}': { as: staff.aarhus, path: (f) => `/api/citizens/${f.citizen.id}`, citizens: field('id') },
  '/api/citizens/{id}/timeline': { as: staff.aarhus, path: (f) => `/api/citizens/${f.enrolment.citizenId}/timeline`, citizens: async (body) => citizensOfEnrolments(rowsOf(body).map((e) => e['enrolmentId'] as string)) },
  '/api/citizens/{id}/consents': { as: staff.aarhus, path: (f) => `/api/citizens/${f.citizen.id}/consents`, citizens: field('citizenId') },
  '/api/citizens/{id}/access-history': { as: staff.aarhus, path: (f) => `/api/citizens/${f.citizen.id}/access-history`, citizens: async (body) => rowsOf(body).map((e) => e['citizenId']).filter((v): v is string => typeof v === 'string') },
  '/api/enrolments': { as: staff.aarhus, path: () => listPath('enrolments', { range: [0, 49] }), citizens: field('citizenId') },
  '/api/enrolments/{id}': { as: staff.aarhus, path: (f) => `/api/enrolments/${f.enrolment.id}`, citizens: field('citizenId') },
  '/api/enrolments/{id}/follow-ups': { as: staff.aarhus, path: (f) => `/api/enrolments/${f.enrolment.id}/follow-ups`, citizens: async () => [] },
  '/api/sessions': { as: staff.aarhus, path: () => listPath('sessions', { range: [0, 49] }), citizens: field('citizenId') },
  '/api/sessions/{id}': { as: staff.aarhus, path: (f) => `/api/sessions/${f.sessionId}`, citizens: field('citizenId') },
  '/api/groups': { as: staff.aarhus, path: () => listPath('groups', { range: [0, 49] }), citizens: async (body) => citizensOfEnrolments(rowsOf(body).flatMap((g) => g['memberEnrolmentIds'] as string[])) },
  '/api/groups/{id}': { as: staff.aarhus, path: (f) => `/api/groups/${f.group.id}`, citizens: async (body) => citizensOfEnrolments((body as Group).memberEnrolmentIds) },
  '/api/group-meetings': { as: staff.aarhus, path: (f) => listPath('group-meetings', { filter: { groupId: f.group.id }, range: [0, 49] }), citizens: async (body) => citizensOfEnrolments((body as GroupMeeting[]).flatMap((m) => m.attendance.map((a) => a.enrolmentId))) },
  '/api/group-meetings/{id}': { as: staff.aarhus, path: (f) => `/api/group-meetings/${f.meetingId}`, citizens: async (body) => citizensOfEnrolments((body as GroupMeeting).attendance.map((a) => a.enrolmentId)) },
  '/api/outreach-contacts': { as: staff.aarhus, path: () => listPath('outreach-contacts', { range: [0, 49] }), citizens: field('citizenId') },
  '/api/outreach-contacts/{id}': { as: staff.aarhus, path: (f) => `/api/outreach-contacts/${f.contactId}`, citizens: field('citizenId') },
  '/api/assessments': { as: staff.aarhus, path: () => listPath('assessments', { range: [0, 49] }), citizens: field('citizenId') },
  '/api/assessments/{id}': { as: staff.aarhus, path: (f) => `/api/assessments/${f.assessmentId}`, citizens: field('citizenId') },
  '/api/case-requests': { as: staff.aarhus, path: () => listPath('case-requests', { range: [0, 49] }), citizens: field('citizenId') },
  '/api/case-requests/{id}': { as: staff.aarhus, path: (f) => `/api/case-requests/${f.caseRequestId}`, citizens: field('citizenId') },
  '/api/case-requests/{id}/decisions': { as: staff.aarhus, path: (f) => `/api/case-requests/${f.caseRequestId}/decisions`, citizens: field('citizenId') },
  '/api/youth-consents': { as: staff.aarhus, path: () => listPath('youth-consents', { range: [0, 49] }), citizens: field('citizenId') },
  '/api/youth-consents/{id}': { as: staff.aarhus, path: (f) => `/api/youth-consents/${f.consentId}`, citizens: field('citizenId') },
  '/api/youth-consents/status/{id}': { as: staff.aarhus, path: (f) => `/api/youth-consents/status/${f.enrolment.id}`, citizens: field('citizenId') },
  '/api/sessions/{id}/note-versions': { as: staff.aarhus, path: (f) => `/api/sessions/${f.sessionId}/note-versions`, citizens: field('citizenId') },
  '/api/enrolments/{id}/treatment-plan': { as: staff.aarhus, path: (f) => `/api/enrolments/${f.planEnrolment.id}/treatment-plan`, citizens: field('citizenId') },
  '/api/worklist/plan-reviews': { as: staff.aarhus, path: () => '/api/worklist/plan-reviews', citizens: field('citizenId') },
  '/api/worklist': { as: staff.aarhus, path: () => listPath('worklist', { range: [0, 49] }), citizens: async (body) => (body as WorklistItem[]).map((w) => w.citizenId) },
  '/api/citizen-merges': { as: staff.aarhus, path: (f) => `/api/citizen-merges?citizenId=${f.citizen.id}`, citizens: async (body) => rowsOf(body).flatMap((g) => [g['sourceCitizenId'], g['targetCitizenId']]).filter((v): v is string => typeof v === 'string') },
  '/api/referrals': { as: staff.aarhus, path: () => listPath('referrals', { range: [0, 49] }), citizens: field('citizenId') },
  '/api/referrals/{id}': { as: staff.aarhus, path: (f) => `/api/referrals/${f.referralId}`, citizens: field('citizenId') },
  '/api/referrals/{id}/progress': { as: staff.aarhus, path: (f) => `/api/referrals/${f.referralId}/progress`, citizens: field('citizenId') },
  // The receiving side's answers name only its own citizens (none before accepting).
  '/api/referrals/incoming': { as: staff.odense, path: () => '/api/referrals/incoming', citizens: field('citizenId') },
  '/api/legal-holds': { as: staff.aarhus, path: () => listPath('legal-holds', { range: [0, 49] }), citizens: field('citizenId') },
  '/api/legal-holds/{id}': { as: staff.aarhus, path: (f) => `/api/legal-holds/${f.legalHoldId}`, citizens: field('citizenId') },
  '/api/retention': { as: 'admin@aarhus.demo', path: () => '/api/retention', citizens: async (body) => (body as RetentionOverview).due.map((d) => d.citizenId) },
  '/api/emergency-accesses': { as: staff.aarhus, path: () => listPath('emergency-accesses', { range: [0, 49] }), citizens: field('citizenId') },
  '/api/handovers': { as: staff.aarhus, path: () => listPath('handovers', { range: [0, 49] }), citizens: field('citizenId') },
  '/api/handovers/{id}': { as: staff.aarhus, path: (f) => `/api/handovers/${f.handoverId}`, citizens: field('citizenId') },
  '/api/handovers/incoming': { as: staff.odense, path: () => '/api/handovers/incoming', citizens: field('citizenId') },
  '/api/emergency-accesses/{id}': { as: staff.aarhus, path: (f) => `/api/emergency-accesses/${f.emergencyAccessId}`, citizens: field('citizenId') },
  '/api/register/readiness': { as: staff.aarhus, path: () => '/api/register/readiness', citizens: async (body) => [...(body as RegisterReadiness).incomplete, ...(body as RegisterReadiness).leftOut].map((c) => c.citizenId) },
};

/** Personal-data GETs that answer no citizen, and why (their reads are logged all the same, without citizens). */
const NO_CITIZENS: Record<string, string> = {
  '/api/users': 'colleagues, not citizens',
  '/api/users/{id}': 'a colleague',
  '/api/evaluator-grants': 'grants: an evaluator (a user), a municipality, a period, a purpose',
  '/api/evaluator-grants/{id}': 'a grant',
  '/api/access-log': 'the log itself: its rows name citizens by id, and reading it is logged as a search of the log',
  '/api/access-log/verify': 'a verdict: ok, counts, a sequence number',
  '/api/volunteers': 'volunteers, not citizens',
  '/api/volunteers/{id}': 'a volunteer',
  '/api/trainings': 'volunteers’ trainings',
  '/api/trainings/{id}': 'a volunteer’s training',
  '/api/groups/{id}/facilitators': 'the volunteers who facilitate a group',
  '/api/coordinator-dashboard': 'groups, facilitators and volunteer hours',
  '/api/case-requests/{id}/decisions/{id}/pdf': 'a file (the decision letter): its read is logged with the citizen by the handler (case-requests.e2e-spec.ts checks it)',
  '/api/handovers/{id}/record': 'another municipality’s citizen read under an accepted hand-over: the handler logs it in both municipalities’ logs, two rows (handovers.e2e-spec.ts checks them)',
  '/api/emergency-accesses/{id}/record': 'another municipality’s citizen read under emergency access: the handler logs it in both municipalities’ logs, two rows (emergency-access.e2e-spec.ts checks them)',
  '/api/imports': 'the user’s own imports: kinds, states and counts',
  '/api/imports/{id}': 'one import: its columns, mapping, progress and counts',
  '/api/imports/{id}/results': 'an import’s per-row results (row numbers, actions, the records made): each row was logged with its citizen and the import’s id when it ran (imports.e2e-spec.ts checks it)',
  '/api/register/end-statuses': 'the national code list of end statuses: no personal data',
  '/api/register/extracts/{id}': 'a file (the month\'s register extract, CPR numbers but no citizen ids): its export is logged with every citizen in it by the handler (register.e2e-spec.ts checks it)',
};

/** Resources whose answers carry citizens, by hand; with the contracts' personal-data list, what the OpenAPI walk looks for. */
const CITIZEN_BEARING = ['citizens', 'enrolments', 'youth-consents', 'sessions', 'groups', 'group-meetings', 'outreach-contacts', 'assessments', 'worklist', 'case-requests', 'register', 'citizen-merges', 'referrals', 'retention', 'legal-holds', 'citizen-access-reports', 'emergency-accesses', 'handovers'];

async function fixtures(): Promise<Fixtures> {
  const citizen = await createCitizen('aarhus');
  const enrolment = await activeEnrolment('aarhus', DEMO_IDS.programmes.hcs);
  const session = await call<{ id: string }>('POST', '/api/sessions', { enrolmentId: enrolment.id, startsAt: new Date(Date.now() - 3600_000).toISOString(), durationMinutes: 45, kind: 'case-management-meeting', attendance: 'attended' }, { as: staff.aarhus });
  expect(session.status).toBe(201);
  const course = await createCourse('aarhus', 2);
  const member = await call<Group>('POST', `/api/groups/${course.id}/members`, { enrolmentId: enrolment.id }, { as: staff.aarhus });
  expect(member.status).toBe(200);
  const meetings = await call<GroupMeeting[]>('GET', listPath('group-meetings', { filter: { groupId: course.id }, sort: ['startsAt', 'ASC'], range: [0, 0] }), undefined, { as: staff.aarhus });
  const meeting = meetings.body[0] as GroupMeeting;
  const attended = await call('PUT', `/api/group-meetings/${meeting.id}/attendance`, { attendance: [{ enrolmentId: enrolment.id, status: 'present' }] }, { as: staff.aarhus });
  expect(attended.status).toBe(200);
  const contact = await call<{ id: string }>('POST', '/api/outreach-contacts', { contactAt: new Date(Date.now() - 3600_000).toISOString(), placeType: 'street', durationMinutes: 15, contactType: 'follow-up', citizenId: enrolment.citizenId }, { as: staff.aarhus });
  expect(contact.status).toBe(201);
  const assessment = await call<{ id: string }>('POST', '/api/assessments', { enrolmentId: enrolment.id, timepoint: 'ad-hoc', date: today(), items: { M6: 1, M7: 1, M8: 1 } }, { as: staff.aarhus });
  expect(assessment.status).toBe(201);
  const caseRequest = await call<{ id: string }>('POST', '/api/case-requests', { citizenId: citizen.id, requestedOn: today(), channel: 'personal' }, { as: staff.aarhus });
  expect(caseRequest.status).toBe(201);
  const decision = await call('POST', `/api/case-requests/${caseRequest.body.id}/decisions`, { decidedOn: today(), outcome: 'refused', reasons: 'Logtest', legalBasis: 'Serviceloven § 101', complaintGuidance: 'Klage inden 4 uger' }, { as: staff.aarhus });
  expect(decision.status).toBe(201);
  // A record without a CPR number merged into the citizen: the citizen's merges name both.
  const alias = await createCitizen('aarhus', { cpr: null });
  const merged = await call('POST', '/api/citizen-merges', { sourceId: alias.id, sourceVersion: alias.version, targetId: citizen.id, targetVersion: citizen.version, reason: 'Logtest: samme person' }, { as: staff.aarhus });
  expect(merged.status).toBe(201);
  // A referral of the request to Odense, accepted there: its progress is readable by Aarhus.
  const referral = await call<{ id: string; version: number }>('POST', '/api/referrals', { citizenId: citizen.id, caseRequestId: caseRequest.body.id, toCentreId: DEMO_IDS.centres.odenseSyd, referredOn: today() }, { as: staff.aarhus });
  expect(referral.status).toBe(201);
  const accepted = await call('POST', `/api/referrals/${referral.body.id}/acceptance`, { programmeId: DEMO_IDS.programmes.icm, version: referral.body.version }, { as: staff.odense });
  expect(accepted.status).toBe(200);
  const consent = await call<{ id: string }>('POST', '/api/youth-consents', { enrolmentId: enrolment.id, kind: 'custodial-parent', givenBy: 'Logget Forælder', givenOn: today() }, { as: staff.aarhus });
  expect(consent.status).toBe(201);
  // An open enrolment with a treatment plan whose review is due in three days: a plan-review row.
  const planEnrolment = await activeEnrolment('aarhus');
  const plan = await call('POST', `/api/enrolments/${planEnrolment.id}/treatment-plan`, {
    goals: ['Stoppe med hash'], actions: ['Ugentlig samtale'], expectedDurationWeeks: 12, madeWithCitizen: true, madeWithCitizenOn: today(), reviewDate: daysFromToday(3),
  }, { as: staff.aarhus });
  expect(plan.status).toBe(201);
  // An ended HCS enrolment owes its end interview now: a worklist row.
  const current = await call<Enrolment>('GET', `/api/enrolments/${enrolment.id}`, undefined, { as: staff.aarhus });
  const ended = await call('POST', `/api/enrolments/${enrolment.id}/transitions`, { to: 'completed', date: today(), endStatus: 'drug_free', version: current.body.version }, { as: staff.aarhus });
  expect(ended.status).toBe(200);
  const group = await call<Group>('GET', `/api/groups/${course.id}`, undefined, { as: staff.aarhus });
  const hold = await call<{ id: string }>('POST', '/api/legal-holds', { citizenId: citizen.id, reason: 'Logtest: verserende retssag' }, { as: staff.aarhus });
  expect(hold.status).toBe(201);
  // An Odense citizen's record opened by Aarhus staff: the staff's own openings list.
  const odenseCitizen = await createCitizen('odense');
  const opened = await call<{ id: string }>('POST', '/api/emergency-accesses', { cpr: odenseCitizen.cpr, reason: 'Logtest: akut behov for journalen' }, { as: staff.aarhus });
  expect(opened.status).toBe(201);
  // An Aarhus citizen handed over to Odense and accepted there: Odense's incoming list names its own new citizen.
  const mover = await createCitizen('aarhus');
  const handover = await call<{ id: string; version: number }>('POST', '/api/handovers', { citizenId: mover.id, toMunicipalityId: DEMO_IDS.municipalities.odense }, { as: staff.aarhus });
  expect(handover.status).toBe(201);
  const takenOver = await call('POST', `/api/handovers/${handover.body.id}/acceptance`, { programmeId: DEMO_IDS.programmes.icm, centreId: DEMO_IDS.centres.odenseSyd, version: handover.body.version }, { as: staff.odense });
  expect(takenOver.status).toBe(200);
  return { handoverId: handover.body.id, legalHoldId: hold.body.id, referralId: referral.body.id, emergencyAccessId: opened.body.id, citizen, enrolment, sessionId: session.body.id, group: group.body, meetingId: meeting.id, contactId: contact.body.id, assessmentId: assessment.body.id, consentId: consent.body.id, caseRequestId: caseRequest.body.id, planEnrolment };
}

describe('access-log completeness over the OpenAPI document', () => {
  it('finds every citizen of every citizen-bearing GET in the log row of that request', async () => {
    const doc = await call<{ paths: Record<string, Record<string, unknown>> }>('GET', '/api/docs-json', undefined, { as: null });
    expect(doc.status).toBe(200);
    const personal = new Set<string>([...PERSONAL_DATA_RESOURCES, ...CITIZEN_BEARING]);
    const gets = Object.entries(doc.body.paths)
      .filter(([, ops]) => 'get' in ops)
      .map(([path]) => path.replace(/\{[^}]+\}/g, (p) => (p === '{id}' ? p : '{id}')))
      .filter((path) => personal.has(path.split('/')[2] ?? ''));
    expect(gets.length).toBeGreaterThan(20);
    const uncovered = gets.filter((p) => !(p in ENDPOINTS) && !(p in NO_CITIZENS));
    expect(uncovered).toEqual([]);
    // And the list names nothing the document no longer has.
    expect(Object.keys(ENDPOINTS).filter((p) => !gets.includes(p))).toEqual([]);

    const f = await fixtures();
    const report: string[] = [];
    for (const [template, endpoint] of Object.entries(ENDPOINTS)) {
      const user = await userId(endpoint.as);
      const before = await headSeq();
      const res = await call('GET', endpoint.path(f), undefined, { as: endpoint.as });
      expect([template, res.status]).toEqual([template, 200]);
      const expected = new Set(await endpoint.citizens(res.body));
      if (template === '/api/enrolments/{id}/follow-ups') expected.add(f.enrolment.citizenId);
      const rows = await rowsSince(before, user);
      expect([template, rows.length]).toEqual([template, 1]);
      const logged = named(rows);
      const missing = [...expected].filter((c) => !logged.has(c));
      expect([template, missing]).toEqual([template, []]);
      report.push(`${template}: ${expected.size} citizen(s), all logged`);
    }
    // Setup succeeded: the fixtures put citizens in every answer but the whole-list ones that may be paged past them.
    expect(report).toHaveLength(Object.keys(ENDPOINTS).length);
    console.log(report.join('\n'));
  });
});

describe('who has seen this citizen', () => {
  it('shows one view of a citizen page as one entry counting its requests, and agrees with the admin’s log', async () => {
    const citizen = await createCitizen('aarhus');
    // The page's own requests, as the web app sends them on one view, and a list naming the citizen (only in citizen_ids).
    for (const path of [listPath('citizens', { filter: { id: [citizen.id] } }), `/api/citizens/${citizen.id}`, `/api/citizens/${citizen.id}/timeline`, listPath('enrolments', { filter: { citizenId: citizen.id } })]) {
      expect((await call('GET', path, undefined, { as: staff.aarhus })).status).toBe(200);
    }
    const history = await call<CitizenAccess[]>('GET', `/api/citizens/${citizen.id}/access-history`, undefined, { as: staff.aarhus });
    expect(history.status).toBe(200);
    // Newest first: the view (the list, get, timeline, the panel's own read; the empty enrolment list carried no citizen), then the registration.
    expect(history.body.map((e) => [e.action, e.requests, e.userDisplayName])).toEqual([
      ['read', 4, 'Behandler (Aarhus)'],
      ['create', 1, 'Behandler (Aarhus)'],
    ]);
    expect(history.headers.get('content-range')).toMatch(/\/2$/);

    const log = await call<{ seq: number; userId: string }[]>('GET', listPath('access-log', { filter: { citizenId: citizen.id }, range: [0, 99] }), undefined, { as: admins.aarhus });
    expect(log.status).toBe(200);
    expect(log.body).toHaveLength(history.body.reduce((n, e) => n + e.requests, 0));
    for (const row of log.body) {
      expect(history.body.some((e) => e.userId === row.userId && e.firstSeq <= row.seq && row.seq <= e.lastSeq)).toBe(true);
    }
  });

  it('counts the panel’s own read of a citizen nobody had opened (it said "no access recorded")', async () => {
    // A citizen loaded by a bulk load has no access rows yet: the first view's panel used to say "no access recorded".
    // Its names are a real citizen's ciphertext, copied (not placeholders: other specs list Aarhus's
    // citizens in the same database and must be able to read every name).
    const model = await createCitizen('aarhus');
    const { rows } = await db().query<{ id: string }>(
      'INSERT INTO citizen (municipality_id, first_name_encrypted, last_name_encrypted) SELECT municipality_id, first_name_encrypted, last_name_encrypted FROM citizen WHERE id = $1 RETURNING id',
      [model.id],
    );
    const id = rows[0]?.id as string;
    const first = await call<CitizenAccess[]>('GET', `/api/citizens/${id}/access-history`, undefined, { as: staff.aarhus });
    expect(first.status).toBe(200);
    expect(first.body.map((e) => [e.action, e.requests])).toEqual([['read', 1]]);
    const again = await call<CitizenAccess[]>('GET', `/api/citizens/${id}/access-history`, undefined, { as: staff.aarhus });
    // The second look within the window belongs to the same view.
    expect(again.body.map((e) => [e.action, e.requests])).toEqual([['read', 2]]);
  });
});

describe('citizen_ids and change in the chain', () => {
  it('verifies a row whose change PostgreSQL stored with its keys in its own order (jsonb), hashed here by hand', async () => {
    const key = process.env['TEST_AUDIT_KEY'] as string;
    const staffId = await userId(staff.aarhus);
    const aarhus = DEMO_IDS.municipalities.aarhus;
    const c1 = '00000000-0000-4000-8000-0000000c0001';
    const client = await db().connect();
    try {
      await client.query('BEGIN');
      // Aarhus's chain (decision 127): its lock and its head.
      const { rows } = await client.query<{ prev_hashes: string[]; seqs: string[] }>('SELECT prev_hashes, seqs FROM access_log_reserve($1::text[], 1)', [[aarhus]]);
      const prev = rows[0]?.prev_hashes[0] as string;
      const seq = rows[0]?.seqs[0] as string;
      // The canonical text written out: the old fields, then the labelled additions with sorted keys.
      const text = `["${prev}","${seq}","2026-12-05T12:00:00.000Z","${staffId}","staff","${aarhus}","update","municipalities",null,null,null,null,"ok",` +
        `{"citizenIds":["${c1}"]},{"change":{"after":{"alpha":{"a":1,"b":2},"zeta":"ny"},"before":{"alpha":{"a":1,"b":1},"zeta":"gammel"}}}]`;
      const hash = createHmac('sha256', key).update(text).digest('hex');
      await client.query(
        `INSERT INTO access_log (seq, at, user_id, role, municipality_id, action, resource, outcome, citizen_ids, change, prev_hash, hash)
         VALUES ($1, '2026-12-05T12:00:00.000Z', $2, 'staff', $3, 'update', 'municipalities', 'ok', $4, $5, $6, $7)`,
        [seq, staffId, aarhus, [c1], '{"before": {"zeta": "gammel", "alpha": {"b": 1, "a": 1}}, "after": {"zeta": "ny", "alpha": {"b": 2, "a": 1}}}', prev, hash],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
    const verdict = await call<AccessLogVerification>('GET', '/api/access-log/verify', undefined, { as: admins.aarhus });
    expect(verdict.body).toMatchObject({ ok: true, firstBrokenSeq: null });
    // And the admin sees it: the change and the citizens as stored.
    const log = await call<{ change: unknown; citizenIds: string[] }[]>('GET', listPath('access-log', { filter: { resource: 'municipalities' }, range: [0, 0] }), undefined, { as: admins.aarhus });
    expect(log.body[0]).toMatchObject({ citizenIds: [c1], change: { before: { zeta: 'gammel', alpha: { a: 1, b: 1 } }, after: { zeta: 'ny', alpha: { a: 1, b: 2 } } } });
  });
});
