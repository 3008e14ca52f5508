import { randomUUID } from 'node:crypto';
import { DEMO_IDS } from '@outcomes/seeds';
import { Client } from 'pg';
import { activeEnrolment, createCitizen, createCourse, staff } from './support/fixtures';
import { call, closeDb, db, listPath } from './support/http';
import type { Answer } from './support/http';
import { daysFromToday, today as todayInDenmark } from './support/dates';
import { csv, dryRun, upload } from './support/imports';
import { backdate } from '../src/testing/retention-rows';
import { closeRows, ownerManager, rows } from './support/rows';

/**
 * Row-level security on every tenant table, from the catalogue (issue #17). A tenant table is one
 * with a municipality_id (or, for organisations, municipality_ids) column. For each one:
 *
 * - pg_class says RLS is enabled AND forced (so not even a table owner's session skips it by accident);
 * - as the API's role (outcomes_app), with no app.municipality_id set, SELECT count(*) is 0 although the
 *   owner sees rows (fixtures below make at least one row in each, through the API);
 * - the same with app.role = 'operator' and no municipality: the national operator sees no tenant row.
 *
 * The lists are written by hand and checked against the catalogue both ways: a new table with a
 * municipality_id column fails the run until it is listed here, and so does a listed table that lost
 * its column. Reference data that every municipality may read is listed apart, with the reason and
 * with what a request without a tenant must see instead of nothing.
 */

afterAll(async () => {
  await closeRows();
  await closeDb();
});

/** Personal or municipal data: invisible without a tenant. */
const TENANT_TABLES = [
  'access_log', 'app_user', 'assessment', 'assessment_revision', 'citizen', 'enrolment', 'enrolment_transition',
  'export_file_chunk', 'export_job', 'export_project', 'facilitation', 'follow_up_attempt', 'group_attendance',
  'group_member', 'group_meeting', 'meeting_facilitator', 'organisation', 'outreach_contact', 'training',
  'treatment_group', 'treatment_session', 'volunteer', 'evaluator_grant', 'report_query', 'youth_consent', 'case_request', 'case_decision', 'note_version', 'treatment_plan_revision',
  'citizen_consent',
  'citizen_merge',
  'treatment_group', 'treatment_session', 'volunteer', 'evaluator_grant', 'report_query', 'youth_consent', 'case_request', 'case_decision', 'note_version', 'treatment_plan_revision', 'referral',
  'legal_hold', 'retention_run', 'retained_outcome_report',
  'emergency_access',
  'handover',
  'api_token',
  'import_job', 'import_mapping',
];

/**
 * Reference data: readable without a tenant, on purpose. Each has RLS enabled and forced all the same
 * (writes are held to the own municipality or the national operator), and the no-tenant read must
 * see exactly the rows for which `noTenantSees` holds (a condition, counted as the owner).
 */
const REFERENCE_TABLES: Record<string, { reason: string; noTenantSees: string }> = {
  centre: {
    reason: 'treatment places of every municipality: forms and free choice of place (Serviceloven § 101 stk. 5) list them all; writes only by the own admin',
    noTenantSees: 'true',
  },
  municipality: {
    reason: 'the municipalities themselves (no municipality_id column): every form names them; written by the national operator, settings by the own admin',
    noTenantSees: 'true',
  },
  programme: {
    reason: 'the national catalogue (municipality_id NULL) is read by all; a local programme only by its municipality',
    noTenantSees: 'municipality_id IS NULL',
  },
  treatment_provider: {
    reason: 'the national register of approved private treatment providers (no municipality_id column): free choice lists them all; written by the national operator only (decision 105)',
    noTenantSees: 'true',
  },
};

interface CatalogueRow { relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }

async function catalogue(table: string): Promise<CatalogueRow | undefined> {
  const res = await db().query<CatalogueRow>(
    `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relname = $1 AND c.relkind IN ('r', 'p')`,
    [table],
  );
  return res.rows[0];
}

/** Counts as the API's role on a fresh connection where no app.* setting was ever made, except `settings`. */
async function countAsApp(sql: string, settings: Record<string, string> = {}): Promise<{ count: number; tenant: string | null }> {
  const client = new Client({ connectionString: process.env['TEST_DATABASE_URL'] });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL ROLE outcomes_app');
    for (const [key, value] of Object.entries(settings)) await client.query('SELECT set_config($1, $2, true)', [key, value]);
    const tenant = (await client.query<{ t: string | null }>("SELECT current_setting('app.municipality_id', true) AS t")).rows[0]?.t ?? null;
    const count = Number((await client.query<{ n: string }>(sql)).rows[0]?.n);
    return { count, tenant };
  } finally {
    await client.query('ROLLBACK');
    await client.end();
  }
}

const ownerCount = async (sql: string): Promise<number> => Number((await db().query<{ n: string }>(sql)).rows[0]?.n);

function ok<T>(what: string, res: Answer<T>): T {
  if (res.status !== 200 && res.status !== 201) throw new Error(`fixture ${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** At least one row in every tenant table, made through the API as Aarhus's users. */
async function fillTenantTables(): Promise<void> {
  const coordinator = { as: 'coordinator@aarhus.demo' };
  const evaluator = { as: 'evaluator@aarhus.demo' };
  const asStaff = { as: staff.aarhus };
  const today = todayInDenmark();
  const hourAgo = new Date(Date.now() - 3600_000).toISOString();

  // citizen, enrolment, enrolment_transition, treatment_session, assessment(+revision), follow_up_attempt, outreach_contact, youth_consent
  const enrolment = await activeEnrolment('aarhus', DEMO_IDS.programmes.hcs);
  ok('session', await call('POST', '/api/sessions', { enrolmentId: enrolment.id, startsAt: hourAgo, durationMinutes: 45, kind: 'case-management-meeting', attendance: 'attended', note: 'Et notat (note_version)' }, asStaff));
  const assessment = ok('assessment', await call<{ id: string; version: number }>('POST', '/api/assessments', { enrolmentId: enrolment.id, timepoint: 'ad-hoc', date: today, items: { M6: 1, M7: 1, M8: 1 } }, asStaff));
  ok('assessment revision', await call('PUT', `/api/assessments/${assessment.id}`, { date: today, items: { M6: 2 }, version: assessment.version }, asStaff));
  ok('follow-up attempt', await call('POST', `/api/enrolments/${enrolment.id}/follow-up-attempts`, { timepoint: 'end', date: today, channel: 'phone', reached: false }, asStaff));
  ok('treatment plan', await call('POST', `/api/enrolments/${enrolment.id}/treatment-plan`, { goals: ['Et mål'], actions: [], expectedDurationWeeks: 12, madeWithCitizen: false, reviewDate: today }, asStaff));
  const citizen = await createCitizen('aarhus');
  ok('outreach contact', await call('POST', '/api/outreach-contacts', { contactAt: hourAgo, placeType: 'street', durationMinutes: 15, contactType: 'first-contact', citizenId: citizen.id }, asStaff));
  ok('youth consent', await call('POST', '/api/youth-consents', { enrolmentId: enrolment.id, kind: 'custodial-parent', givenBy: 'RLS Forælder', givenOn: today }, asStaff));
  ok('consent by purpose', await call('POST', `/api/citizens/${citizen.id}/consents`, { purpose: 'relatives', event: 'given', onDate: today, basedOnEntry: 0 }, asStaff));

  // case_request, case_decision
  const requester = await createCitizen('aarhus');
  const request = ok('request', await call<{ id: string }>('POST', '/api/case-requests', { citizenId: requester.id, requestedOn: today, channel: 'phone' }, asStaff));
  // referral: Aarhus's request referred to Odense's treatment place (free choice)
  ok('referral', await call('POST', '/api/referrals', { citizenId: requester.id, caseRequestId: request.id, toCentreId: DEMO_IDS.centres.odenseSyd, referredOn: today }, asStaff));
  // ...and to an approved private provider (decision 105): still Aarhus's row.
  ok('provider referral', await call('POST', '/api/referrals', { citizenId: requester.id, caseRequestId: request.id, providerId: DEMO_IDS.providers.outpatient, referredOn: today }, asStaff));
  ok('decision', await call('POST', `/api/case-requests/${request.id}/decisions`, { decidedOn: today, outcome: 'refused', reasons: 'RLS-test', legalBasis: 'Serviceloven § 101', complaintGuidance: 'Klage inden 4 uger' }, asStaff));

  // citizen_merge: a record without a CPR number merged into one with it
  const alias = await createCitizen('aarhus', { cpr: null });
  const person = await createCitizen('aarhus');
  ok('merge', await call('POST', '/api/citizen-merges', { sourceId: alias.id, sourceVersion: alias.version, targetId: person.id, targetVersion: person.version, reason: 'RLS-test: samme person' }, asStaff));
  // legal_hold, retention_run (a run with nothing due writes its row all the same), and
  // retained_outcome_report: a course 11 years old is due, so the run keeps its referral year's figures.
  const old = await (await rows()).enrolment('aarhus', { programme: 'smart', state: 'completed' });
  await backdate(await ownerManager(), old.citizenId, 11);
  ok('legal hold', await call('POST', '/api/legal-holds', { citizenId: requester.id, reason: 'RLS-test: verserende retssag' }, asStaff));
  const due = await call<{ dueTotal: number }>('GET', '/api/retention', undefined, { as: 'admin@aarhus.demo' });
  ok('retention run', await call('POST', '/api/retention/runs', { expectedCount: due.body.dueTotal }, { as: 'admin@aarhus.demo' }));
  // emergency_access: an Odense citizen's record opened by Aarhus staff (Odense owns the row)
  const odenseCitizen = await createCitizen('odense');
  ok('emergency access', await call('POST', '/api/emergency-accesses', { cpr: odenseCitizen.cpr, reason: 'RLS-test: akut behov for journalen' }, asStaff));
  // handover: an Aarhus citizen handed over to Odense (Aarhus owns the row)
  ok('hand-over', await call('POST', '/api/handovers', { citizenId: requester.id, toMunicipalityId: DEMO_IDS.municipalities.odense }, asStaff));
  // api_token: a staff member's personal API token (issue 24)
  ok('api token', await call('POST', '/api/api-tokens', { purpose: 'RLS-test', expiresInDays: 1, scope: ['municipalities:list'] }, asStaff));
  // import_job, import_mapping: an uploaded file and its dry run's saved mapping (issue 24)
  const uploaded = await upload('citizens', csv([['Fornavn', 'Efternavn'], ['RLS', 'Test']]));
  if (uploaded.status !== 201) throw new Error(`import upload answered ${uploaded.status}`);
  await dryRun(uploaded.body.id, { Fornavn: 'firstName', Efternavn: 'lastName' });

  // treatment_group, group_meeting, group_member, group_attendance
  const course = await createCourse('aarhus', 2);
  ok('group member', await call('POST', `/api/groups/${course.id}/members`, { enrolmentId: enrolment.id }, asStaff));
  const meetings = ok('meetings', await call<{ id: string }[]>('GET', listPath('group-meetings', { filter: { groupId: course.id }, sort: ['startsAt', 'ASC'], range: [0, 0] }), undefined, asStaff));
  ok('attendance', await call('PUT', `/api/group-meetings/${meetings[0]?.id}/attendance`, { attendance: [{ enrolmentId: enrolment.id, status: 'present' }] }, asStaff));

  // organisation, volunteer, training, facilitation, meeting_facilitator
  const org = ok('organisation', await call<{ id: string }>('POST', '/api/organisations', { name: `RLS org ${randomUUID().slice(0, 6)}`, municipalityIds: [DEMO_IDS.municipalities.aarhus] }, coordinator));
  const volunteer = ok('volunteer', await call<{ id: string }>('POST', '/api/volunteers', { organisationId: org.id, firstName: 'Rita', lastName: 'RLS' }, coordinator));
  ok('training', await call('POST', '/api/trainings', { volunteerId: volunteer.id, kind: 'other', title: 'Førstehjælp', completedOn: '2026-01-01' }, coordinator));
  const smart = ok('SMART group', await call<{ id: string }>('POST', '/api/groups', { programmeId: DEMO_IDS.programmes.smart, centreId: DEMO_IDS.centres.aarhusVest, name: 'SMART RLS', startTime: '19:00', weekday: 4 }, coordinator));
  ok('facilitation', await call('POST', `/api/groups/${smart.id}/facilitators`, { volunteerId: volunteer.id, role: 'facilitator', fromDate: '2026-01-01' }, coordinator));
  ok('meeting with facilitator', await call('POST', '/api/group-meetings', { groupId: smart.id, startsAt: hourAgo, durationMinutes: 90, anonymousHeadcount: 3, facilitators: [{ volunteerId: volunteer.id, minutes: 90 }], untrainedReason: 'RLS-test: frivillig uden SMART-uddannelse' }, coordinator));

  // evaluator_grant: Aarhus's data to Odense's evaluator, from a date in the future (no access meanwhile)
  const inDays = daysFromToday;
  ok('grant', await call('POST', '/api/evaluator-grants', { evaluatorEmail: 'evaluator@odense.demo', purpose: 'RLS-test af bevillinger', validFrom: inDays(100), validUntil: inDays(130) }, { as: 'admin@aarhus.demo' }));

  // report_query: an evaluator's report counts against their daily budget
  ok('report query', await call('GET', `/api/outcomes/report?programmeId=${DEMO_IDS.programmes.move}&municipalityId=${DEMO_IDS.municipalities.aarhus}&from=2025-01-01&to=2025-12-31`, undefined, evaluator));

  // export_project, export_job, export_file_chunk (a finished codebook job has its file in chunks)
  const project = ok('export project', await call<{ id: string }>('POST', '/api/export-projects', { name: `RLS ${randomUUID().slice(0, 6)}`, purpose: 'RLS-test af eksport', municipalityIds: [DEMO_IDS.municipalities.aarhus], programmeIds: [DEMO_IDS.programmes.move], periodFrom: '2025-01-01', periodTo: '2025-12-31' }, evaluator));
  const job = ok('export job', await call<{ id: string }>('POST', '/api/export-jobs', { projectId: project.id, dataset: 'codebook', format: 'csv' }, evaluator));
  for (let i = 0; i < 100; i++) {
    const status = (await db().query<{ status: string }>('SELECT status FROM export_job WHERE id = $1', [job.id])).rows[0]?.status;
    if (status === 'done') return;
    if (status === 'failed') throw new Error('fixture: the codebook export failed');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('fixture: the codebook export did not finish within 10 s');
}

describe('row-level security on every tenant table, from the catalogue', () => {
  let withMunicipality: string[];

  beforeAll(async () => {
    const res = await db().query<{ table_name: string }>(
      `SELECT DISTINCT c.table_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
       WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.column_name IN ('municipality_id', 'municipality_ids') ORDER BY 1`,
    );
    withMunicipality = res.rows.map((r) => r.table_name);
    await fillTenantTables();
  }, 120_000);

  it('every table with a municipality column is listed here, as tenant data or as reference data with a reason', () => {
    const listed = new Set([...TENANT_TABLES, ...Object.keys(REFERENCE_TABLES)]);
    expect(withMunicipality.filter((t) => !listed.has(t))).toEqual([]);
  });

  it('every listed tenant table has a municipality column', () => {
    expect(TENANT_TABLES.filter((t) => !withMunicipality.includes(t))).toEqual([]);
  });

  it.each(TENANT_TABLES)('%s: RLS enabled and forced; no tenant, no rows (also for the national operator)', async (table) => {
    expect(await catalogue(table)).toEqual({ relname: table, relrowsecurity: true, relforcerowsecurity: true });
    const owner = await ownerCount(`SELECT count(*) AS n FROM ${table}`);
    expect({ table, ownerSeesRows: owner > 0 }).toEqual({ table, ownerSeesRows: true });
    const anonymous = await countAsApp(`SELECT count(*) AS n FROM ${table}`);
    expect({ tenant: anonymous.tenant || null, count: anonymous.count }).toEqual({ tenant: null, count: 0 });
    // The operator's own access-log rows have no municipality; every row of a municipality stays hidden.
    const scoped = table === 'organisation' ? 'true' : 'municipality_id IS NOT NULL';
    const operator = await countAsApp(`SELECT count(*) AS n FROM ${table} WHERE ${scoped}`, { 'app.role': 'operator', 'app.user_id': randomUUID() });
    expect({ asOperator: operator.count }).toEqual({ asOperator: 0 });
  });

  it.each(Object.keys(REFERENCE_TABLES))('%s (reference data): RLS enabled and forced; without a tenant exactly the shared rows', async (table) => {
    const reference = REFERENCE_TABLES[table] as { reason: string; noTenantSees: string };
    expect(reference.reason.length).toBeGreaterThan(20);
    expect(await catalogue(table)).toEqual({ relname: table, relrowsecurity: true, relforcerowsecurity: true });
    const shared = await ownerCount(`SELECT count(*) AS n FROM ${table} WHERE ${reference.noTenantSees}`);
    expect(shared).toBeGreaterThan(0);
    expect((await countAsApp(`SELECT count(*) AS n FROM ${table}`)).count).toBe(shared);
  });
});
