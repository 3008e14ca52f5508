import { randomUUID } from 'node:crypto';
import type { Citizen, CitizenMerge, CitizenMergePreview, Enrolment } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { createCitizen, freshCpr, postCitizen } from './support/fixtures';
import { call, closeDb, db, listPath } from './support/http';
import { daysFromToday } from './support/dates';

afterAll(closeDb);

const STAFF = 'staff@aarhus.demo';
const ODENSE_STAFF = 'staff@odense.demo';
const REASON = 'Identificeret ved pas i modtagelsen';

/** A citizen with a CPR number, with the number (the preview finds the record by it). */
async function personWithCpr(): Promise<{ citizen: Citizen; cpr: string }> {
  const cpr = freshCpr();
  const res = await postCitizen({ cpr, firstName: 'Søren', lastName: `Sammenlagt ${randomUUID().slice(0, 6)}` }, STAFF);
  if (res.status !== 201) throw new Error(`creating a citizen answered ${res.status}`);
  return { citizen: res.body, cpr };
}

/** A record without a CPR number (an alias) with a course, a session with a note and an outreach contact. */
async function aliasWithCourse(): Promise<{ alias: Citizen; enrolmentId: string; sessionId: string; contactId: string }> {
  const alias = await createCitizen('aarhus', { cpr: null, firstName: 'Kim', lastName: `Alias ${randomUUID().slice(0, 6)}`, birthYear: 1980, sex: 'male' });
  const started = daysFromToday(-3);
  const referred = await call<Enrolment>('POST', '/api/enrolments', { citizenId: alias.id, programmeId: DEMO_IDS.programmes.icm, centreId: DEMO_IDS.centres.aarhusCentrum, referralDate: started, eligibilityOverride: 'Alder ukendt: registreret uden CPR-nummer' }, { as: STAFF });
  if (referred.status !== 201) throw new Error(`referring answered ${referred.status}: ${JSON.stringify(referred.body)}`);
  const active = await call<Enrolment>('POST', `/api/enrolments/${referred.body.id}/transitions`, { to: 'active', date: started, version: referred.body.version }, { as: STAFF });
  expect([active.status, active.body]).toMatchObject([200, {}]);
  const session = await call<{ id: string }>('POST', '/api/sessions', { enrolmentId: referred.body.id, startsAt: new Date(Date.now() - 3600_000).toISOString(), durationMinutes: 45, kind: 'individual', attendance: 'attended', note: 'Talte om bolig' }, { as: STAFF });
  expect([session.status, session.body]).toMatchObject([201, {}]);
  const contact = await call<{ id: string }>('POST', '/api/outreach-contacts', { contactAt: new Date(Date.now() - 7200_000).toISOString(), placeType: 'street', durationMinutes: 15, contactType: 'first-contact', citizenId: alias.id }, { as: STAFF });
  expect(contact.status).toBe(201);
  return { alias, enrolmentId: referred.body.id, sessionId: session.body.id, contactId: contact.body.id };
}

const merge = (alias: Citizen, target: Citizen, as = STAFF) =>
  call<CitizenMerge & { code?: string; errors?: Record<string, string> }>('POST', '/api/citizen-merges', { sourceId: alias.id, sourceVersion: alias.version, targetId: target.id, targetVersion: target.version, reason: REASON }, { as });

const citizenOf = async (table: string, id: string): Promise<string | undefined> => (await db().query<{ c: string }>(`SELECT citizen_id::text AS c FROM ${table} WHERE id = $1`, [id])).rows[0]?.c;

describe('merging a record without a CPR number into the record with it (issue 22)', () => {
  it('moves the course, its session and note, and the contact; shows the merge on the target; the undo restores them; each logged naming both', async () => {
    const { alias, enrolmentId, sessionId, contactId } = await aliasWithCourse();
    const { citizen: target, cpr } = await personWithCpr();

    // The preview: the CPR number in the body, the counts of what would move.
    const preview = await call<CitizenMergePreview>('POST', '/api/citizen-merges/preview', { sourceId: alias.id, targetCpr: cpr }, { as: STAFF });
    expect(preview.status).toBe(200);
    expect(preview.body.target).toMatchObject({ id: target.id, cprMasked: `${cpr.slice(0, 6)}-xxxx` });
    expect(preview.body.counts).toMatchObject({ enrolment: 1, treatment_session: 1, note_version: 1, outreach_contact: 1, enrolment_transition: 2, case_request: 0 });

    const seqBefore = (await db().query<{ s: string }>('SELECT coalesce(max(seq), 0)::text AS s FROM access_log')).rows[0]?.s;
    const done = await merge(alias, target);
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ sourceCitizenId: alias.id, targetCitizenId: target.id, reason: REASON, undoable: true, mergedBy: 'Behandler (Aarhus)' });
    for (const [table, id] of [['enrolment', enrolmentId], ['treatment_session', sessionId], ['outreach_contact', contactId]] as const) expect([table, await citizenOf(table, id)]).toEqual([table, target.id]);
    const notes = await db().query<{ c: string }>(`SELECT citizen_id::text AS c FROM note_version WHERE record_id = $1`, [sessionId]);
    expect(notes.rows.map((r) => r.c)).toEqual([target.id]);

    // The access log: one update naming both citizens, in the merge's own request.
    const logged = await db().query<{ action: string; resource: string; citizen_id: string; citizen_ids: string[]; record_id: string; outcome: string }>(
      `SELECT action, resource, citizen_id::text, citizen_ids::text[], record_id::text, outcome FROM access_log WHERE seq > $1 AND resource = 'citizen-merges' ORDER BY seq`, [seqBefore]);
    expect(logged.rows).toEqual([{ action: 'update', resource: 'citizen-merges', citizen_id: target.id, citizen_ids: [alias.id], record_id: done.body.id, outcome: 'ok' }]);

    // The merged-away record: 410 naming the target, not listed, not offered as a duplicate.
    const gone = await call<{ code: string; mergedIntoId: string }>('GET', `/api/citizens/${alias.id}`, undefined, { as: STAFF });
    expect(gone.status).toBe(410);
    expect(gone.body.mergedIntoId).toBe(target.id);
    const listed = await call<Citizen[]>('GET', listPath('citizens', { filter: { id: [alias.id, target.id] } }), undefined, { as: STAFF });
    expect(listed.body.map((c) => c.id)).toEqual([target.id]);
    const offered = await call<{ citizens: { id: string }[] }>('POST', '/api/citizens/likely-duplicates', { firstName: alias.firstName, lastName: alias.lastName }, { as: STAFF });
    expect(offered.body.citizens.map((c) => c.id)).not.toContain(alias.id);
    // Nothing new is written to it: a course for it is refused, naming the field.
    const refused = await call<{ errors: Record<string, string> }>('POST', '/api/enrolments', { citizenId: alias.id, programmeId: DEMO_IDS.programmes.smart, centreId: DEMO_IDS.centres.aarhusCentrum, referralDate: daysFromToday(0) }, { as: STAFF });
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.errors)).toEqual(['citizenId']);

    // On the target: the merge, undoable.
    const shown = await call<CitizenMerge[]>('GET', `/api/citizen-merges?citizenId=${target.id}`, undefined, { as: STAFF });
    expect(shown.status).toBe(200);
    expect(shown.body.map((g) => [g.id, g.undoable, g.counts['enrolment']])).toEqual([[done.body.id, true, 1]]);

    // The undo: everything back on the alias, the alias a live record again; logged as an update naming both.
    const seqMid = (await db().query<{ s: string }>('SELECT max(seq)::text AS s FROM access_log')).rows[0]?.s;
    const undone = await call<CitizenMerge>('POST', `/api/citizen-merges/${done.body.id}/undo`, { version: done.body.version, reason: 'Ikke samme person alligevel' }, { as: STAFF });
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ undoable: false, undoneBy: 'Behandler (Aarhus)', undoReason: 'Ikke samme person alligevel' });
    for (const [table, id] of [['enrolment', enrolmentId], ['treatment_session', sessionId], ['outreach_contact', contactId]] as const) expect([table, await citizenOf(table, id)]).toEqual([table, alias.id]);
    expect((await call('GET', `/api/citizens/${alias.id}`, undefined, { as: STAFF })).status).toBe(200);
    const undoLogged = await db().query<{ action: string; citizen_id: string; citizen_ids: string[] }>(
      `SELECT action, citizen_id::text, citizen_ids::text[] FROM access_log WHERE seq > $1 AND resource = 'citizen-merges' ORDER BY seq`, [seqMid]);
    expect(undoLogged.rows).toEqual([{ action: 'update', citizen_id: target.id, citizen_ids: [alias.id] }]);
  });

  it('refuses a merge of two records that both have CPR numbers: 409 naming why, nothing written', async () => {
    const a = await createCitizen('aarhus');
    const b = await createCitizen('aarhus');
    const res = await merge(a, b);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('MERGE_CONFLICT');
    expect(res.body.errors?.['sourceId']).toMatch(/CPR number/);
    expect((await db().query('SELECT 1 FROM citizen_merge WHERE source_citizen_id = $1', [a.id])).rowCount).toBe(0);
    expect((await db().query<{ m: string | null }>('SELECT merged_into_id AS m FROM citizen WHERE id = $1', [a.id])).rows[0]?.m).toBeNull();
  });

  it('refuses bad input with 400 naming the field: the same record twice, no reason, a CPR number that is none', async () => {
    const alias = await createCitizen('aarhus', { cpr: null });
    const same = await call<{ errors: Record<string, string> }>('POST', '/api/citizen-merges', { sourceId: alias.id, sourceVersion: alias.version, targetId: alias.id, targetVersion: alias.version, reason: REASON }, { as: STAFF });
    expect([same.status, Object.keys(same.body.errors)]).toEqual([400, ['targetId']]);
    const { citizen } = await personWithCpr();
    const short = await call<{ errors: Record<string, string> }>('POST', '/api/citizen-merges', { sourceId: alias.id, sourceVersion: alias.version, targetId: citizen.id, targetVersion: citizen.version, reason: 'ja' }, { as: STAFF });
    expect([short.status, Object.keys(short.body.errors)]).toEqual([400, ['reason']]);
    const badCpr = await call<{ errors: Record<string, string> }>('POST', '/api/citizen-merges/preview', { sourceId: alias.id, targetCpr: '3102901234' }, { as: STAFF });
    expect([badCpr.status, Object.keys(badCpr.body.errors)]).toEqual([400, ['targetCpr']]);
  });

  it('refuses an undo after the period with 409 naming why', async () => {
    const alias = await createCitizen('aarhus', { cpr: null });
    const { citizen } = await personWithCpr();
    const done = await merge(alias, citizen);
    await db().query(`UPDATE citizen_merge SET undo_until = now() - interval '1 second' WHERE id = $1`, [done.body.id]);
    const res = await call<{ code: string; message: string }>('POST', `/api/citizen-merges/${done.body.id}/undo`, { version: done.body.version, reason: 'For sent at fortryde' }, { as: STAFF });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('MERGE_UNDO_CLOSED');
    expect(res.body.message).toMatch(/period to undo this merge ended/);
  });
});

describe('a write racing a merge (decision 163)', () => {
  it('a session saved while the merge holds the record waits for it and is refused (400 naming citizenId), not left on the merged-away record', async () => {
    const { alias, enrolmentId } = await aliasWithCourse();
    const { citizen: target } = await personWithCpr();
    const sessionsOn = async (citizenId: string): Promise<number> => (await db().query('SELECT 1 FROM treatment_session WHERE citizen_id = $1', [citizenId])).rowCount ?? 0;
    const before = { alias: await sessionsOn(alias.id), target: await sessionsOn(target.id) };
    // The merge as the database sees it, written as the owner: the record held FOR UPDATE from the
    // start (as the merge's lockCitizen does), the course moved, the record marked merged, one commit.
    const merging = await db().connect();
    try {
      await merging.query('BEGIN');
      await merging.query('SELECT 1 FROM citizen WHERE id = $1 FOR UPDATE', [alias.id]);
      const saving = call<{ errors?: Record<string, string> }>('POST', '/api/sessions', {
        // Two days ago: the course already has today's session (one a day).
        enrolmentId, startsAt: new Date(Date.now() - 48 * 3600_000).toISOString(), durationMinutes: 30, kind: 'individual', attendance: 'attended', note: 'Gemt under sammenlægningen',
      }, { as: STAFF });
      // The API's insert has read the still-live record and now waits on the merge's hold.
      const deadline = Date.now() + 20_000;
      let answered: unknown;
      void saving.then((res) => (answered = res));
      for (;;) {
        if (answered) throw new Error(`the session was answered before the merge ended: ${JSON.stringify(answered)}`);
        const waiting = await db().query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%treatment_session%'`);
        if ((waiting.rowCount ?? 0) > 0) break;
        if (Date.now() > deadline) throw new Error('the session insert never waited on the merge');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await merging.query('UPDATE enrolment SET citizen_id = $2 WHERE citizen_id = $1', [alias.id, target.id]);
      await merging.query('UPDATE treatment_session SET citizen_id = $2 WHERE citizen_id = $1', [alias.id, target.id]);
      await merging.query('UPDATE citizen SET merged_into_id = $2 WHERE id = $1', [alias.id, target.id]);
      await merging.query('COMMIT');
      const res = await saving;
      expect([res.status, res.body.errors]).toEqual([400, { citizenId: 'citizenId names a record merged into another; use that record' }]);
    } finally {
      merging.release();
    }
    // Nothing on the tombstone; the target has the alias's one session, moved, and no new one.
    expect(await sessionsOn(alias.id)).toBe(0);
    expect(await sessionsOn(target.id)).toBe(before.target + before.alias);
  });

  it('the database refuses any role a row on a merged-away record, the owner included', async () => {
    const { alias } = await aliasWithCourse();
    const { citizen: target } = await personWithCpr();
    expect((await merge(alias, target)).status).toBe(201);
    const refused = await db().query(`INSERT INTO legal_hold (municipality_id, citizen_id, reason, placed_by_user_id) VALUES ($1, $2, 'Prøve', $3)`, [DEMO_IDS.municipalities.aarhus, alias.id, DEMO_IDS.users.aarhus.staff]).catch((e: { code?: string }) => e);
    expect((refused as { code?: string }).code).toBe('MG400');
  });
});

describe('merging records: the attacker', () => {
  it('cannot merge another municipality’s citizens (a refused reference, logged), nor undo its merge (404)', async () => {
    const alias = await createCitizen('aarhus', { cpr: null });
    const { citizen } = await personWithCpr();
    const theirs = await merge(alias, citizen, ODENSE_STAFF);
    expect(theirs.status).toBe(400);
    expect(Object.keys(theirs.body.errors ?? {})).toEqual(['sourceId']);
    const done = await merge(alias, citizen);
    expect(done.status).toBe(201);
    const undo = await call('POST', `/api/citizen-merges/${done.body.id}/undo`, { version: done.body.version, reason: 'En anden kommunes sammenlægning' }, { as: ODENSE_STAFF });
    expect(undo.status).toBe(404);
    const list = await call<CitizenMerge[]>('GET', `/api/citizen-merges?citizenId=${citizen.id}`, undefined, { as: ODENSE_STAFF });
    expect([list.status, list.body]).toEqual([200, []]);
  });

  it('is refused to the coordinator, the evaluator and the admin (403), writing nothing', async () => {
    const alias = await createCitizen('aarhus', { cpr: null });
    const { citizen } = await personWithCpr();
    for (const role of ['coordinator', 'evaluator', 'admin']) {
      expect([role, (await merge(alias, citizen, `${role}@aarhus.demo`)).status]).toEqual([role, 403]);
    }
    expect((await db().query('SELECT 1 FROM citizen_merge WHERE source_citizen_id = $1', [alias.id])).rowCount).toBe(0);
  });
});
