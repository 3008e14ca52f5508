import type { AccessLogEntry, AccessLogVerification, Citizen, EmergencyAccess, EmergencyRecord, Municipality } from '@outcomes/contracts';
import { randomUUID } from 'node:crypto';
import { DEMO_IDS } from '@outcomes/seeds';
import { activeEnrolment, admins, createCitizen, createUser, staff } from './support/fixtures';
import { call, closeDb, db, listPath, tokenFor } from './support/http';

afterAll(closeDb);

/**
 * Emergency access (break-the-glass, issue 22; docs/decisions.md 81-84) over HTTP against the built
 * API: an Odense staff member opens an Aarhus citizen's record with a reason, reads it, and every read
 * is in both municipalities' logs; it expires; Aarhus's admin reviews it. Expected values are written
 * here by hand (the demo ids, 24 hours), never read from the code under test.
 */

const AARHUS = DEMO_IDS.municipalities.aarhus;
const ODENSE = DEMO_IDS.municipalities.odense;
const REASON = 'Borgeren er indlagt akut og har brug for kendt behandlingsforløb';
const HOUR = 3600 * 1000;

const open = (cpr: unknown, reason: unknown, as: string = staff.odense) =>
  call<EmergencyAccess & { code?: string; errors?: Record<string, string> }>('POST', '/api/emergency-accesses', { cpr, reason }, { as });
const record = (id: string, as: string = staff.odense) => call<EmergencyRecord & { code?: string }>('GET', `/api/emergency-accesses/${id}/record`, undefined, { as });

/** An Aarhus citizen in treatment, with their CPR number as Aarhus's own staff see it. */
async function aarhusCitizenInTreatment(): Promise<{ citizen: Citizen; enrolmentId: string }> {
  const enrolment = await activeEnrolment('aarhus');
  const citizen = await call<Citizen>('GET', `/api/citizens/${enrolment.citizenId}`, undefined, { as: staff.aarhus });
  expect(citizen.status).toBe(200);
  return { citizen: citizen.body, enrolmentId: enrolment.id };
}

interface LogRow { municipality_id: string; user_id: string; action: string; resource: string; citizen_id: string | null; outcome: string }
const logOf = async (accessId: string): Promise<LogRow[]> =>
  (await db().query<LogRow>('SELECT municipality_id, user_id, action, resource, citizen_id, outcome FROM access_log WHERE record_id = $1 ORDER BY seq', [accessId])).rows;

const accessRows = async (citizenId: string): Promise<number> => Number((await db().query<{ n: string }>('SELECT count(*) AS n FROM emergency_access WHERE citizen_id = $1', [citizenId])).rows[0]?.n);

describe('breaking the glass', () => {
  it('opens another municipality’s citizen for 24 hours, read-only, every read in both logs; after expiry nothing is shown', async () => {
    const { citizen, enrolmentId } = await aarhusCitizenInTreatment();
    const opened = await open(citizen.cpr, REASON);
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ municipalityId: AARHUS, accessorMunicipalityId: ODENSE, accessorUserId: DEMO_IDS.users.odense.staff, citizenId: citizen.id, reviewState: 'pending', active: true });
    expect(Date.parse(opened.body.expiresAt) - Date.parse(opened.body.openedAt)).toBe(24 * HOUR);
    // The opening names no one: no name, no CPR number.
    expect(JSON.stringify(opened.body)).not.toContain(citizen.lastName);
    expect(JSON.stringify(opened.body)).not.toContain(citizen.cpr as string);

    const read = await record(opened.body.id);
    expect(read.status).toBe(200);
    expect(read.body.citizen).toMatchObject({ id: citizen.id, firstName: citizen.firstName, lastName: citizen.lastName, cpr: citizen.cpr });
    expect(read.body.enrolments.map((e) => [e.id, e.state])).toEqual([[enrolmentId, 'active']]);

    // Both logs: the opening and the read, each once in Odense's log and once in Aarhus's, by the Odense user.
    const rows = await logOf(opened.body.id);
    const who = DEMO_IDS.users.odense.staff;
    expect(rows.filter((r) => r.outcome === 'ok' && r.resource === 'emergency-accesses').map((r) => [r.action, r.municipality_id, r.user_id, r.citizen_id])).toEqual([
      ['create', ODENSE, who, citizen.id], ['create', AARHUS, who, citizen.id],
      ['read', ODENSE, who, citizen.id], ['read', AARHUS, who, citizen.id],
    ]);
    // Each admin sees their side in their own log, through the API; and the chain still verifies.
    const aarhusLog = await call<AccessLogEntry[]>('GET', listPath('access-log', { filter: { recordId: opened.body.id, action: 'read' } }), undefined, { as: admins.aarhus });
    expect(aarhusLog.body.map((r) => [r.municipalityId, r.userId, r.citizenId])).toEqual([[AARHUS, who, citizen.id]]);
    const odenseLog = await call<AccessLogEntry[]>('GET', listPath('access-log', { filter: { recordId: opened.body.id, action: 'read' } }), undefined, { as: admins.odense });
    expect(odenseLog.body.map((r) => [r.municipalityId, r.userId, r.citizenId])).toEqual([[ODENSE, who, citizen.id]]);
    for (const admin of [admins.aarhus, admins.odense]) {
      expect((await call<AccessLogVerification>('GET', '/api/access-log/verify', undefined, { as: admin })).body).toMatchObject({ ok: true, firstBrokenSeq: null });
    }
    // One row in each municipality's own chain (decision 127): each follows the previous row of its municipality, not the other's.
    const links = (
      await db().query<{ municipality_id: string; linked: boolean }>(
        `SELECT l.municipality_id, l.prev_hash = (SELECT p.hash FROM access_log p WHERE p.municipality_id = l.municipality_id AND p.seq < l.seq ORDER BY p.seq DESC LIMIT 1) AS linked
         FROM access_log l WHERE l.record_id = $1 AND l.action = 'read' ORDER BY l.seq`,
        [opened.body.id],
      )
    ).rows;
    expect(links).toEqual([{ municipality_id: ODENSE, linked: true }, { municipality_id: AARHUS, linked: true }]);

    // Expired (moved into the past by the database owner): 410, no further read, and the refused
    // attempt is in both logs (decision 115), naming the Odense user and the citizen.
    await db().query(`UPDATE emergency_access SET opened_at = now() - interval '25 hours', expires_at = now() - interval '1 hour' WHERE id = $1`, [opened.body.id]);
    const late = await record(opened.body.id);
    expect(late.status).toBe(410);
    expect(late.body.code).toBe('GONE');
    expect(JSON.stringify(late.body)).not.toContain(citizen.lastName);
    const after = await logOf(opened.body.id);
    expect(after.filter((r) => r.action === 'read' && r.outcome === 'ok')).toHaveLength(2);
    expect(after.filter((r) => r.outcome === 'refused').map((r) => [r.action, r.municipality_id, r.user_id, r.citizen_id])).toEqual([
      ['read', ODENSE, who, citizen.id], ['read', AARHUS, who, citizen.id],
    ]);
    // Aarhus's admin finds the attempt in their own log through the API; the chain still verifies.
    const refusedInAarhus = await call<AccessLogEntry[]>('GET', listPath('access-log', { filter: { recordId: opened.body.id, outcome: 'refused' } }), undefined, { as: admins.aarhus });
    expect(refusedInAarhus.body.map((r) => [r.municipalityId, r.userId, r.citizenId, r.action])).toEqual([[AARHUS, who, citizen.id, 'read']]);
    for (const admin of [admins.aarhus, admins.odense]) {
      expect((await call<AccessLogVerification>('GET', '/api/access-log/verify', undefined, { as: admin })).body).toMatchObject({ ok: true, firstBrokenSeq: null });
    }
    expect((await call<EmergencyAccess>('GET', `/api/emergency-accesses/${opened.body.id}`, undefined, { as: staff.odense })).body.active).toBe(false);
  });

  it('gives the record to no one else: a colleague (404), the opener’s admin (403), the owner’s staff (404)', async () => {
    const { citizen } = await aarhusCitizenInTreatment();
    const opened = await open(citizen.cpr, REASON);
    expect(opened.status).toBe(201);
    const colleague = await createUser('odense', 'staff');
    await tokenFor(colleague.email, colleague.password);
    expect((await record(opened.body.id, colleague.email)).status).toBe(404);
    expect((await record(opened.body.id, admins.odense)).status).toBe(403);
    expect((await record(opened.body.id, staff.aarhus)).status).toBe(404);
    // The refusals are logged: the admin's in Odense's own log (refused), the others as not found.
    const refused = (await logOf(opened.body.id)).filter((r) => r.action === 'read' && r.outcome !== 'ok');
    expect(refused.map((r) => [r.municipality_id, r.user_id, r.outcome])).toEqual(
      expect.arrayContaining([[ODENSE, DEMO_IDS.users.odense.admin, 'refused'], [ODENSE, colleague.id, 'not-found'], [AARHUS, DEMO_IDS.users.aarhus.staff, 'not-found']]),
    );
    expect(refused.filter((r) => r.outcome === 'refused')).toEqual([expect.objectContaining({ municipality_id: ODENSE, citizen_id: citizen.id })]);
    // Nor does the colleague's own ordinary route see the citizen.
    expect((await call('GET', `/api/citizens/${citizen.id}`, undefined, { as: colleague.email })).status).toBe(404);
    // And the opener's ordinary routes do not either: only the emergency route reads under the access.
    expect((await call('GET', `/api/citizens/${citizen.id}`, undefined, { as: staff.odense })).status).toBe(404);
  });
});

describe('the citizen’s consents under an emergency access (decision 170)', () => {
  /** citizen_consent as the API's role sees it with these tenant settings, in a transaction rolled back: the policy alone decides. */
  async function consentRowsAs(user: { id: string; municipalityId: string }, accessId: string, citizenId: string): Promise<number> {
    const client = await db().connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL ROLE outcomes_app');
      await client.query(
        `SELECT set_config('app.user_id', $1, true), set_config('app.role', 'staff', true), set_config('app.municipality_id', $2, true),
                set_config('app.municipality_ids', $2, true), set_config('app.emergency_access_ids', $3, true)`,
        [user.id, user.municipalityId, accessId],
      );
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM citizen_consent WHERE citizen_id = $1', [citizenId]);
      return Number(rows[0]?.n);
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
    }
  }

  it('shows the opener each purpose’s current consent while the access lasts, logged in both municipalities; nobody else, and not after expiry', async () => {
    const citizen = await createCitizen('aarhus');
    expect((await db().query('SELECT 1 FROM citizen_consent WHERE citizen_id = $1', [citizen.id])).rows).toEqual([]);
    // Aarhus records: psychiatry given, then withdrawn; relatives refused.
    for (const [purpose, event, onDate, basedOnEntry] of [
      ['psychiatry', 'given', '2026-11-01', 0],
      ['relatives', 'refused', '2026-11-02', 0],
      ['psychiatry', 'withdrawn', '2026-11-20', 1],
    ] as const) {
      const recorded = await call('POST', `/api/citizens/${citizen.id}/consents`, { purpose, event, onDate, basedOnEntry }, { as: staff.aarhus });
      expect(recorded.status).toBe(201);
    }
    const opened = await open(citizen.cpr, REASON);
    expect(opened.status).toBe(201);
    const read = await record(opened.body.id);
    expect(read.status).toBe(200);
    // The latest entry per purpose, in the code list's order (psychiatry 30, relatives 40), with both labels.
    expect(read.body.consents).toEqual([
      { purpose: 'psychiatry', labelDa: 'Deling med regionens psykiatri', labelEn: 'Sharing with the region\'s psychiatry', event: 'withdrawn', onDate: '2026-11-20' },
      { purpose: 'relatives', labelDa: 'Deling med pårørende', labelEn: 'Sharing with relatives', event: 'refused', onDate: '2026-11-02' },
    ]);
    // The read (the consents with it) is in both logs, once each, as the Odense user's.
    const who = DEMO_IDS.users.odense.staff;
    expect((await logOf(opened.body.id)).filter((r) => r.action === 'read' && r.outcome === 'ok').map((r) => [r.municipality_id, r.user_id, r.citizen_id])).toEqual([
      [ODENSE, who, citizen.id], [AARHUS, who, citizen.id],
    ]);

    // The policy itself: the opener sees the three entries; a colleague naming the same access, and
    // staff of a third municipality, see none; Aarhus's own rows stay Aarhus's.
    const colleague = await createUser('odense', 'staff');
    await tokenFor(colleague.email, colleague.password);
    // A third municipality as the policy sees one: only the settings count, not a row of `municipality`.
    const third = randomUUID();
    expect(await consentRowsAs({ id: who, municipalityId: ODENSE }, opened.body.id, citizen.id)).toBe(3);
    expect(await consentRowsAs({ id: colleague.id, municipalityId: ODENSE }, opened.body.id, citizen.id)).toBe(0);
    expect(await consentRowsAs({ id: who, municipalityId: third }, opened.body.id, citizen.id)).toBe(0);
    expect(await consentRowsAs({ id: colleague.id, municipalityId: third }, opened.body.id, citizen.id)).toBe(0);
    // Through the API, the colleague gets no record at all.
    expect((await record(opened.body.id, colleague.email)).status).toBe(404);

    // Expired: 410, and the policy shares nothing any more.
    await db().query(`UPDATE emergency_access SET opened_at = now() - interval '25 hours', expires_at = now() - interval '1 hour' WHERE id = $1`, [opened.body.id]);
    const late = await record(opened.body.id);
    expect(late.status).toBe(410);
    expect(JSON.stringify(late.body)).not.toContain('psychiatry');
    expect(await consentRowsAs({ id: who, municipalityId: ODENSE }, opened.body.id, citizen.id)).toBe(0);
  });
});

describe('bad input: 400/409 naming why, nothing written', () => {
  it('refuses a missing or empty reason, naming reason', async () => {
    const { citizen } = await aarhusCitizenInTreatment();
    for (const reason of [undefined, '', '   ', 'akut']) {
      const res = await open(citizen.cpr, reason);
      expect([res.status, Object.keys(res.body.errors ?? {})]).toEqual([400, ['reason']]);
    }
    expect(await accessRows(citizen.id)).toBe(0);
  });

  it('refuses a citizen of the own municipality with 409 OWN_CITIZEN naming cpr', async () => {
    const own = await createCitizen('odense');
    const res = await open(own.cpr, REASON);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'OWN_CITIZEN', errors: { cpr: expect.stringContaining('own municipality') } });
    expect(await accessRows(own.id)).toBe(0);
  });

  it('refuses a malformed CPR number naming cpr, and answers 404 for one no other municipality has', async () => {
    expect((await open('12345', REASON)).body.errors).toHaveProperty('cpr');
    expect((await open('0101701234', REASON)).status).toBe(404);
  });

  it('refuses the admin (who reads no citizen) and the coordinator: 403', async () => {
    const { citizen } = await aarhusCitizenInTreatment();
    expect((await open(citizen.cpr, REASON, admins.odense)).status).toBe(403);
    expect((await open(citizen.cpr, REASON, 'coordinator@odense.demo')).status).toBe(403);
    expect(await accessRows(citizen.id)).toBe(0);
  });
});

describe('the owner’s review queue', () => {
  it('shows the opening to Aarhus’s admin as pending; they mark it reviewed, then raised; Odense’s admin may not', async () => {
    const { citizen } = await aarhusCitizenInTreatment();
    const opened = await open(citizen.cpr, REASON);
    const queue = await call<EmergencyAccess[]>('GET', listPath('emergency-accesses', { filter: { municipalityId: AARHUS, reviewState: 'pending' }, sort: ['openedAt', 'DESC'], range: [0, 49] }), undefined, { as: admins.aarhus });
    expect(queue.body.find((a) => a.id === opened.body.id)).toMatchObject({ reason: REASON, accessorName: 'Behandler (Odense)', accessorMunicipalityName: 'Odense', reviewState: 'pending' });
    // The queue names no citizen: the admin reads no citizen (decision 74).
    expect(JSON.stringify(queue.body)).not.toContain(citizen.lastName);

    const refused = await call('POST', `/api/emergency-accesses/${opened.body.id}/review`, { reviewState: 'reviewed', version: 1 }, { as: admins.odense });
    expect(refused.status).toBe(403);
    const reviewed = await call<EmergencyAccess>('POST', `/api/emergency-accesses/${opened.body.id}/review`, { reviewState: 'reviewed', reviewNote: 'Bekræftet med skadestuen', version: 1 }, { as: admins.aarhus });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ reviewState: 'reviewed', reviewNote: 'Bekræftet med skadestuen', reviewedByUserId: DEMO_IDS.users.aarhus.admin });
    const raised = await call<EmergencyAccess>('POST', `/api/emergency-accesses/${opened.body.id}/review`, { reviewState: 'raised', version: reviewed.body.version }, { as: admins.aarhus });
    expect(raised.body.reviewState).toBe('raised');
    const bad = await call<{ errors?: Record<string, string> }>('POST', `/api/emergency-accesses/${opened.body.id}/review`, { reviewState: 'pending', version: raised.body.version }, { as: admins.aarhus });
    expect([bad.status, Object.keys(bad.body.errors ?? {})]).toEqual([400, ['reviewState']]);
    // The opener's own admin sees their staff's opening and its review.
    const mine = await call<EmergencyAccess>('GET', `/api/emergency-accesses/${opened.body.id}`, undefined, { as: admins.odense });
    expect(mine.body.reviewState).toBe('raised');
  });

  it('takes the owner’s setting: Odense’s admin sets 2 hours, and an opening of an Odense citizen lasts 2 hours', async () => {
    const current = await call<Municipality>('GET', `/api/municipalities/${ODENSE}`, undefined, { as: admins.odense });
    const body = { code: current.body.code, name: current.body.name, hourlyRate: current.body.hourlyRate };
    const tooLong = await call<{ errors?: Record<string, string> }>('PUT', `/api/municipalities/${ODENSE}`, { ...body, emergencyAccessHours: 73, version: current.body.version }, { as: admins.odense });
    expect([tooLong.status, Object.keys(tooLong.body.errors ?? {})]).toEqual([400, ['emergencyAccessHours']]);
    const set = await call<Municipality>('PUT', `/api/municipalities/${ODENSE}`, { ...body, emergencyAccessHours: 2, version: current.body.version }, { as: admins.odense });
    expect([set.status, set.body.emergencyAccessHours]).toEqual([200, 2]);
    try {
      const odenseCitizen = await createCitizen('odense');
      const opened = await open(odenseCitizen.cpr, REASON, staff.aarhus);
      expect(opened.status).toBe(201);
      expect(Date.parse(opened.body.expiresAt) - Date.parse(opened.body.openedAt)).toBe(2 * HOUR);
    } finally {
      await db().query('UPDATE municipality SET emergency_access_hours = 24 WHERE id = $1', [ODENSE]);
    }
  });
});
