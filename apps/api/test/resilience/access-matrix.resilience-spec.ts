import { randomUUID } from 'node:crypto';
import { ACTIONS, RESOURCES, ROLES } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { activeEnrolment, createCentre, createCitizen, createCourse, createOperator, createUser, freshCpr, STRONG_PASSWORD } from '../support/fixtures';
import type { Town } from '../support/fixtures';
import { call, closeDb, db, listPath, tokenFor } from '../support/http';
import type { Answer } from '../support/http';
import { csv, upload } from '../support/imports';
import { readAccessTable, SCOPES, TABLE_FILE, TABLE_ROLES } from './support/access-table';
import type { Scope } from './support/access-table';
import { today, daysFromToday as daysFromNow } from '../support/dates';

/**
 * The access matrix (issue #17): every role × resource × action × scope of the hand-written table
 * access-matrix.expected.csv, against the built API running as the restricted database role (so
 * row-level security is part of what is tested). The expected outcome comes from the table alone,
 * never from PERMISSIONS in libs/contracts; the contracts' ROLES and RESOURCES are used only to check
 * that the table covers every role and resource the product has.
 *
 * Every case makes its own target first and checks that this setup succeeded (a failed fixture throws,
 * so it can never pass as a denial). The "other" cases act on Odense's own records, made by Odense's
 * users, while signed in as Aarhus. A denial is 403 or 404 (or 405 for a delete that exists for no
 * role) and leaves the database as it was (checked
 * as the owner); a 400 is a denial only where the table says refuse:<field> and the 400 names that field.
 */

afterAll(closeDb);

// ---------------------------------------------------------------------------------------------------
// The table

type Expected = { kind: 'allow' } | { kind: 'deny' } | { kind: 'hidden' } | { kind: 'refuse'; field: string };
interface Case { resource: string; action: string; role: string; scope: Scope; expected: Expected; cell: string; note: string }

function parseCell(cell: string): Expected | undefined {
  if (cell === '-') return undefined;
  if (cell === 'allow' || cell === 'deny' || cell === 'hidden') return { kind: cell };
  const refuse = /^refuse:(\w+)$/.exec(cell);
  if (refuse?.[1]) return { kind: 'refuse', field: refuse[1] };
  throw new Error(`unknown outcome "${cell}" in ${TABLE_FILE}`);
}

const TABLE = readAccessTable();

const CASES: Case[] = TABLE.flatMap((row) =>
  SCOPES.flatMap((scope) => {
    const expected = parseCell(row.cells[scope]);
    if (!expected) return [];
    if (expected.kind === 'hidden' && row.action !== 'list') throw new Error(`hidden applies to lists only: ${row.resource} ${row.action} ${row.role}`);
    if (expected.kind === 'refuse' && row.action !== 'create') throw new Error(`refuse applies to creates only: ${row.resource} ${row.action} ${row.role}`);
    if (row.role === 'operator' && scope === 'own') throw new Error(`the operator has no own municipality: ${row.resource} ${row.action}`);
    return [{ resource: row.resource, action: row.action, role: row.role, scope, expected, cell: row.cells[scope], note: row.note }];
  }),
);

describe('the hand-written table', () => {
  it('has one row per role × resource × action, for every role and resource the product has', () => {
    const keys = TABLE.map((r) => `${r.resource} ${r.action} ${r.role}`);
    expect(keys.length).toBe(new Set(keys).size);
    const roles = [...new Set([...TABLE_ROLES, ...ROLES])];
    const resources = [...new Set([...TABLE.map((r) => r.resource), ...RESOURCES])];
    const missing = resources.flatMap((resource) => ACTIONS.flatMap((action) => roles.map((role) => `${resource} ${action} ${role}`))).filter((k) => !keys.includes(k));
    expect(missing).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Who acts, and on what

const MUNICIPALITY_OF: Record<Town, string> = { aarhus: DEMO_IDS.municipalities.aarhus, odense: DEMO_IDS.municipalities.odense };
const CENTRE_OF: Record<Town, string> = { aarhus: DEMO_IDS.centres.aarhusCentrum, odense: DEMO_IDS.centres.odenseSyd };
const ACTOR_TOWN: Town = 'aarhus';
const townOf = (scope: Scope): Town => (scope === 'own' ? 'aarhus' : 'odense');
const as = (role: string, town: Town): { as: string } => ({ as: `${role}@${town}.demo` });
const hourAgo = (): string => new Date(Date.now() - 3600_000).toISOString();
const short = (): string => randomUUID().slice(0, 6);

/** The table each resource's records are stored in, to check as the owner what was (not) written. */
const TABLE_OF: Record<string, string> = {
  municipalities: 'municipality', centres: 'centre', programmes: 'programme', users: 'app_user', 'evaluator-grants': 'evaluator_grant',
  citizens: 'citizen', enrolments: 'enrolment', 'youth-consents': 'youth_consent', sessions: 'treatment_session', groups: 'treatment_group', 'group-meetings': 'group_meeting',
  'outreach-contacts': 'outreach_contact', assessments: 'assessment', organisations: 'organisation', volunteers: 'volunteer',
  trainings: 'training', 'export-projects': 'export_project', 'export-jobs': 'export_job', 'case-requests': 'case_request',
  referrals: 'referral',
  'legal-holds': 'legal_hold',
  'emergency-accesses': 'emergency_access',
  'treatment-providers': 'treatment_provider',
  handovers: 'handover',
  'api-tokens': 'api_token',
  imports: 'import_job',
};

let operatorEmail: string | undefined;

async function actorOf(role: string): Promise<{ as: string }> {
  if (role !== 'operator') return as(role, ACTOR_TOWN);
  operatorEmail ??= await makeOperator();
  return { as: operatorEmail };
}

/** A national operator (no municipality), made by `cli.js create-operator` as an installation makes one. */
async function makeOperator(): Promise<string> {
  const operator = createOperator();
  await tokenFor(operator.email, operator.password); // signed in once; later calls reuse the token
  return operator.email;
}

function created<T extends { id: string }>(what: string, res: Answer<T>): T {
  if (res.status !== 201 && res.status !== 200) throw new Error(`fixture ${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  if (!res.body?.id) throw new Error(`fixture ${what} answered no id: ${JSON.stringify(res.body)}`);
  return res.body;
}

async function ownerRow(table: string, id: string): Promise<Record<string, unknown> | undefined> {
  const result = await db().query<{ row: Record<string, unknown> }>(`SELECT to_jsonb(t) AS row FROM ${table} t WHERE id = $1`, [id]);
  return result.rows[0]?.row;
}

async function ownerCount(table: string): Promise<number> {
  return Number((await db().query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);
}

async function freeMunicipalityCode(): Promise<string> {
  const free = await db().query<{ code: string }>(
    `SELECT lpad(x::text, 3, '0') AS code FROM generate_series(600, 699) x WHERE NOT EXISTS (SELECT 1 FROM municipality WHERE code = lpad(x::text, 3, '0')) ORDER BY random() LIMIT 1`,
  );
  const code = free.rows[0]?.code;
  if (!code) throw new Error('fixture: no free municipality code in 600-699');
  return code;
}

/** A municipality with no data, made by the owner (no API user may make one but the operator). */
async function emptyMunicipality(): Promise<string> {
  const code = await freeMunicipalityCode();
  const res = await db().query<{ id: string }>(`INSERT INTO municipality (code, name) VALUES ($1, $2) RETURNING id`, [code, `Matrixby ${code}`]);
  return res.rows[0]?.id as string;
}

let thirdCentreId: string | undefined;
/** A treatment place of a third municipality (neither Aarhus nor Odense), made by the owner. */
async function thirdCentre(): Promise<string> {
  if (thirdCentreId) return thirdCentreId;
  const municipalityId = await emptyMunicipality();
  thirdCentreId = (await db().query<{ id: string }>(`INSERT INTO centre (municipality_id, name) VALUES ($1, 'Matrix behandlingssted') RETURNING id`, [municipalityId])).rows[0]?.id as string;
  return thirdCentreId;
}

let thirdEvaluator: { email: string; municipalityId: string } | undefined;
/** An evaluator of a third municipality (neither Aarhus nor Odense), made by the owner. */
async function evaluatorOfThirdMunicipality(): Promise<{ email: string; municipalityId: string }> {
  if (thirdEvaluator) return thirdEvaluator;
  const municipalityId = await emptyMunicipality();
  const email = `evaluator-${short()}@third.test`;
  await db().query(
    `INSERT INTO app_user (municipality_id, email, display_name, role, password_hash)
     SELECT $1, $2, 'Tredje evaluator', 'evaluator', password_hash FROM app_user WHERE email = 'evaluator@odense.demo'`,
    [municipalityId, email],
  );
  thirdEvaluator = { email, municipalityId };
  return thirdEvaluator;
}

// Bodies
const smartGroupBody = (town: Town, centreId = CENTRE_OF[town]): Record<string, unknown> => ({ programmeId: DEMO_IDS.programmes.smart, centreId, name: `SMART ${short()}`, startTime: '19:00', weekday: 2 });
const consentBody = (enrolmentId: string): Record<string, unknown> => ({ enrolmentId, kind: 'custodial-parent', givenBy: 'Matrix Forælder', givenOn: today() });
const sessionBody = (enrolmentId: string): Record<string, unknown> => ({ enrolmentId, startsAt: hourAgo(), durationMinutes: 45, kind: 'case-management-meeting', attendance: 'attended' });
const contactBody = (): Record<string, unknown> => ({ contactAt: hourAgo(), placeType: 'street', durationMinutes: 15, contactType: 'first-contact' });
const asiBody = (enrolmentId: string): Record<string, unknown> => ({ enrolmentId, timepoint: 'ad-hoc', date: today(), items: { M6: 1, M7: 1, M8: 1 } });
const exportProjectBody = (municipalityId: string): Record<string, unknown> => ({
  name: `Matrix ${short()}`, purpose: 'Adgangsmatrix: test af rettigheder', municipalityIds: [municipalityId],
  programmeIds: [DEMO_IDS.programmes.move], periodFrom: '2025-01-01', periodTo: '2025-12-31',
});
const grantBody = (evaluatorEmail: string): Record<string, unknown> => ({ evaluatorEmail, purpose: 'Adgangsmatrix: effektevaluering', validFrom: daysFromNow(100), validUntil: daysFromNow(130) });

async function referral(town: Town, centreId = CENTRE_OF[town]): Promise<{ id: string; version: number }> {
  const citizen = await createCitizen(town);
  return created('referral', await call<{ id: string; version: number }>('POST', '/api/enrolments', { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.icm, centreId, referralDate: today() }, as('staff', town)));
}

async function organisation(town: Town): Promise<{ id: string; version: number }> {
  return created('organisation', await call<{ id: string; version: number }>('POST', '/api/organisations', { name: `Org ${short()}`, municipalityIds: [MUNICIPALITY_OF[town]] }, as('coordinator', town)));
}

async function volunteer(town: Town): Promise<{ id: string; version: number; organisationId: string }> {
  const org = await organisation(town);
  const res = created('volunteer', await call<{ id: string; version: number }>('POST', '/api/volunteers', { organisationId: org.id, firstName: 'Frida', lastName: 'Frivillig' }, as('coordinator', town)));
  return { ...res, organisationId: org.id };
}

/** Waits for the job runner to finish a job, so its row changes only if the case changes it. */
async function jobSettled(id: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const row = await ownerRow('export_job', id);
    if (row && row['status'] !== 'queued' && row['status'] !== 'running') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`fixture: export job ${id} did not finish within 10 s`);
}

async function exportProject(town: Town): Promise<{ id: string; version: number }> {
  return created('export project', await call<{ id: string; version: number }>('POST', '/api/export-projects', exportProjectBody(MUNICIPALITY_OF[town]), as('evaluator', town)));
}

/** A local programme of the town, made by its admin; checked as the owner to be that town's. */
async function localProgramme(town: Town): Promise<{ id: string; version: number; code: string }> {
  const code = `LX${short().toUpperCase()}`;
  const res = created('local programme', await call<{ id: string; version: number }>('POST', '/api/programmes', { code, name: code, format: 'individual' }, as('admin', town)));
  const row = await ownerRow('programme', res.id);
  if (row?.['municipality_id'] !== MUNICIPALITY_OF[town]) throw new Error(`fixture: the ${town} admin's programme is stored with municipality ${JSON.stringify(row?.['municipality_id'])}, not as a local programme of ${town}`);
  return { ...res, code };
}

/** A provider of the national register (no municipality), made by the owner. */
async function nationalProvider(): Promise<{ id: string; version: number; name: string }> {
  const name = `Matrixbehandling ${short()}`;
  const res = await db().query<{ id: string; version: number }>(
    `INSERT INTO treatment_provider (name, cvr, address, municipality_code, kind, approved_by, approved_from) VALUES ($1, '12345674', 'Matrixvej 1', '751', 'day', 'Socialtilsyn Midt', '2024-01-01') RETURNING id, version`,
    [name],
  );
  return { ...(res.rows[0] as { id: string; version: number }), name };
}

/** A personal API token's body: every role may list municipalities, so every role may put that in a scope. */
const apiTokenBody = (): Record<string, unknown> => ({ purpose: `Adgangsmatrix ${short()}`, expiresInDays: 30, scope: ['municipalities:list'] });

/** A provider's body (CVR 12345674: 2+14+18+20+20+18+14+4 = 110, a multiple of 11). */
const providerBody = (name: string): Record<string, unknown> => ({ name, cvr: '12345674', address: 'Matrixvej 1', municipalityCode: '751', kind: 'day', approvedBy: 'Socialtilsyn Midt', approvedFrom: '2024-01-01' });

async function nationalProgramme(): Promise<{ id: string; version: number; code: string }> {
  const code = `NX${short().toUpperCase()}`;
  const res = await db().query<{ id: string; version: number }>(`INSERT INTO programme (code, name, format) VALUES ($1, $1, 'individual') RETURNING id, version`, [code]);
  return { ...(res.rows[0] as { id: string; version: number }), code };
}

/** A grant of the granting town's data to an evaluator, starting in 100 days (so it gives no access during the run). */
async function grant(grantor: Town, evaluatorEmail: string): Promise<{ id: string; version: number }> {
  return created('grant', await call<{ id: string; version: number }>('POST', '/api/evaluator-grants', grantBody(evaluatorEmail), as('admin', grantor)));
}

async function grantTarget(role: string, scope: Scope): Promise<{ id: string; version: number }> {
  if (role === 'evaluator') {
    // own: a grant made to this evaluator (by Odense); other: a grant made to someone else.
    return scope === 'own' ? grant('odense', 'evaluator@aarhus.demo') : grant('odense', (await evaluatorOfThirdMunicipality()).email);
  }
  // own: a grant of Aarhus's data (to Odense's evaluator); other: Odense's grant to a third municipality's evaluator.
  return scope === 'own' ? grant('aarhus', 'evaluator@odense.demo') : grant('odense', (await evaluatorOfThirdMunicipality()).email);
}

interface Target {
  id: string;
  /** The PUT body of an update (with the version read at setup). */
  body?: Record<string, unknown>;
}

/** An Aarhus citizen's record opened by Odense staff through the API (Aarhus owns the opening). */
async function emergencyAccessOfAarhusCitizen(): Promise<{ id: string; version: number }> {
  const citizen = await createCitizen('aarhus');
  return created('emergency access', await call<{ id: string; version: number }>('POST', '/api/emergency-accesses', { cpr: citizen.cpr, reason: 'Adgangsmatrix: akut behov for journalen' }, as('staff', 'odense')));
}

/** An Odense citizen's record opened by a third municipality's staff, made by the owner (Aarhus has no part in it). */
async function emergencyAccessOfThirdMunicipality(): Promise<{ id: string; version: number }> {
  const third = await emptyMunicipality();
  const citizen = await createCitizen('odense');
  const user = await db().query<{ id: string }>(
    `INSERT INTO app_user (municipality_id, email, display_name, role, password_hash)
     SELECT $1, $2, 'Tredje behandler', 'staff', password_hash FROM app_user WHERE email = 'staff@odense.demo' RETURNING id`,
    [third, `staff-${short()}@third.test`],
  );
  const row = await db().query<{ id: string; version: number }>(
    `INSERT INTO emergency_access (municipality_id, citizen_id, accessor_municipality_id, accessor_user_id, accessor_name, reason, opened_at, expires_at)
     VALUES ($1, $2, $3, $4, 'Tredje behandler', 'Adgangsmatrix: akut behov for journalen', now(), now() + interval '24 hours') RETURNING id, version`,
    [MUNICIPALITY_OF.odense, citizen.id, third, user.rows[0]?.id],
  );
  return row.rows[0] as { id: string; version: number };
}

/** A record of the scope's municipality (or a national one) to act on, made by its own users. */
async function target(resource: string, scope: Scope, role: string): Promise<Target> {
  const town = townOf(scope);
  switch (resource) {
    case 'api-tokens': {
      // own: the actor's own token (an admin: their municipality's evaluator's); other: an Odense user's;
      // national: the operator's own (no municipality).
      const maker = scope === 'national' ? await actorOf('operator')
        : scope === 'own' ? as(role === 'admin' ? 'evaluator' : role, 'aarhus')
        : as(role === 'operator' ? 'admin' : role, 'odense');
      return created('api token', await call<{ id: string; version: number }>('POST', '/api/api-tokens', apiTokenBody(), maker));
    }
    case 'municipalities': {
      const id = MUNICIPALITY_OF[town];
      const row = (await db().query<{ code: string; name: string; hourly_rate: string | null; version: number }>('SELECT code, name, hourly_rate, version FROM municipality WHERE id = $1', [id])).rows[0];
      if (!row) throw new Error(`fixture: municipality ${town} not found`);
      // The same values again: a wrongly allowed update changes nothing but the version.
      return { id, body: { code: row.code, name: row.name, hourlyRate: row.hourly_rate === null ? null : Number(row.hourly_rate), version: row.version } };
    }
    case 'centres': {
      const centre = await createCentre(town, MUNICIPALITY_OF[town]);
      return { id: centre.id, body: { municipalityId: centre.municipalityId, name: `${centre.name} (ændret)`, version: centre.version } };
    }
    case 'treatment-providers': {
      const provider = await nationalProvider();
      return { id: provider.id, body: { ...providerBody(`${provider.name} (ændret)`), version: provider.version } };
    }
    case 'programmes': {
      const programme = scope === 'national' ? await nationalProgramme() : await localProgramme(town);
      return { id: programme.id, body: { code: programme.code, name: `${programme.code} (ændret)`, format: 'individual', version: programme.version } };
    }
    case 'users': {
      const user = await createUser(town, 'staff');
      return { id: user.id, body: { email: user.email, displayName: 'Ændret', role: 'staff', version: user.version } };
    }
    case 'evaluator-grants': {
      const made = await grantTarget(role, scope);
      return { id: made.id, body: { ...grantBody('evaluator@odense.demo'), version: made.version } };
    }
    case 'legal-holds': {
      const citizen = await createCitizen(town);
      const hold = created('legal hold', await call<{ id: string; version: number }>('POST', '/api/legal-holds', { citizenId: citizen.id, reason: 'Matrix: verserende klagesag' }, as('staff', town)));
      return { id: hold.id, body: { liftReason: 'Matrix: klagesagen er afgjort', version: hold.version } };
    }
    case 'citizens': {
      const citizen = await createCitizen(town);
      return { id: citizen.id, body: { cpr: citizen.cpr, firstName: 'Ændret', lastName: citizen.lastName, version: citizen.version } };
    }
    case 'enrolments': {
      const enrolment = await referral(town);
      return { id: enrolment.id, body: { centreId: CENTRE_OF[town], version: enrolment.version } };
    }
    case 'youth-consents': {
      const enrolment = await referral(town);
      const made = created('youth consent', await call<{ id: string; version: number }>('POST', '/api/youth-consents', consentBody(enrolment.id), as('staff', town)));
      return { id: made.id, body: { withdrawnOn: today(), version: made.version } };
    }
    case 'sessions': {
      const enrolment = await activeEnrolment(town);
      const made = created('session', await call<{ id: string; version: number }>('POST', '/api/sessions', sessionBody(enrolment.id), as('staff', town)));
      const { enrolmentId: _e, ...body } = sessionBody(enrolment.id);
      return { id: made.id, body: { ...body, durationMinutes: 60, version: made.version } };
    }
    case 'groups': {
      const group = await createCourse(town);
      return { id: group.id, body: { centreId: CENTRE_OF[town], name: 'Ændret hold', startTime: '18:00', place: null, weekday: null, version: group.version } };
    }
    case 'group-meetings': {
      const group = await createCourse(town);
      const meetings = await call<{ id: string; version: number; startsAt: string }[]>('GET', listPath('group-meetings', { filter: { groupId: group.id } }), undefined, as('staff', town));
      const meeting = Array.isArray(meetings.body) ? meetings.body[0] : undefined;
      if (meetings.status !== 200 || !meeting) throw new Error(`fixture: the course's meetings answered ${meetings.status}: ${JSON.stringify(meetings.body)}`);
      return { id: meeting.id, body: { startsAt: meeting.startsAt, durationMinutes: 120, status: 'planned', version: meeting.version } };
    }
    case 'outreach-contacts': {
      const made = created('outreach contact', await call<{ id: string; version: number }>('POST', '/api/outreach-contacts', { ...contactBody(), alias: `Matrix ${short()}` }, as('staff', town)));
      return { id: made.id, body: { ...contactBody(), durationMinutes: 30, version: made.version } };
    }
    case 'assessments': {
      const enrolment = await activeEnrolment(town);
      const made = created('assessment', await call<{ id: string; version: number }>('POST', '/api/assessments', asiBody(enrolment.id), as('staff', town)));
      return { id: made.id, body: { date: today(), items: { M6: 2 }, version: made.version } };
    }
    case 'organisations': {
      const org = await organisation(town);
      return { id: org.id, body: { name: 'Ændret organisation', municipalityIds: [MUNICIPALITY_OF[town]], version: org.version } };
    }
    case 'volunteers': {
      const made = await volunteer(town);
      return { id: made.id, body: { organisationId: made.organisationId, firstName: 'Ændret', lastName: 'Frivillig', version: made.version } };
    }
    case 'trainings': {
      const vol = await volunteer(town);
      const made = created('training', await call<{ id: string; version: number }>('POST', '/api/trainings', { volunteerId: vol.id, kind: 'other', title: 'Førstehjælp', completedOn: '2026-01-01' }, as('coordinator', town)));
      return { id: made.id, body: { kind: 'other', title: 'Førstehjælp II', completedOn: '2026-01-02', version: made.version } };
    }
    case 'export-projects': {
      const project = await exportProject(town);
      return { id: project.id, body: { ...exportProjectBody(MUNICIPALITY_OF[town]), name: 'Ændret projekt', version: project.version } };
    }
    case 'export-jobs': {
      const project = await exportProject(town);
      const job = created('export job', await call<{ id: string }>('POST', '/api/export-jobs', { projectId: project.id, dataset: 'codebook', format: 'csv' }, as('evaluator', town)));
      await jobSettled(job.id);
      return { id: job.id, body: { projectId: project.id, dataset: 'codebook', format: 'csv', version: 1 } };
    }
    case 'case-requests': {
      const citizen = await createCitizen(town);
      const made = created('request', await call<{ id: string; version: number }>('POST', '/api/case-requests', { citizenId: citizen.id, requestedOn: today(), channel: 'phone' }, as('staff', town)));
      return { id: made.id, body: { status: 'open', doctorConversationOn: today(), version: made.version } };
    }
    case 'referrals': {
      // own: Aarhus's referral to Odense; other: Odense's referral to a third municipality's place (so Aarhus is neither side).
      const citizen = await createCitizen(town);
      const request = created('request', await call<{ id: string }>('POST', '/api/case-requests', { citizenId: citizen.id, requestedOn: today(), channel: 'phone' }, as('staff', town)));
      const toCentreId = scope === 'own' ? CENTRE_OF.odense : await thirdCentre();
      const made = created('referral', await call<{ id: string; version: number }>('POST', '/api/referrals', { citizenId: citizen.id, caseRequestId: request.id, toCentreId, referredOn: today() }, as('staff', town)));
      return { id: made.id, body: { reason: 'Matrix: borgeren har fortrudt', version: made.version } };
    }
    case 'imports': {
      // own: the actor's own upload (staff's; the other roles' requests are refused whoever made it); other: Odense staff's.
      const made = await upload('citizens', csv([['Fornavn', 'Efternavn'], ['Matrix', 'Import']]), as('staff', town).as);
      return { id: created('import', { status: made.status, body: made.body, headers: new Headers() }).id, body: { mapping: { Fornavn: 'firstName', Efternavn: 'lastName' } } };
    }
    case 'handovers': {
      // own: Aarhus's hand-over to Odense; other: Odense's hand-over to a third municipality (so Aarhus is neither side).
      const citizen = await createCitizen(town);
      const toMunicipalityId = scope === 'own' ? MUNICIPALITY_OF.odense : await emptyMunicipality();
      const made = created('hand-over', await call<{ id: string; version: number }>('POST', '/api/handovers', { citizenId: citizen.id, toMunicipalityId }, as('staff', town)));
      return { id: made.id, body: { reason: 'Matrix: borgeren flytter ikke', version: made.version } };
    }
    case 'emergency-accesses': {
      // own: an Aarhus citizen opened by Odense staff (Aarhus owns it); other: an Odense citizen opened by a third municipality's staff.
      const made = scope === 'own' ? await emergencyAccessOfAarhusCitizen() : await emergencyAccessOfThirdMunicipality();
      return { id: made.id, body: { reviewState: 'reviewed', reviewNote: 'Adgangsmatrix', version: made.version } };
    }
    default:
      throw new Error(`no target for ${resource}`);
  }
}

/** The body of a create: own names the actor's municipality's records, other the same body naming Odense's. */
async function createBody(resource: string, scope: Scope): Promise<Record<string, unknown>> {
  const mine: Town = 'aarhus';
  const theirs: Town = 'odense';
  const other = scope === 'other';
  switch (resource) {
    case 'municipalities':
      return { code: await freeMunicipalityCode(), name: `Ny kommune ${short()}` };
    case 'centres':
      return { municipalityId: MUNICIPALITY_OF[other ? theirs : mine], name: `Nyt center ${short()}` };
    case 'treatment-providers':
      return providerBody(`Ny behandling ${short()}`);
    case 'programmes': {
      const code = `MN${short().toUpperCase()}`;
      return { code, name: code, format: 'individual' };
    }
    case 'users': {
      const body = { email: `new-${short()}@matrix.test`, displayName: 'Ny', role: 'staff', password: STRONG_PASSWORD };
      return other ? { ...body, municipalityId: MUNICIPALITY_OF[theirs] } : body;
    }
    case 'evaluator-grants': {
      const body = grantBody('evaluator@odense.demo');
      return other ? { ...body, evaluatorEmail: (await evaluatorOfThirdMunicipality()).email, municipalityId: MUNICIPALITY_OF[theirs] } : body;
    }
    case 'citizens': {
      const body = { cpr: freshCpr(), firstName: 'Ny', lastName: 'Borger' };
      return other ? { ...body, municipalityId: MUNICIPALITY_OF[theirs] } : body;
    }
    case 'enrolments':
      return { citizenId: (await createCitizen(other ? theirs : mine)).id, programmeId: DEMO_IDS.programmes.icm, centreId: CENTRE_OF[mine], referralDate: today() };
    case 'youth-consents':
      return consentBody((await referral(other ? theirs : mine)).id);
    case 'sessions':
      return sessionBody((await activeEnrolment(other ? theirs : mine)).id);
    case 'groups':
      return smartGroupBody(mine, CENTRE_OF[other ? theirs : mine]);
    case 'group-meetings': {
      const town = other ? theirs : mine;
      const group = created('SMART group', await call<{ id: string }>('POST', '/api/groups', smartGroupBody(town), as('coordinator', town)));
      return { groupId: group.id, startsAt: hourAgo(), durationMinutes: 90, anonymousHeadcount: 4, untrainedReason: 'Matrix: ingen facilitator' };
    }
    case 'outreach-contacts':
      return { ...contactBody(), citizenId: (await createCitizen(other ? theirs : mine)).id };
    case 'assessments':
      return asiBody((await activeEnrolment(other ? theirs : mine)).id);
    case 'organisations':
      return { name: `Ny org ${short()}`, municipalityIds: [MUNICIPALITY_OF[other ? theirs : mine]] };
    case 'volunteers':
      return { organisationId: (await organisation(other ? theirs : mine)).id, firstName: 'Ny', lastName: 'Frivillig' };
    case 'trainings':
      return { volunteerId: (await volunteer(other ? theirs : mine)).id, kind: 'other', title: 'Kursus', completedOn: '2026-01-01' };
    case 'export-projects':
      return exportProjectBody(MUNICIPALITY_OF[other ? theirs : mine]);
    case 'export-jobs':
      return { projectId: (await exportProject(other ? theirs : mine)).id, dataset: 'codebook', format: 'csv' };
    case 'case-requests':
      return { citizenId: (await createCitizen(other ? theirs : mine)).id, requestedOn: today(), channel: 'phone' };
    case 'referrals': {
      // other: Odense's citizen and request (Aarhus may refer only its own).
      const town = other ? theirs : mine;
      const citizen = await createCitizen(town);
      const request = created('request', await call<{ id: string }>('POST', '/api/case-requests', { citizenId: citizen.id, requestedOn: today(), channel: 'phone' }, as('staff', town)));
      return { citizenId: citizen.id, caseRequestId: request.id, toCentreId: CENTRE_OF.odense, referredOn: today() };
    }
    case 'legal-holds':
      return { citizenId: (await createCitizen(other ? theirs : mine)).id, reason: 'Matrix: verserende retssag' };
    case 'handovers':
      // other: Odense's citizen (Aarhus hands over only its own).
      return { citizenId: (await createCitizen(other ? theirs : mine)).id, toMunicipalityId: MUNICIPALITY_OF.odense };
    case 'api-tokens':
      return apiTokenBody();
    case 'emergency-accesses':
      // Either scope: an Odense citizen's CPR number (another municipality's record is what breaking the glass opens).
      return { cpr: (await createCitizen(theirs)).cpr, reason: 'Adgangsmatrix: akut behov for journalen' };
    default:
      throw new Error(`no create body for ${resource}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Views without records of their own: what "the target is in the answer" means for them

/** A follow-up due for a new enrolment at a new centre of the town (so a filter by centre finds exactly it). */
async function worklistTarget(town: Town): Promise<{ centreId: string; enrolmentId: string }> {
  const centre = await createCentre(town, MUNICIPALITY_OF[town]);
  const enrolment = await referral(town, centre.id);
  const started = await call('POST', `/api/enrolments/${enrolment.id}/transitions`, { to: 'active', date: today(), version: enrolment.version }, as('staff', town));
  if (started.status !== 200) throw new Error(`fixture: starting the enrolment answered ${started.status}: ${JSON.stringify(started.body)}`);
  const seen = await worklist(centre.id, as('staff', town));
  if (!seen.enrolmentIds.includes(enrolment.id)) throw new Error(`fixture: ${town}'s own worklist (${seen.status}) does not show the new enrolment's follow-up`);
  return { centreId: centre.id, enrolmentId: enrolment.id };
}

async function worklist(centreId: string, who: { as: string }): Promise<{ status: number; enrolmentIds: string[] }> {
  const res = await call<{ enrolmentId: string }[]>('GET', listPath('worklist', { filter: { centreId }, range: [0, 99] }), undefined, who);
  return { status: res.status, enrolmentIds: Array.isArray(res.body) ? res.body.map((i) => i.enrolmentId) : [] };
}

async function dashboardGroups(who: { as: string }): Promise<{ status: number; groupIds: string[] }> {
  const res = await call<{ groups?: { groupId: string }[] }>('GET', '/api/coordinator-dashboard', undefined, who);
  return { status: res.status, groupIds: res.body?.groups?.map((g) => g.groupId) ?? [] };
}

async function dashboardTarget(town: Town): Promise<string> {
  const group = created('SMART group', await call<{ id: string }>('POST', '/api/groups', smartGroupBody(town), as('coordinator', town)));
  const seen = await dashboardGroups(as('coordinator', town));
  if (!seen.groupIds.includes(group.id)) throw new Error(`fixture: ${town}'s coordinator dashboard (${seen.status}) does not show its new group`);
  return group.id;
}

/** The newest access-log row of a user, after making them act once (so there is one). */
async function accessLogTarget(email: string): Promise<number> {
  const acted = await call('GET', listPath('centres', { range: [0, 0] }), undefined, { as: email });
  if (acted.status !== 200) throw new Error(`fixture: ${email} could not list centres (${acted.status})`);
  const row = await db().query<{ seq: string }>('SELECT max(l.seq) AS seq FROM access_log l JOIN app_user u ON u.id = l.user_id WHERE u.email = $1', [email]);
  const seq = row.rows[0]?.seq;
  if (!seq) throw new Error(`fixture: ${email} has no access-log row`);
  return Number(seq);
}

// ---------------------------------------------------------------------------------------------------
// One case

interface Outcome {
  status: number;
  body: unknown;
  /** Lists and reads: whether the target was in the answer. */
  found?: boolean;
  /** Writes: whether the database changed (checked as the owner). */
  written?: boolean;
}

const ids = (body: unknown): string[] => (Array.isArray(body) ? body.map((r: { id?: unknown }) => String(r?.id)) : []);

async function attempt(c: Case): Promise<Outcome> {
  const who = await actorOf(c.role);
  const town = townOf(c.scope);
  const path = `/api/${c.resource}`;
  const table = TABLE_OF[c.resource];

  // Views first.
  if (c.resource === 'outcomes') {
    const res = await call('GET', `/api/outcomes/report?programmeId=${DEMO_IDS.programmes.move}&municipalityId=${MUNICIPALITY_OF[town]}&from=2025-01-01&to=2025-12-31`, undefined, who);
    return { status: res.status, body: res.body, found: res.status === 200 };
  }
  if (c.resource === 'guarantee-figures') {
    // The figures of the caller's own municipality, counting a request made for the case today.
    const citizen = await createCitizen(town);
    created('request', await call<{ id: string }>('POST', '/api/case-requests', { citizenId: citizen.id, requestedOn: today(), channel: 'phone' }, as('staff', town)));
    const res = await call<{ municipalityId?: string; requests?: number }>('GET', `/api/guarantee-figures?from=${today()}&to=${today()}`, undefined, who);
    return { status: res.status, body: res.body, found: res.status === 200 && res.body.municipalityId === MUNICIPALITY_OF[town] && (res.body.requests ?? 0) >= 1 };
  }
  if (c.resource === 'citizen-merges') {
    // A record without a CPR number and one with it, of the case's municipality (made by its staff).
    const alias = await createCitizen(town, { cpr: null });
    const person = await createCitizen(town);
    const body = { sourceId: alias.id, sourceVersion: alias.version, targetId: person.id, targetVersion: person.version, reason: 'Identified by passport (access matrix)' };
    if (c.action === 'create') {
      const before = await ownerCount('citizen_merge');
      const res = await call('POST', path, body, who);
      return { status: res.status, body: res.body, written: (await ownerCount('citizen_merge')) !== before };
    }
    const merge = created('merge', await call<{ id: string; version: number }>('POST', path, body, as('staff', town)));
    if (c.action === 'list') {
      const res = await call('GET', `${path}?citizenId=${person.id}`, undefined, who);
      return { status: res.status, body: res.body, found: ids(res.body).includes(merge.id) };
    }
    const before = JSON.stringify(await ownerRow('citizen_merge', merge.id));
    const res = await call('POST', `${path}/${merge.id}/undo`, { version: merge.version, reason: 'Not the same person (access matrix)' }, who);
    return { status: res.status, body: res.body, written: JSON.stringify(await ownerRow('citizen_merge', merge.id)) !== before };
  }
  if (c.resource === 'retention') {
    // list: the dry run of the caller's own municipality; create: a run now, written as a retention_run row of it.
    if (c.action === 'list') {
      const res = await call<{ municipalityId?: string }>('GET', '/api/retention', undefined, who);
      return { status: res.status, body: res.body, found: res.status === 200 && res.body.municipalityId === MUNICIPALITY_OF[town] };
    }
    const count = async (): Promise<number> => Number((await db().query<{ n: string }>('SELECT count(*) AS n FROM retention_run WHERE municipality_id = $1', [MUNICIPALITY_OF[town]])).rows[0]?.n);
    const before = await count();
    // The run erases what the admin confirmed (the dry run's count); a role that may not read it sends 0.
    const dry = await call<{ dueTotal?: number }>('GET', '/api/retention', undefined, who);
    const res = await call('POST', '/api/retention/runs', { expectedCount: dry.body.dueTotal ?? 0 }, who);
    return { status: res.status, body: res.body, written: (await count()) !== before };
  }
  if (c.resource === 'worklist') {
    const t = await worklistTarget(town);
    const seen = await worklist(t.centreId, who);
    return { status: seen.status, body: seen.enrolmentIds, found: seen.enrolmentIds.includes(t.enrolmentId) };
  }
  if (c.resource === 'coordinator-dashboard') {
    const groupId = await dashboardTarget(town);
    const seen = await dashboardGroups(who);
    return { status: seen.status, body: seen.groupIds, found: seen.groupIds.includes(groupId) };
  }
  if (c.resource === 'register') {
    // The readiness page (list): a new referral without a request lacks its request date. The month's
    // file (read): a new course started 3 days ago has its start event in that day's month.
    if (c.action === 'list') {
      const e = await referral(town);
      const res = await call<{ incomplete?: { enrolmentId: string }[] }>('GET', '/api/register/readiness', undefined, who);
      return { status: res.status, body: res.status, found: (res.body?.incomplete ?? []).some((r) => r.enrolmentId === e.id) };
    }
    const e = await activeEnrolment(town);
    const res = await call<string>('GET', `/api/register/extracts/${daysFromNow(-3).slice(0, 7)}`, undefined, who);
    return { status: res.status, body: res.status, found: typeof res.body === 'string' && res.body.includes(e.id) };
  }
  if (c.resource === 'citizen-access-reports') {
    // Issue 22 (GDPR art. 15): the report of a new citizen of the scope's municipality, named by CPR
    // number. Allowed = the report is of that citizen and its export is logged; denied = 403/404 and no export row.
    const cpr = freshCpr();
    const citizen = await createCitizen(town, { cpr });
    const res = await call<{ citizen?: { id?: string } }>('POST', '/api/citizen-access-reports', { cpr, requestedOn: '2026-01-31' }, who);
    const exported = await db().query("SELECT 1 FROM access_log WHERE citizen_id = $1 AND action = 'export' AND outcome = 'ok'", [citizen.id]);
    return { status: res.status, body: res.status, found: res.body?.citizen?.id === citizen.id, written: (exported.rowCount ?? 0) > 0 };
  }
  if (c.resource === 'access-log') {
    if (c.action === 'read') {
      const res = await call('GET', '/api/access-log/verify', undefined, who);
      return { status: res.status, body: res.body, found: res.status === 200 };
    }
    const owner = c.scope === 'national' ? who.as : `admin@${town}.demo`;
    const seq = await accessLogTarget(owner);
    const res = await call('GET', listPath('access-log', { filter: { seq }, range: [0, 9] }), undefined, who);
    return { status: res.status, body: res.body, found: ids(res.body).includes(String(seq)) };
  }
  if (c.resource === 'municipalities' && c.action === 'delete' && c.scope === 'other') {
    // Another municipality, with no data: a wrongly allowed delete removes nothing that matters.
    const id = await emptyMunicipality();
    const res = await call('DELETE', `${path}/${id}`, undefined, who);
    return { status: res.status, body: res.body, written: (await ownerRow('municipality', id)) === undefined };
  }
  if (c.resource === 'imports' && c.action === 'create') {
    // The file is the body (application/octet-stream), not JSON.
    const before = await ownerCount('import_job');
    const res = await upload('citizens', csv([['Fornavn', 'Efternavn'], ['Matrix', 'Import']]), who.as);
    return { status: res.status, body: res.body, written: (await ownerCount('import_job')) !== before };
  }
  if (c.action === 'create') {
    if (!table) throw new Error(`no table for ${c.resource}`);
    const body = await createBody(c.resource, c.scope);
    const before = await ownerCount(table);
    const res = await call<{ id?: string }>('POST', path, body, who);
    const written = (await ownerCount(table)) !== before;
    if (c.resource === 'programmes' && res.status === 201 && res.body.id) {
      // Whose programme it became is part of the rule: an admin's is local, the operator's national.
      const row = await ownerRow('programme', res.body.id);
      const wanted = c.role === 'operator' ? null : MUNICIPALITY_OF[ACTOR_TOWN];
      if (row?.['municipality_id'] !== wanted) return { status: res.status, body: { stored: row?.['municipality_id'] ?? 'missing', wanted }, written };
    }
    return { status: res.status, body: res.body, written };
  }
  if (!table) throw new Error(`no table for ${c.resource}`);
  const t = await target(c.resource, c.scope, c.role);
  const before = await ownerRow(table, t.id);
  if (!before) throw new Error(`fixture: ${c.resource} ${t.id} is not in ${table}`);
  switch (c.action) {
    case 'list': {
      const res = await call('GET', listPath(c.resource, { filter: { id: [t.id] }, range: [0, 9] }), undefined, who);
      return { status: res.status, body: res.body, found: ids(res.body).includes(t.id) };
    }
    case 'read': {
      const res = await call<{ id?: string }>('GET', `${path}/${t.id}`, undefined, who);
      return { status: res.status, body: res.body, found: res.body?.id === t.id };
    }
    case 'update': {
      // A consent is never edited: its one change is a withdrawal (POST /:id/withdrawal).
      // A consent is never edited: its one change is a withdrawal (POST /:id/withdrawal), as a referral's
      // own side changes it only by withdrawing it; an emergency access's one change is its review.
      const res =
        c.resource === 'youth-consents' || c.resource === 'referrals' || c.resource === 'handovers' ? await call('POST', `${path}/${t.id}/withdrawal`, t.body ?? {}, who)
        : c.resource === 'emergency-accesses' ? await call('POST', `${path}/${t.id}/review`, t.body ?? {}, who)
        : c.resource === 'imports' ? await call('POST', `${path}/${t.id}/dry-run`, t.body ?? {}, who)
        : await call('PUT', `${path}/${t.id}`, t.body ?? {}, who);
      return { status: res.status, body: res.body, written: JSON.stringify(await ownerRow(table, t.id)) !== JSON.stringify(before) };
    }
    case 'delete': {
      const res = await call('DELETE', `${path}/${t.id}`, undefined, who);
      // Gone, or (a grant) revoked: either way the row is not as it was.
      return { status: res.status, body: res.body, written: JSON.stringify(await ownerRow(table, t.id)) !== JSON.stringify(before) };
    }
    default:
      throw new Error(`unknown action ${c.action}`);
  }
}

/** Whether the outcome is what the table says; the reason when not. */
function verdict(c: Case, o: Outcome): string | undefined {
  const success = o.status >= 200 && o.status < 300;
  const isWrite = c.action !== 'list' && c.action !== 'read';
  switch (c.expected.kind) {
    case 'allow':
      if (!success) return `expected 2xx, got ${o.status}`;
      if (!isWrite && o.found === false) return 'answered 2xx without the target record';
      if (isWrite && o.written === false) return 'answered 2xx but nothing was stored';
      if (c.resource === 'programmes' && c.action === 'create' && (o.body as { wanted?: unknown })?.wanted !== undefined) return `stored as ${JSON.stringify(o.body)}`;
      return undefined;
    case 'hidden':
      if (o.status !== 200) return `expected 200 without the record, got ${o.status}`;
      return o.found ? 'the other municipality\'s record is in the answer' : undefined;
    case 'deny':
      // 405: the method exists for no one (DELETE of a session, issue 21); still a denial that must write nothing.
      if (o.status !== 403 && o.status !== 404 && !(o.status === 405 && c.action === 'delete')) return `expected 403 or 404 (405 for a delete no one may do), got ${o.status}`;
      return o.written ? 'denied, but the database changed' : undefined;
    case 'refuse': {
      if (o.written) return `refused with ${o.status}, but a row was written`;
      if (o.status === 403 || o.status === 404) return undefined;
      const errors = (o.body as { errors?: Record<string, unknown> })?.errors ?? {};
      if (o.status === 400 && c.expected.field in errors) return undefined;
      return `expected 403/404 or a 400 naming ${c.expected.field}, got ${o.status}`;
    }
  }
}

const results: { c: Case; status: number; problem?: string }[] = [];

describe('access matrix (hand-written table: access-matrix.expected.csv)', () => {
  beforeAll(async () => {
    // No grant may reach the Aarhus evaluator: its "other" cases must be refused for want of one.
    const table = await db().query("SELECT 1 FROM information_schema.tables WHERE table_name = 'evaluator_grant'");
    if (table.rowCount) {
      const active = await db().query(
        `SELECT g.id FROM evaluator_grant g JOIN app_user u ON u.id = g.evaluator_user_id
         WHERE u.email = 'evaluator@aarhus.demo' AND g.revoked_at IS NULL AND g.valid_from <= current_date AND g.valid_until >= current_date`,
      );
      expect(active.rows).toEqual([]);
    }
  });

  afterAll(() => {
    const lines = results.map((r) => `${r.c.role.padEnd(11)} ${r.c.resource.padEnd(21)} ${r.c.action.padEnd(6)} ${r.c.scope.padEnd(8)} ${r.c.cell.padEnd(24)} ${String(r.status).padEnd(4)} ${r.problem ?? ''}`);
    const failed = results.filter((r) => r.problem);
    console.log(
      `role        resource              action scope    expected                 HTTP\n${lines.join('\n')}\n` +
        `${results.length} cases, ${failed.length} not as the table says`,
    );
  });

  it.each(CASES)('$role $action $resource ($scope): $cell', async (c) => {
    let outcome: Outcome;
    try {
      outcome = await attempt(c);
    } catch (error) {
      results.push({ c, status: 0, problem: `setup failed: ${(error as Error).message}` });
      throw error;
    }
    const problem = verdict(c, outcome);
    results.push({ c, status: outcome.status, problem });
    expect({ outcome: problem ?? 'as the table says', status: outcome.status, body: problem ? outcome.body : undefined }).toEqual({ outcome: 'as the table says', status: outcome.status, body: undefined });
  });
});
