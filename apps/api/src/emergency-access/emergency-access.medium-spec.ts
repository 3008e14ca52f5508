import { randomUUID } from 'node:crypto';
import { DEMO_IDS } from '@outcomes/seeds';
import { AccessLogWriter } from '../audit/access-log.writer';
import type { AuthUser } from '../auth/auth-user';
import type { AppConfig } from '../config/config';
import type { CitizenEntity } from '../citizens/citizen.entity';
import { Factories } from '../testing/factories';
import { demoUser, mediumDatabase, refusal } from '../testing/medium';
import type { OpenEmergencyAccessDto, ReviewEmergencyAccessDto } from './dto/emergency-access.dto';
import { EmergencyAccessService } from './emergency-access.service';

const medium = mediumDatabase();
const make = new Factories(() => medium.owner, medium.crypto);
const service = new EmergencyAccessService(medium.db, medium.crypto);
const writer = new AccessLogWriter({ secrets: { auditKey: 'medium-audit-key' } } as AppConfig);

const AARHUS = DEMO_IDS.municipalities.aarhus;
const ODENSE = DEMO_IDS.municipalities.odense;
const odenseStaff = demoUser('odense', 'staff');
const odenseAdmin = demoUser('odense', 'admin');
const aarhusAdmin = demoUser('aarhus', 'admin');
const REASON = 'Indlagt akut på skadestuen, behøver kendt medicinering og behandlingsforløb';

const cprOf = (c: CitizenEntity): string => medium.crypto.decrypt('cpr', c.cprEncrypted as string);
const open = (user: AuthUser, cpr: string, reason = REASON) => medium.as(user, () => service.open({ cpr, reason } as OpenEmergencyAccessDto));

/** A further user (a colleague, or staff of a third municipality), made by the owner. */
async function userOf(municipalityId: string, role: 'staff' | 'admin', name: string): Promise<AuthUser> {
  const id = randomUUID();
  await medium.owner.query(`INSERT INTO app_user (id, municipality_id, email, display_name, role, password_hash) VALUES ($1, $2, $3, $4, $5, 'x')`, [id, municipalityId, `${id}@medium.test`, name, role]);
  return { ...odenseStaff, id, email: `${id}@medium.test`, displayName: name, role, municipalityId };
}

async function thirdMunicipality(): Promise<string> {
  const [row] = (await medium.owner.query(`INSERT INTO municipality (code, name) VALUES ('999', 'Tredje Kommune') RETURNING id`)) as [{ id: string }];
  return row.id;
}

/** What the app role's own SQL sees, as `user`, with the transaction naming `accessIds` as the route does. */
function sqlAs<T>(user: AuthUser, accessIds: string[], sql: string, params: unknown[] = []): Promise<T> {
  return medium.as(user, async (ctx) => {
    await ctx.manager.query(`SELECT set_config('app.emergency_access_ids', $1, true)`, [accessIds.join(',')]);
    return ctx.manager.query(sql, params) as Promise<T>;
  });
}

/** Rows a write changed: 0 when row-level security hid every row, or when the role may not write the table at all. */
async function touched(write: Promise<unknown>): Promise<number> {
  try {
    return ((await write) as [unknown[], number])[1];
  } catch (error) {
    if (String((error as Error).message).includes('permission denied')) return 0;
    throw error;
  }
}

/** An Aarhus citizen with an active course and a session, and the other Aarhus citizen beside them. */
async function aarhusCitizen(): Promise<{ citizen: CitizenEntity; enrolmentId: string; bystander: CitizenEntity }> {
  const citizen = await make.citizen('aarhus', { firstName: 'Nødsag', lastName: 'Aarhusen' });
  const enrolment = await make.enrolment('aarhus', { citizen, state: 'active' });
  await make.session(enrolment, 'attended', 3);
  const bystander = await make.citizen('aarhus');
  await make.enrolment('aarhus', { citizen: bystander, state: 'active' });
  return { citizen, enrolmentId: enrolment.id, bystander };
}

describe('EmergencyAccessService: opening', () => {
  it('opens another municipality’s citizen by CPR number, for the owner’s hours, pending review, naming nobody', async () => {
    const { citizen } = await aarhusCitizen();
    await medium.owner.query('UPDATE municipality SET emergency_access_hours = 2 WHERE id = $1', [AARHUS]);
    const access = await open(odenseStaff, cprOf(citizen));
    expect(access).toMatchObject({ municipalityId: AARHUS, municipalityName: 'Aarhus', citizenId: citizen.id, accessorUserId: odenseStaff.id, accessorMunicipalityId: ODENSE, reviewState: 'pending', active: true, reason: REASON });
    expect(Date.parse(access.expiresAt) - Date.parse(access.openedAt)).toBe(2 * 3600 * 1000);
    expect(JSON.stringify(access)).not.toContain('Aarhusen');
  });

  it('refuses the own municipality’s citizen with 409 OWN_CITIZEN naming cpr, and writes nothing', async () => {
    const own = await make.citizen('odense');
    expect(await refusal(open(odenseStaff, cprOf(own)))).toMatchObject({ statusCode: 409, code: 'OWN_CITIZEN', errors: { cpr: expect.stringContaining('your own municipality') } });
    const [{ n }] = (await medium.owner.query('SELECT count(*)::int AS n FROM emergency_access WHERE citizen_id = $1', [own.id])) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('answers 404 for a CPR number no other municipality has', async () => {
    expect(await refusal(open(odenseStaff, '0101701234'))).toMatchObject({ statusCode: 404 });
  });

  it('refuses an admin in the database too (emergency_access_open is for staff)', async () => {
    const { citizen } = await aarhusCitizen();
    const error = (await refusal(medium.as(odenseAdmin, (ctx) => ctx.manager.query('SELECT emergency_access_open($1, $2)', [citizen.cprHash, REASON])))) as { message?: string };
    expect(error.message).toContain('emergency access is for staff');
  });

  it('refuses a reason the database would not keep (under 20 characters), even past the API', async () => {
    const { citizen } = await aarhusCitizen();
    const error = (await refusal(medium.as(odenseStaff, (ctx) => ctx.manager.query('SELECT emergency_access_open($1, $2)', [citizen.cprHash, 'akut']))) ) as { message?: string };
    expect(error.message).toContain('emergency_access_reason_check');
  });
});

describe('EmergencyAccessService: reading under the access', () => {
  it('shows the opener the record read-only and writes each read to both municipalities’ logs', async () => {
    const { citizen, enrolmentId } = await aarhusCitizen();
    const access = await open(odenseStaff, cprOf(citizen));
    const seen = await medium.as(odenseStaff, async (ctx) => {
      const record = await service.record(access.id);
      return { record, accesses: ctx.accesses };
    });
    expect(seen.record.citizen).toMatchObject({ id: citizen.id, firstName: 'Nødsag', lastName: 'Aarhusen', cpr: cprOf(citizen) });
    expect(seen.record.enrolments).toEqual([expect.objectContaining({ id: enrolmentId, state: 'active', programmeName: expect.any(String) })]);
    expect(seen.record.sessions).toHaveLength(1);
    // The accessor's own log (no override: the user's municipality) and the owner's.
    expect(seen.accesses.map((a) => [a.action, a.resource, a.recordId, a.citizenId, a.municipalityId ?? 'own'])).toEqual([
      ['read', 'emergency-accesses', access.id, citizen.id, 'own'],
      ['read', 'emergency-accesses', access.id, citizen.id, AARHUS],
    ]);
  });

  it('lets the database write the owner’s log row only for the shared citizen, as the user, in the owner’s municipality', async () => {
    const { citizen, bystander } = await aarhusCitizen();
    const access = await open(odenseStaff, cprOf(citizen));
    const append = (ids: string[], citizenId: string, municipalityId: string) =>
      medium.as(odenseStaff, async (ctx) => {
        await ctx.manager.query(`SELECT set_config('app.emergency_access_ids', $1, true)`, [ids.join(',')]);
        ctx.accesses.push({ action: 'read', resource: 'emergency-accesses', citizenId, municipalityId, outcome: 'ok' });
        await writer.append(ctx.manager, ctx);
      });
    await expect(append([access.id], citizen.id, AARHUS)).resolves.toBeUndefined();
    // Not naming the access; another citizen of the owner; a log not the citizen's municipality's.
    for (const attempt of [() => append([], citizen.id, AARHUS), () => append([access.id], bystander.id, AARHUS), () => append([access.id], citizen.id, randomUUID())]) {
      expect(((await refusal(attempt())) as { message?: string }).message).toContain('row-level security');
    }
    const rows = (await medium.owner.query('SELECT municipality_id, user_id FROM access_log WHERE citizen_id = $1', [citizen.id])) as { municipality_id: string; user_id: string }[];
    expect(rows).toEqual([{ municipality_id: AARHUS, user_id: odenseStaff.id }]);
  });

  it('lets the app role’s own SQL see the one citizen, and only in a transaction naming the access', async () => {
    const { citizen, enrolmentId } = await aarhusCitizen();
    const access = await open(odenseStaff, cprOf(citizen));
    const foreign = `municipality_id <> '${ODENSE}'`;
    expect(await sqlAs(odenseStaff, [access.id], `SELECT id FROM citizen WHERE ${foreign}`)).toEqual([{ id: citizen.id }]);
    expect(await sqlAs(odenseStaff, [access.id], `SELECT id FROM enrolment WHERE ${foreign}`)).toEqual([{ id: enrolmentId }]);
    expect(await sqlAs(odenseStaff, [access.id], `SELECT count(*)::int AS n FROM enrolment_transition WHERE ${foreign}`)).toEqual([{ n: 2 }]);
    expect(await sqlAs(odenseStaff, [access.id], `SELECT count(*)::int AS n FROM treatment_session WHERE ${foreign}`)).toEqual([{ n: 1 }]);
    // Without the setting (every other route: lists, reports, exports) the citizen is not there.
    expect(await sqlAs(odenseStaff, [], `SELECT id FROM citizen WHERE ${foreign}`)).toEqual([]);
    expect(await sqlAs(odenseStaff, [], `SELECT id FROM enrolment WHERE ${foreign}`)).toEqual([]);
  });

  it('gives the accessor no write: updates and deletes touch nothing, inserts are refused', async () => {
    const { citizen, enrolmentId } = await aarhusCitizen();
    const access = await open(odenseStaff, cprOf(citizen));
    expect(await touched(sqlAs(odenseStaff, [access.id], `UPDATE citizen SET birth_year = 1901 WHERE id = $1`, [citizen.id]))).toBe(0);
    expect(await touched(sqlAs(odenseStaff, [access.id], `UPDATE enrolment SET state = 'dropped_out' WHERE id = $1`, [enrolmentId]))).toBe(0);
    expect(await touched(sqlAs(odenseStaff, [access.id], `DELETE FROM treatment_session WHERE citizen_id = $1`, [citizen.id]))).toBe(0);
    expect(await touched(sqlAs(odenseStaff, [access.id], `DELETE FROM citizen WHERE id = $1`, [citizen.id]))).toBe(0);
    const insert = sqlAs(odenseStaff, [access.id], `INSERT INTO note_version (municipality_id, record_kind, record_id, citizen_id, field, text_encrypted, kind, written_by) VALUES ($1, 'session', $2, $3, 'note', 'x', 'original', $4)`, [AARHUS, randomUUID(), citizen.id, odenseStaff.id]);
    expect(((await refusal(insert)) as { message?: string }).message).toContain('row-level security');
    // Nor may they change the access itself (its expiry is the owner's setting's).
    expect(((await refusal(sqlAs(odenseStaff, [access.id], `UPDATE emergency_access SET expires_at = expires_at + interval '30 days' WHERE id = $1`, [access.id]))) as { message?: string }).message).toContain('permission denied');
    const [after] = (await medium.owner.query('SELECT birth_year FROM citizen WHERE id = $1', [citizen.id])) as [{ birth_year: number }];
    expect(after.birth_year).toBe(1970);
  });

  it('shares nothing with a colleague, an admin, or a third municipality naming the same access', async () => {
    const { citizen } = await aarhusCitizen();
    const access = await open(odenseStaff, cprOf(citizen));
    const colleague = await userOf(ODENSE, 'staff', 'Kollega Odense');
    const third = await userOf(await thirdMunicipality(), 'staff', 'Tredje Staff');
    for (const user of [colleague, odenseAdmin, third, aarhusAdmin]) {
      expect(await sqlAs(user, [access.id], 'SELECT array(SELECT app_shared_citizen_ids()) AS ids')).toEqual([{ ids: [] }]);
      expect(await sqlAs(user, [access.id], 'SELECT count(*)::int AS n FROM citizen WHERE id = $1', [citizen.id])).toEqual([{ n: user === aarhusAdmin ? 1 : 0 }]);
    }
    // The colleague does not even see the opening (its reason is the opener's): 404, as for a missing one.
    expect(await refusal(medium.as(colleague, () => service.record(access.id)))).toMatchObject({ statusCode: 404 });
    expect(await refusal(medium.as(third, () => service.get(access.id)))).toMatchObject({ statusCode: 404 });
    // The accessor's admin sees it (their staff's opening), but reads no record under it.
    expect(await medium.as(odenseAdmin, () => service.get(access.id))).toMatchObject({ id: access.id });
    expect(await refusal(medium.as(odenseAdmin, () => service.record(access.id)))).toMatchObject({ statusCode: 403 });
  });

  it('shows nothing once expired: 410, and the database shares nothing either', async () => {
    const { citizen } = await aarhusCitizen();
    const access = await open(odenseStaff, cprOf(citizen));
    await medium.owner.query(`UPDATE emergency_access SET opened_at = now() - interval '2 days', expires_at = now() - interval '1 second' WHERE id = $1`, [access.id]);
    expect(await refusal(medium.as(odenseStaff, () => service.record(access.id)))).toMatchObject({ statusCode: 410, code: 'GONE' });
    expect(await sqlAs(odenseStaff, [access.id], 'SELECT count(*)::int AS n FROM citizen WHERE id = $1', [citizen.id])).toEqual([{ n: 0 }]);
    expect(await medium.as(odenseStaff, () => service.get(access.id))).toMatchObject({ active: false });
  });

  it('lets the database write an expired access’s refused row into the owner’s log, and nothing else (decision 115)', async () => {
    const { citizen, bystander } = await aarhusCitizen();
    const access = await open(odenseStaff, cprOf(citizen));
    const other = await open(odenseStaff, cprOf(bystander));
    await medium.owner.query(`UPDATE emergency_access SET opened_at = now() - interval '2 days', expires_at = now() - interval '1 second' WHERE id = ANY($1::uuid[])`, [[access.id, other.id]]);
    const colleague = await userOf(ODENSE, 'staff', 'Kollega');
    const append = (user: AuthUser, ids: string[], row: { recordId: string; citizenId: string; municipalityId: string; outcome?: 'ok' | 'refused'; resource?: string; citizenIds?: string[]; action?: 'read' | 'update' }) =>
      medium.as(user, async (ctx) => {
        await ctx.manager.query(`SELECT set_config('app.emergency_access_ids', $1, true)`, [ids.join(',')]);
        ctx.accesses.push({ action: row.action ?? 'read', resource: row.resource ?? 'emergency-accesses', recordId: row.recordId, citizenId: row.citizenId, municipalityId: row.municipalityId, outcome: row.outcome ?? 'refused', citizenIds: row.citizenIds });
        await writer.append(ctx.manager, ctx);
      });
    const good = { recordId: access.id, citizenId: citizen.id, municipalityId: AARHUS };
    await expect(append(odenseStaff, [access.id], good)).resolves.toBeUndefined();
    const attempts = [
      () => append(odenseStaff, [access.id], { ...good, outcome: 'ok' }), // an ordinary read after expiry
      () => append(odenseStaff, [], good), // the access not named
      () => append(odenseStaff, [access.id], { ...good, citizenId: bystander.id }), // another citizen under this access
      () => append(odenseStaff, [access.id, other.id], { ...good, recordId: other.id }), // the citizen under another access
      () => append(odenseStaff, [access.id], { ...good, municipalityId: randomUUID() }), // a third log
      () => append(odenseStaff, [access.id], { ...good, resource: 'citizens' }), // another resource
      () => append(colleague, [access.id], good), // a colleague riding on it
      () => append(odenseStaff, [access.id], { ...good, citizenIds: [citizen.id, bystander.id] }), // other citizens in its list (decision 126)
      () => append(odenseStaff, [access.id], { ...good, action: 'update' }), // anything but a plain read
    ];
    for (const attempt of attempts) {
      expect(((await refusal(attempt())) as { message?: string }).message).toContain('row-level security');
    }
    const rows = (await medium.owner.query('SELECT municipality_id, user_id, outcome FROM access_log WHERE citizen_id = ANY($1::uuid[]) AND municipality_id = $2', [[citizen.id, bystander.id], AARHUS])) as unknown[];
    // The two openings (ok) and the one refused row.
    expect(rows).toEqual(expect.arrayContaining([{ municipality_id: AARHUS, user_id: odenseStaff.id, outcome: 'refused' }]));
    expect(rows.filter((r) => (r as { outcome: string }).outcome === 'refused')).toHaveLength(1);
  });
});

describe('EmergencyAccessService: the owner’s review', () => {
  const review = (user: AuthUser, id: string, input: Partial<ReviewEmergencyAccessDto>) => medium.as(user, () => service.review(id, { version: 1, ...input } as ReviewEmergencyAccessDto));

  it('lets the owner’s admin mark it reviewed, then raised; never back', async () => {
    const { citizen } = await aarhusCitizen();
    const access = await open(odenseStaff, cprOf(citizen));
    expect(await review(aarhusAdmin, access.id, { reviewState: 'reviewed', reviewNote: 'Bekræftet med skadestuen' })).toMatchObject({ reviewState: 'reviewed', reviewNote: 'Bekræftet med skadestuen', reviewedByUserId: aarhusAdmin.id, version: 2 });
    expect(await refusal(review(aarhusAdmin, access.id, { reviewState: 'reviewed', version: 2 }))).toMatchObject({ statusCode: 409, code: 'ILLEGAL_TRANSITION' });
    expect(await refusal(review(aarhusAdmin, access.id, { reviewState: 'raised', version: 1 }))).toMatchObject({ statusCode: 409, code: 'VERSION_CONFLICT' });
    expect(await review(aarhusAdmin, access.id, { reviewState: 'raised', version: 2 })).toMatchObject({ reviewState: 'raised' });
  });

  it('refuses the accessor’s admin (403) and, in the database, changes nothing for them', async () => {
    const { citizen } = await aarhusCitizen();
    const access = await open(odenseStaff, cprOf(citizen));
    expect(await refusal(review(odenseAdmin, access.id, { reviewState: 'reviewed' }))).toMatchObject({ statusCode: 403 });
    expect(await sqlAs<[unknown[], number]>(odenseAdmin, [], `UPDATE emergency_access SET review_state = 'reviewed', reviewed_at = now(), reviewed_by_user_id = $2 WHERE id = $1`, [access.id, odenseAdmin.id])).toEqual([[], 0]);
  });

  it('lists the owner’s queue pending first for its admin, and the opener’s own openings for them', async () => {
    const { citizen } = await aarhusCitizen();
    const first = await open(odenseStaff, cprOf(citizen));
    const second = await open(odenseStaff, cprOf(citizen));
    await review(aarhusAdmin, first.id, { reviewState: 'reviewed' });
    const queue = await medium.as(aarhusAdmin, () => service.list({ filter: JSON.stringify({ municipalityId: AARHUS }), sort: JSON.stringify(['reviewState', 'ASC']) }));
    expect(queue.rows.filter((r) => [first.id, second.id].includes(r.id)).map((r) => [r.id, r.reviewState])).toEqual([[second.id, 'pending'], [first.id, 'reviewed']]);
    const colleague = await userOf(ODENSE, 'staff', 'Kollega Odense');
    expect((await medium.as(colleague, () => service.list({}))).rows).toEqual([]);
  });
});
