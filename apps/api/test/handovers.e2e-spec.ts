import type { AccessLogVerification, ApiErrorBody, Citizen, Enrolment, Handover, HandoverRecord } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { randomUUID } from 'node:crypto';
import { activeEnrolment, admins, staff } from './support/fixtures';
import { asAppRole, call, closeDb, db, listPath } from './support/http';
import { today } from './support/dates';

afterAll(closeDb);

/**
 * Moves between municipalities (issue 22; docs/decisions.md 110-114): Aarhus ends its citizen's course
 * `transferred` to Odense and hands the citizen over; Odense accepts (its own citizen and course) and
 * reads the old record read-only for Aarhus's `handoverReadDays` (90 by default), every read in both
 * logs. A third municipality reads nothing; declined, withdrawn and expired hand-overs give nothing.
 * Expected values are written here by hand (demo ids, 90 days), never read from the code under test.
 */

const AARHUS = DEMO_IDS.municipalities.aarhus;
const ODENSE = DEMO_IDS.municipalities.odense;
const DAY = 24 * 3600 * 1000;
type H = Handover & ApiErrorBody;

let third: { email: string; municipalityId: string; userId: string };

beforeAll(async () => {
  // A third municipality with one staff user, made by the owner (only the operator makes municipalities).
  const code = (await db().query<{ code: string }>(
    `SELECT lpad(x::text, 3, '0') AS code FROM generate_series(800, 899) x WHERE NOT EXISTS (SELECT 1 FROM municipality WHERE code = lpad(x::text, 3, '0')) ORDER BY random() LIMIT 1`,
  )).rows[0]?.code as string;
  const municipalityId = (await db().query<{ id: string }>('INSERT INTO municipality (code, name) VALUES ($1, $2) RETURNING id', [code, `Flytteby ${code}`])).rows[0]?.id as string;
  const email = `staff-${randomUUID().slice(0, 8)}@third.test`;
  const userId = (await db().query<{ id: string }>(
    `INSERT INTO app_user (municipality_id, email, display_name, role, password_hash)
     SELECT $1, $2, 'Tredje medarbejder', 'staff', password_hash FROM app_user WHERE email = 'staff@odense.demo' RETURNING id`,
    [municipalityId, email],
  )).rows[0]?.id as string;
  third = { email, municipalityId, userId };
});

const asTown = (municipalityId: string, userId: string, handoverIds: string[] = []) => ({
  'app.role': 'staff', 'app.municipality_id': municipalityId, 'app.user_id': userId, 'app.handover_ids': handoverIds.join(','),
});

const transition = (id: string, body: Record<string, unknown>) => call<Enrolment & ApiErrorBody>('POST', `/api/enrolments/${id}/transitions`, body, { as: staff.aarhus });
const handOver = (body: Record<string, unknown>, as: string = staff.aarhus) => call<H>('POST', '/api/handovers', body, { as });
const record = (id: string, as: string = staff.odense) => call<HandoverRecord & ApiErrorBody>('GET', `/api/handovers/${id}/record`, undefined, { as });
const accept = (h: { id: string; version: number }, as: string = staff.odense) =>
  call<H>('POST', `/api/handovers/${h.id}/acceptance`, { programmeId: DEMO_IDS.programmes.icm, centreId: DEMO_IDS.centres.odenseSyd, version: h.version }, { as });

/** An Aarhus citizen whose course ended transferred to Odense, handed over. */
async function handedOver(): Promise<{ citizen: Citizen; enrolmentId: string; handover: Handover }> {
  const course = await activeEnrolment('aarhus');
  const citizen = (await call<Citizen>('GET', `/api/citizens/${course.citizenId}`, undefined, { as: staff.aarhus })).body;
  const ended = await transition(course.id, { to: 'transferred', date: today(), endStatus: 'transferred', transferredToMunicipalityId: ODENSE, version: course.version });
  if (ended.status !== 200) throw new Error(`ending answered ${ended.status}: ${JSON.stringify(ended.body)}`);
  const made = await handOver({ citizenId: citizen.id, toMunicipalityId: ODENSE, enrolmentId: course.id, message: 'Borgeren flytter til Odense den 1.' });
  if (made.status !== 201) throw new Error(`hand-over answered ${made.status}: ${JSON.stringify(made.body)}`);
  return { citizen, enrolmentId: course.id, handover: made.body };
}

interface LogRow { municipality_id: string; user_id: string; action: string; resource: string; citizen_id: string | null; outcome: string }
const logOf = async (id: string): Promise<LogRow[]> =>
  (await db().query<LogRow>('SELECT municipality_id, user_id, action, resource, citizen_id, outcome FROM access_log WHERE record_id = $1 ORDER BY seq', [id])).rows;

/** What the app role's SQL shows of the old citizen's rows, as a municipality's staff naming the hand-over. */
async function visibleRows(municipalityId: string, userId: string, handoverId: string, citizenId: string): Promise<number[]> {
  return asAppRole(asTown(municipalityId, userId, [handoverId]), async (client) => {
    const counts: number[] = [];
    for (const sql of [
      'SELECT count(*) AS n FROM citizen WHERE id = $1',
      'SELECT count(*) AS n FROM enrolment WHERE citizen_id = $1',
      'SELECT count(*) AS n FROM enrolment_transition WHERE enrolment_id IN (SELECT id FROM enrolment WHERE citizen_id = $1)',
      'SELECT count(*) AS n FROM app_shared_citizen_ids() x WHERE x = $1',
    ]) counts.push(Number((await client.query<{ n: string }>(sql, [citizenId])).rows[0]?.n));
    return counts;
  });
}

describe('ending a course transferred', () => {
  it('needs the destination municipality: 400 naming transferredToMunicipalityId, nothing written', async () => {
    const course = await activeEnrolment('aarhus');
    const base = { to: 'transferred', date: today(), endStatus: 'transferred', version: course.version };
    for (const [extra, rule] of [
      [{}, 'required'],
      [{ transferredToMunicipalityId: AARHUS }, 'another municipality'],
      [{ transferredToMunicipalityId: randomUUID() }, 'must name a municipality'],
      [{ transferredToMunicipalityId: 'Odense' }, 'UUID'],
    ] as const) {
      const res = await transition(course.id, { ...base, ...extra });
      expect([res.status, Object.keys(res.body.errors ?? {})]).toEqual([400, ['transferredToMunicipalityId']]);
      expect(res.body.errors?.transferredToMunicipalityId).toContain(rule);
    }
    // Another end names none.
    const completed = await transition(course.id, { to: 'completed', date: today(), endStatus: 'drug_free', transferredToMunicipalityId: ODENSE, version: course.version });
    expect([completed.status, Object.keys(completed.body.errors ?? {})]).toEqual([400, ['transferredToMunicipalityId']]);
    expect((await db().query('SELECT state FROM enrolment WHERE id = $1', [course.id])).rows).toEqual([{ state: 'active' }]);

    const ended = await transition(course.id, { ...base, transferredToMunicipalityId: ODENSE });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ state: 'transferred', endStatus: 'transferred', transferredToMunicipalityId: ODENSE });
  });
});

describe('a hand-over accepted', () => {
  it('opens Odense’s own citizen and course, lets its staff read the old record for 90 days in both logs, and a third municipality nothing', async () => {
    const { citizen, enrolmentId, handover } = await handedOver();
    expect(handover).toMatchObject({ direction: 'outgoing', state: 'sent', citizenId: citizen.id, enrolmentId, fromMunicipalityId: AARHUS, toMunicipalityId: ODENSE, toMunicipalityName: 'Odense', readable: false });

    // Before accepting, Odense sees the hand-over as it shows itself, and cannot read the record.
    const incoming = await call<Handover[]>('GET', '/api/handovers/incoming', undefined, { as: staff.odense });
    const theirs = incoming.body.find((h) => h.id === handover.id);
    expect(theirs).toMatchObject({ direction: 'incoming', state: 'sent', citizenId: null, enrolmentId: null, firstName: citizen.firstName, lastName: citizen.lastName, message: 'Borgeren flytter til Odense den 1.' });
    expect((await record(handover.id)).status).toBe(409);
    expect(await visibleRows(ODENSE, DEMO_IDS.users.odense.staff, handover.id, citizen.id)).toEqual([0, 0, 0, 0]);

    const accepted = await accept(handover);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ direction: 'incoming', state: 'accepted', readable: true });
    expect(Date.parse(accepted.body.readUntil as string) - Date.parse(accepted.body.answeredAt as string)).toBe(90 * DAY);
    // Odense's own records: a new citizen with the same CPR number and a course at Odense Syd.
    const odenseCitizenId = accepted.body.citizenId as string;
    expect(odenseCitizenId).not.toBe(citizen.id);
    expect((await call<Citizen>('GET', `/api/citizens/${odenseCitizenId}`, undefined, { as: staff.odense })).body).toMatchObject({ municipalityId: ODENSE, cpr: citizen.cpr });
    expect((await call<Enrolment>('GET', `/api/enrolments/${accepted.body.enrolmentId}`, undefined, { as: staff.odense })).body).toMatchObject({ citizenId: odenseCitizenId, centreId: DEMO_IDS.centres.odenseSyd, state: 'referred' });

    // The old record, read-only: the citizen and the transferred course.
    const read = await record(handover.id);
    expect(read.status).toBe(200);
    expect(read.body.citizen).toMatchObject({ id: citizen.id, firstName: citizen.firstName, lastName: citizen.lastName, cpr: citizen.cpr });
    expect(read.body.enrolments.map((e) => [e.id, e.state])).toEqual([[enrolmentId, 'transferred']]);
    // Any Odense staff member reads under it (it is the municipality's), through this route only.
    expect((await call('GET', `/api/citizens/${citizen.id}`, undefined, { as: staff.odense })).status).toBe(404);
    expect(await visibleRows(ODENSE, DEMO_IDS.users.odense.staff, handover.id, citizen.id)).toEqual([1, 1, 3, 1]);
    // Without naming the hand-over, Odense's SQL sees nothing of Aarhus (its lists and reports stay its own).
    expect(await asAppRole(asTown(ODENSE, DEMO_IDS.users.odense.staff), async (c) => (await c.query('SELECT id FROM citizen WHERE id = $1', [citizen.id])).rows)).toEqual([]);
    // The app role cannot write under it.
    await asAppRole(asTown(ODENSE, DEMO_IDS.users.odense.staff, [handover.id]), async (c) => {
      expect((await c.query("UPDATE enrolment SET end_reason = 'x' WHERE id = $1", [enrolmentId])).rowCount).toBe(0);
      expect((await c.query('SELECT * FROM handover WHERE id = $1', [handover.id])).rows).toEqual([]);
    });
    // A third municipality, naming the hand-over, sees nothing; nor through the functions; nor over HTTP.
    expect(await visibleRows(third.municipalityId, third.userId, handover.id, citizen.id)).toEqual([0, 0, 0, 0]);
    await asAppRole(asTown(third.municipalityId, third.userId, [handover.id]), async (c) => {
      expect((await c.query('SELECT * FROM handover_incoming(NULL)')).rows).toEqual([]);
      expect((await c.query("SELECT handover_answer($1, $2, 'declined', 'x', NULL) AS n", [handover.id, accepted.body.version])).rows[0]?.n).toBe(0);
    });
    expect((await record(handover.id, third.email)).status).toBe(404);
    // Odense's admin (who reads no citizen) is not staff: the database shares nothing with them.
    await asAppRole({ 'app.role': 'admin', 'app.municipality_id': ODENSE, 'app.user_id': DEMO_IDS.users.odense.admin, 'app.handover_ids': handover.id }, async (c) => {
      expect((await c.query('SELECT * FROM app_shared_citizen_ids()')).rows).toEqual([]);
    });

    // Both logs: the hand-over (created in Aarhus's; accepted in both) and the read (in both), by the Odense user.
    const who = DEMO_IDS.users.odense.staff;
    const rows = (await logOf(handover.id)).filter((r) => r.outcome === 'ok' && r.resource === 'handovers');
    expect(rows.filter((r) => r.action !== 'search').map((r) => [r.action, r.municipality_id, r.user_id, r.citizen_id])).toEqual([
      ['create', AARHUS, DEMO_IDS.users.aarhus.staff, citizen.id],
      ['update', ODENSE, who, odenseCitizenId], ['update', AARHUS, who, citizen.id],
      ['read', ODENSE, who, citizen.id], ['read', AARHUS, who, citizen.id],
    ]);
    const aarhusLog = await call<{ municipalityId: string; userId: string; citizenId: string }[]>('GET', listPath('access-log', { filter: { recordId: handover.id, action: 'read' } }), undefined, { as: admins.aarhus });
    expect(aarhusLog.body.map((r) => [r.municipalityId, r.userId, r.citizenId])).toEqual([[AARHUS, who, citizen.id]]);
    for (const admin of [admins.aarhus, admins.odense]) {
      expect((await call<AccessLogVerification>('GET', '/api/access-log/verify', undefined, { as: admin })).body).toMatchObject({ ok: true, firstBrokenSeq: null });
    }

    // Expired (moved into the past by the database owner): 410, nothing readable, the refused attempt in Odense's log only (decision 126).
    await db().query(`UPDATE handover SET read_until = now() - interval '1 minute' WHERE id = $1`, [handover.id]);
    const late = await record(handover.id);
    expect([late.status, late.body.code]).toEqual([410, 'GONE']);
    expect(JSON.stringify(late.body)).not.toContain(citizen.lastName);
    expect(await visibleRows(ODENSE, DEMO_IDS.users.odense.staff, handover.id, citizen.id)).toEqual([0, 0, 0, 0]);
    expect((await logOf(handover.id)).filter((r) => r.action === 'read' && r.outcome === 'ok')).toHaveLength(2);
    // Two refused attempts, each in Odense's log only: the read before the acceptance (409) and this one.
    expect((await logOf(handover.id)).filter((r) => r.outcome === 'refused').map((r) => [r.municipality_id, r.user_id, r.citizen_id])).toEqual([
      [ODENSE, DEMO_IDS.users.odense.staff, null],
      [ODENSE, DEMO_IDS.users.odense.staff, null],
    ]);
  });
});

describe('declined and withdrawn hand-overs', () => {
  it('a declined one shows its reason to Aarhus and gives Odense nothing', async () => {
    const { citizen, handover } = await handedOver();
    const noReason = await call<H>('POST', `/api/handovers/${handover.id}/refusal`, { version: handover.version }, { as: staff.odense });
    expect([noReason.status, Object.keys(noReason.body.errors ?? {})]).toEqual([400, ['reason']]);
    const declined = await call<H>('POST', `/api/handovers/${handover.id}/refusal`, { reason: 'Borgeren er ikke tilflyttet', version: handover.version }, { as: staff.odense });
    expect(declined.status).toBe(200);
    expect(declined.body.state).toBe('declined');
    expect((await call<H>('GET', `/api/handovers/${handover.id}`, undefined, { as: staff.aarhus })).body).toMatchObject({ state: 'declined', reason: 'Borgeren er ikke tilflyttet' });
    expect((await call<H>('GET', `/api/handovers/${handover.id}`, undefined, { as: staff.odense })).status).toBe(404);
    expect((await record(handover.id)).status).toBe(404);
    expect(await visibleRows(ODENSE, DEMO_IDS.users.odense.staff, handover.id, citizen.id)).toEqual([0, 0, 0, 0]);
    // Answered once: a later acceptance or withdrawal is 409.
    expect((await accept({ id: handover.id, version: declined.body.version })).status).toBe(404);
    const late = await call<H>('POST', `/api/handovers/${handover.id}/withdrawal`, { reason: 'For sent', version: declined.body.version }, { as: staff.aarhus });
    expect([late.status, late.body.code]).toEqual([409, 'HANDOVER_ANSWERED']);
  });

  it('a withdrawn one gives Odense nothing, and cannot be accepted', async () => {
    const { citizen, handover } = await handedOver();
    expect((await call<H>('POST', `/api/handovers/${handover.id}/withdrawal`, { reason: 'Forkert kommune', version: handover.version + 1 }, { as: staff.aarhus })).status).toBe(409);
    const withdrawn = await call<H>('POST', `/api/handovers/${handover.id}/withdrawal`, { reason: 'Forkert kommune', version: handover.version }, { as: staff.aarhus });
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', reason: 'Forkert kommune' });
    expect((await call<Handover[]>('GET', '/api/handovers/incoming', undefined, { as: staff.odense })).body.map((h) => h.id)).not.toContain(handover.id);
    expect((await accept(handover)).status).toBe(404);
    await asAppRole(asTown(ODENSE, DEMO_IDS.users.odense.staff, [handover.id]), async (c) => {
      expect((await c.query("SELECT handover_answer($1, $2, 'accepted', NULL, (SELECT id FROM enrolment WHERE municipality_id = $3 LIMIT 1)) AS n", [handover.id, withdrawn.body.version, ODENSE])).rows[0]?.n).toBe(0);
    });
    expect(await visibleRows(ODENSE, DEMO_IDS.users.odense.staff, handover.id, citizen.id)).toEqual([0, 0, 0, 0]);
    // Even if the owner marked it accepted behind the API's back, a withdrawn state is no basis.
    expect((await db().query('SELECT state FROM handover WHERE id = $1', [handover.id])).rows).toEqual([{ state: 'withdrawn' }]);
  });
});

describe('bad input: 400/409 naming why, nothing written', () => {
  it('refuses the own municipality, an unknown one, another municipality’s citizen, a course not transferred there, and a second sent one', async () => {
    const count = async (): Promise<number> => Number((await db().query<{ n: string }>('SELECT count(*) AS n FROM handover')).rows[0]?.n);
    const course = await activeEnrolment('aarhus');
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ citizenId: course.citizenId, toMunicipalityId: AARHUS }, 'toMunicipalityId'],
      [{ citizenId: course.citizenId, toMunicipalityId: randomUUID() }, 'toMunicipalityId'],
      [{ citizenId: course.citizenId }, 'toMunicipalityId'],
      [{ citizenId: (await activeEnrolment('odense')).citizenId, toMunicipalityId: ODENSE }, 'citizenId'],
      [{ citizenId: course.citizenId, toMunicipalityId: ODENSE, enrolmentId: course.id }, 'enrolmentId'],
      [{ citizenId: course.citizenId, toMunicipalityId: ODENSE, message: 'x'.repeat(2001) }, 'message'],
    ];
    for (const [body, field] of cases) {
      const res = await handOver(body);
      expect([res.status, Object.keys(res.body.errors ?? {})]).toEqual([400, [field]]);
    }
    expect(await count()).toBe(before);
    expect((await handOver({ citizenId: course.citizenId, toMunicipalityId: ODENSE })).status).toBe(201);
    const again = await handOver({ citizenId: course.citizenId, toMunicipalityId: ODENSE });
    expect([again.status, again.body.code]).toEqual([409, 'DUPLICATE']);
    // The admin (who reads no citizen) hands no one over.
    expect((await handOver({ citizenId: course.citizenId, toMunicipalityId: ODENSE }, admins.aarhus)).status).toBe(403);
  });
});
