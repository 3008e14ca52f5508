import { randomUUID } from 'node:crypto';
import type { ApiErrorBody, CitizenAccessReport, TreatmentSession } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { admins, createCitizen, freshCpr, staff } from './support/fixtures';
import { baseUrl, call, closeDb, db, tokenFor } from './support/http';
import { daysFromToday } from './support/dates';
import { pdfText } from './support/pdf-text';

/**
 * The citizen's own access (GDPR art. 15; decisions 93-96): the admin produces, for one citizen found
 * by CPR number (or, without one, by the record's id), every record held and every logged look-up,
 * without who looked; as JSON and as a PDF; each logged as one export naming the citizen. The records
 * are put in through the API below and the expected values are written here by hand.
 */

afterAll(closeDb);

const REPORT = '/api/citizen-access-reports';
type Report = CitizenAccessReport & ApiErrorBody;
/** The day the citizen's request came, and its deadline one month later (art. 12(3)), by hand: 31 January has no 31 February. */
const REQUESTED_ON = '2026-01-31';
const DUE_ON = '2026-02-28';
const hourAgo = (): string => new Date(Date.now() - 3_600_000).toISOString();

/** A citizen with a request, a decision, a started course and a session whose note was corrected once, and one look-up by staff. */
async function citizenWithRecords(): Promise<{ id: string; cpr: string; lastName: string; sessionId: string }> {
  const cpr = freshCpr();
  const lastName = `Indsigt ${randomUUID().slice(0, 6)}`;
  const citizen = await createCitizen('aarhus', { cpr, firstName: 'Ulla', lastName, address: 'Demovej 9, 8000 Aarhus C' });
  const as = { as: staff.aarhus };
  const request = await call<{ id: string }>('POST', '/api/case-requests', { citizenId: citizen.id, requestedOn: daysFromToday(-5), channel: 'phone' }, as);
  const decision = await call('POST', `/api/case-requests/${request.body.id}/decisions`, {
    decidedOn: daysFromToday(-4), outcome: 'granted', programmeId: DEMO_IDS.programmes.icm, centreId: DEMO_IDS.centres.aarhusCentrum,
    reasons: 'Afdækningen viser behov for støtte i hverdagen.', legalBasis: 'Serviceloven § 101', complaintGuidance: 'Du kan klage inden 4 uger til kommunen.',
  }, as);
  const enrolment = await call<{ id: string; version: number }>('POST', '/api/enrolments', { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.icm, centreId: DEMO_IDS.centres.aarhusCentrum, referralDate: daysFromToday(-3), caseRequestId: request.body.id }, as);
  const active = await call('POST', `/api/enrolments/${enrolment.body.id}/transitions`, { to: 'active', date: daysFromToday(-3), version: enrolment.body.version }, as);
  const session = await call<TreatmentSession>('POST', '/api/sessions', { enrolmentId: enrolment.body.id, startsAt: hourAgo(), durationMinutes: 50, kind: 'individual-session', attendance: 'attended', note: 'Aftalt opfølgning tirsdag.' }, as);
  const s = session.body;
  const corrected = await call('PUT', `/api/sessions/${s.id}`, { startsAt: s.startsAt, durationMinutes: s.durationMinutes, staffUserId: s.staffUserId, kind: s.kind, sessionNumber: s.sessionNumber, attendance: s.attendance, note: 'Aftalt opfølgning torsdag.', correctionReason: 'Forkert ugedag', version: s.version }, as);
  const looked = await call('GET', `/api/citizens/${citizen.id}`, undefined, as);
  expect([request.status, decision.status, enrolment.status, active.status, session.status, corrected.status, looked.status]).toEqual([201, 201, 201, 200, 201, 200, 200]);
  return { id: citizen.id, cpr, lastName, sessionId: s.id };
}

const section = (report: CitizenAccessReport, table: string) => {
  const found = report.sections.find((s) => s.table === table);
  if (!found) throw new Error(`no section ${table}`);
  return found;
};

describe("the citizen's access report (GDPR art. 15)", () => {
  it('holds every record put in, both versions of a corrected note, and the look-ups without who looked; logged as one export', async () => {
    const c = await citizenWithRecords();
    const seqBefore = Number((await db().query<{ s: string }>('SELECT max(seq) AS s FROM access_log')).rows[0]?.s);
    const res = await call<Report>('POST', REPORT, { cpr: c.cpr, requestedOn: REQUESTED_ON }, { as: admins.aarhus });
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.format).toBe('outcomes/citizen-access-report/v1');
    expect(r.municipality.name).toBe('Aarhus');
    expect([r.requestedOn, r.dueOn]).toEqual([REQUESTED_ON, DUE_ON]);
    expect(r.citizen).toEqual({ id: c.id, firstName: 'Ulla', lastName: c.lastName, cpr: c.cpr, birthYear: expect.any(Number) });

    // Every table of the list is a section, in the list's order; the counts are those put in above.
    expect(r.sections.map((s) => s.table)).toEqual([
      'citizen', 'case_request', 'case_decision', 'enrolment', 'enrolment_transition', 'follow_up_attempt', 'group_member', 'group_attendance',
      'treatment_session', 'treatment_plan_revision', 'note_version', 'assessment', 'assessment_revision', 'outreach_contact', 'youth_consent',
      'citizen_consent', 'citizen_merge', 'referral', 'legal_hold', 'emergency_access', 'handover',
    ]);
    const counts = Object.fromEntries(r.counts.map((x) => [x.table, x.rows]));
    expect(counts).toMatchObject({ citizen: 1, case_request: 1, case_decision: 1, enrolment: 1, treatment_session: 1, note_version: 2, assessment: 0, youth_consent: 0, outreach_contact: 0 });
    expect(r.counts.find((x) => x.table === 'note_version')?.label.da).toBe('Notater (hver udgave)');

    // Decrypted, in the citizen's words; the keyed hashes are not there.
    const person = section(r, 'citizen').rows[0] as Record<string, unknown>;
    expect([person['cpr'], person['firstName'], person['lastName'], person['address']]).toEqual([c.cpr, 'Ulla', c.lastName, 'Demovej 9, 8000 Aarhus C']);
    expect(Object.keys(person)).not.toEqual(expect.arrayContaining(['cprHash']));
    expect(Object.keys(person).some((k) => /hash|tokens|encrypted/i.test(k))).toBe(false);
    expect(section(r, 'citizen').columns['cpr']).toEqual({ da: 'CPR-nummer', en: 'CPR number' });
    expect(section(r, 'case_decision').rows[0]?.['reasons']).toBe('Afdækningen viser behov for støtte i hverdagen.');

    // Both versions of the corrected note, the original first, each with its author by name (part of the record).
    const notes = section(r, 'note_version').rows;
    expect(notes.map((n) => [n['text'], n['kind'], n['reason'], n['writtenBy']])).toEqual([
      ['Aftalt opfølgning tirsdag.', 'original', null, 'Behandler (Aarhus)'],
      ['Aftalt opfølgning torsdag.', 'correction', 'Forkert ugedag', 'Behandler (Aarhus)'],
    ]);
    expect(section(r, 'treatment_session').rows[0]?.['note']).toBe('Aftalt opfølgning torsdag.');

    // The look-ups: staff's read of the citizen is there, by role and municipality, with what and why; never a user's id or address.
    const read = r.lookups.find((l) => l.action === 'read' && l.resource === 'citizens');
    expect(read).toMatchObject({ role: 'staff', municipality: 'Aarhus', outcome: 'ok', what: { da: 'Læst: dine stamdata' } });
    expect(read?.why.da).toMatch(/Sagsbehandling/);
    for (const l of r.lookups) expect(Object.keys(l).sort()).toEqual(['action', 'at', 'municipality', 'outcome', 'resource', 'role', 'what', 'why']);
    const text = JSON.stringify(r);
    for (const id of [DEMO_IDS.users.aarhus.staff, DEMO_IDS.users.aarhus.admin]) expect(text).not.toContain(id);
    expect(text).not.toMatch(/staff@aarhus\.demo|admin@aarhus\.demo/);

    // One export row naming the citizen, the admin's.
    const logged = await db().query<{ action: string; resource: string; citizen_id: string; user_id: string; outcome: string }>(
      'SELECT action, resource, citizen_id, user_id, outcome FROM access_log WHERE seq > $1 AND (citizen_id = $2 OR $2 = ANY(citizen_ids)) ORDER BY seq', [seqBefore, c.id]);
    expect(logged.rows).toEqual([{ action: 'export', resource: 'citizen-access-reports', citizen_id: c.id, user_id: DEMO_IDS.users.aarhus.admin, outcome: 'ok' }]);

    // The next report shows this one among the look-ups (what and why in words, by the admin's role).
    const again = await call<Report>('POST', REPORT, { cpr: c.cpr, requestedOn: REQUESTED_ON }, { as: admins.aarhus });
    expect(again.body.lookups.at(-1)).toMatchObject({ action: 'export', resource: 'citizen-access-reports', role: 'admin', what: { da: 'Udtrukket: din indsigt (denne rapport)' } });
  });

  it('is a Danish PDF with the records, both note versions and the look-ups, logged as an export; no name in the file name', async () => {
    const c = await citizenWithRecords();
    const res = await fetch(`${baseUrl()}${REPORT}/pdf`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor(admins.aarhus)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ cpr: c.cpr, requestedOn: REQUESTED_ON }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).not.toMatch(/Ulla|Indsigt |\d{6}-?\d{4}/);
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const expected of ['Indsigt i dine oplysninger', `Ulla ${c.lastName}`, `CPR-nr.: ${c.cpr.slice(0, 6)}-${c.cpr.slice(6)}`, 'Notater (hver udgave) (2)', 'Aftalt opfølgning tirsdag.', 'Aftalt opfølgning torsdag.', 'Forkert ugedag', 'Afdækningen viser behov for støtte i hverdagen.', 'Læst: dine stamdata', 'Din anmodning modtaget: 31.1.2026', 'Svarfrist: 28.2.2026']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('staff@aarhus.demo');
    const logged = await db().query<{ criterion: string }>("SELECT criterion FROM access_log WHERE citizen_id = $1 AND action = 'export' AND resource = 'citizen-access-reports'", [c.id]);
    expect(logged.rows.map((row) => [JSON.parse(row.criterion).document, JSON.parse(row.criterion).requestedOn])).toEqual([['citizen-access-report-pdf', REQUESTED_ON]]);
  });

  it('finds a citizen without a CPR number by the record id', async () => {
    const citizen = await createCitizen('aarhus', { cpr: null, firstName: 'Uden', lastName: `Cpr ${randomUUID().slice(0, 6)}` });
    const res = await call<Report>('POST', REPORT, { citizenId: citizen.id, requestedOn: REQUESTED_ON }, { as: admins.aarhus });
    expect(res.status).toBe(200);
    expect([res.body.citizen.id, res.body.citizen.cpr, res.body.citizen.firstName]).toEqual([citizen.id, null, 'Uden']);
  });

  it("answers another municipality's citizen exactly as an unknown one (404), by CPR number or id, and logs no export", async () => {
    const odenseCpr = freshCpr();
    const theirs = await createCitizen('odense', { cpr: odenseCpr });
    const unknown = await call<Report>('POST', REPORT, { cpr: freshCpr(), requestedOn: REQUESTED_ON }, { as: admins.aarhus });
    const other = await call<Report>('POST', REPORT, { cpr: odenseCpr, requestedOn: REQUESTED_ON }, { as: admins.aarhus });
    const otherById = await call<Report>('POST', REPORT, { citizenId: theirs.id, requestedOn: REQUESTED_ON }, { as: admins.aarhus });
    const unknownById = await call<Report>('POST', REPORT, { citizenId: randomUUID(), requestedOn: REQUESTED_ON }, { as: admins.aarhus });
    expect([unknown.status, other.status, otherById.status, unknownById.status]).toEqual([404, 404, 404, 404]);
    expect(other.body).toEqual(unknown.body);
    expect(otherById.body).toEqual(unknownById.body);
    expect(JSON.stringify(other.body)).not.toContain(odenseCpr);
    const exports = await db().query("SELECT 1 FROM access_log WHERE citizen_id = $1 AND action = 'export'", [theirs.id]);
    expect(exports.rowCount).toBe(0);
  });

  it.each([['staff', staff.aarhus], ['coordinator', 'coordinator@aarhus.demo'], ['evaluator', 'evaluator@aarhus.demo']])('refuses %s (403), JSON and PDF', async (_role, email) => {
    const c = await createCitizen('aarhus', { cpr: freshCpr() });
    const json = await call<Report>('POST', REPORT, { citizenId: c.id, requestedOn: REQUESTED_ON }, { as: email });
    const pdf = await call<Report>('POST', `${REPORT}/pdf`, { citizenId: c.id, requestedOn: REQUESTED_ON }, { as: email });
    expect([json.status, pdf.status]).toEqual([403, 403]);
  });

  it.each([
    ['neither', { requestedOn: REQUESTED_ON }, 'cpr'],
    ['both', { cpr: '0101801234', citizenId: randomUUID(), requestedOn: REQUESTED_ON }, 'cpr'],
    ['a CPR number of 9 digits', { cpr: '010180123', requestedOn: REQUESTED_ON }, 'cpr'],
    ['a citizenId that is no UUID', { citizenId: 'abc', requestedOn: REQUESTED_ON }, 'citizenId'],
    ['no request date', { citizenId: randomUUID() }, 'requestedOn'],
    ['a request date that is no date', { citizenId: randomUUID(), requestedOn: '31.01.2026' }, 'requestedOn'],
    ['a request date after today', { citizenId: randomUUID(), requestedOn: '2099-01-01' }, 'requestedOn'],
  ])('answers %s with 400 naming the field, writing no export', async (_what, body, field) => {
    const res = await call<Report>('POST', REPORT, body, { as: admins.aarhus });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors ?? {})).toEqual([field]);
  });
});
