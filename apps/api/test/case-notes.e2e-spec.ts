import type { ApiErrorBody, Enrolment, NoteHistory, TimelineEvent, TreatmentSession } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { activeEnrolment, createUser, staff } from './support/fixtures';
import { asAppRole, call, closeDb, db, tokenFor } from './support/http';

/**
 * Notes that are never lost (issue 21; docs/domain.md, "Notes that are never lost"): a note is
 * corrected by adding a version, the original stays visible with who, when and why; only its author
 * fixes a typo, within the window (NOTE_TYPO_WINDOW_MINUTES, 15 by default), still versioned; no
 * session is deleted, one entered in error is marked, stays visible and leaves the figures.
 */

afterAll(closeDb);

const as = { as: staff.aarhus };
const hoursAgo = (h: number): string => new Date(Date.now() - h * 3_600_000).toISOString();

async function logSession(enrolmentId: string, extra: Record<string, unknown> = {}, who = as): Promise<TreatmentSession> {
  const res = await call<TreatmentSession & ApiErrorBody>('POST', '/api/sessions', { enrolmentId, startsAt: hoursAgo(1), durationMinutes: 50, kind: 'individual-session', attendance: 'attended', ...extra }, who);
  if (res.status !== 201) throw new Error(`fixture: logging a session answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The body of a PUT: the session as loaded, with the changes. */
function edit(session: TreatmentSession, changes: Record<string, unknown>): Record<string, unknown> {
  const { startsAt, durationMinutes, staffUserId, kind, sessionNumber, attendance, note, version } = session;
  return { startsAt, durationMinutes, staffUserId, kind, sessionNumber, attendance, note, version, ...changes };
}

const versions = async (id: string, who = as) => (await call<NoteHistory>('GET', `/api/sessions/${id}/note-versions`, undefined, who)).body.versions;
const storedCount = async (id: string): Promise<number> => Number((await db().query<{ n: string }>('SELECT count(*) AS n FROM note_version WHERE record_id = $1', [id])).rows[0]?.n);

describe('a note is corrected by adding a version', () => {
  it('refuses a changed note without a reason (400 naming correctionReason), writing nothing', async () => {
    const enrolment = await activeEnrolment('aarhus');
    const session = await logSession(enrolment.id, { note: 'Borgeren fortalte om sin bolig.' });
    const sut = await call<ApiErrorBody>('PUT', `/api/sessions/${session.id}`, edit(session, { note: 'Borgeren fortalte om sit arbejde.' }), as);
    expect(sut.status).toBe(400);
    expect(Object.keys(sut.body.errors ?? {})).toEqual(['correctionReason']);
    const after = await call<TreatmentSession>('GET', `/api/sessions/${session.id}`, undefined, as);
    expect([after.body.note, after.body.version, await storedCount(session.id)]).toEqual(['Borgeren fortalte om sin bolig.', session.version, 1]);
  });

  it('keeps the original visible with who, when and why after a correction', async () => {
    const enrolment = await activeEnrolment('aarhus');
    const session = await logSession(enrolment.id, { note: 'Aftalt opfølgning tirsdag.' });
    const sut = await call<TreatmentSession>('PUT', `/api/sessions/${session.id}`, edit(session, { note: 'Aftalt opfølgning torsdag.', correctionReason: 'Forkert ugedag' }), as);
    expect(sut.status).toBe(200);
    expect([sut.body.note, sut.body.noteChanges]).toEqual(['Aftalt opfølgning torsdag.', 1]);
    // The list counts the same in its own statement (withSessionListExtras()), beside a session never corrected.
    const untouched = await logSession(enrolment.id, { note: 'Ingen rettelser.', confirmDuplicate: true });
    const listed = await call<TreatmentSession[]>('GET', `/api/sessions?filter=${encodeURIComponent(JSON.stringify({ enrolmentId: enrolment.id }))}&range=${encodeURIComponent('[0,99]')}`, undefined, as);
    expect(listed.status).toBe(200);
    expect(listed.body.filter((r) => r.id === session.id || r.id === untouched.id).map((r) => [r.id, r.noteChanges]).sort()).toEqual([[session.id, 1], [untouched.id, 0]].sort());
    const history = await versions(session.id);
    expect(history.map((v) => [v.kind, v.text, v.reason, v.writtenByUserId])).toEqual([
      ['original', 'Aftalt opfølgning tirsdag.', null, DEMO_IDS.users.aarhus.staff],
      ['correction', 'Aftalt opfølgning torsdag.', 'Forkert ugedag', DEMO_IDS.users.aarhus.staff],
    ]);
    expect(history.every((v) => v.writtenByName.length > 0 && !Number.isNaN(Date.parse(v.writtenAt)))).toBe(true);
    // The text is encrypted at rest in the versions too.
    const stored = await db().query<{ text_encrypted: string }>('SELECT text_encrypted FROM note_version WHERE record_id = $1', [session.id]);
    expect(stored.rows.map((r) => r.text_encrypted).join()).not.toContain('opfølgning');
    // The read of the history is logged with the citizen.
    const logged = await db().query("SELECT 1 FROM access_log WHERE resource = 'sessions' AND action = 'read' AND record_id = $1 AND citizen_id = $2", [session.id, enrolment.citizenId]);
    expect(logged.rowCount).toBeGreaterThan(0);
  });

  it('a change of the other fields alone needs no reason and adds no version', async () => {
    const session = await logSession((await activeEnrolment('aarhus')).id, { note: 'Uændret note' });
    const sut = await call<TreatmentSession>('PUT', `/api/sessions/${session.id}`, edit(session, { durationMinutes: 55 }), as);
    expect(sut.status).toBe(200);
    expect(await storedCount(session.id)).toBe(1);
  });

  it('lets the author fix a typo within the window, kept as a version marked typo', async () => {
    const session = await logSession((await activeEnrolment('aarhus')).id, { note: 'Borgeren var glad og afslappt.' });
    const sut = await call<TreatmentSession>('PUT', `/api/sessions/${session.id}`, edit(session, { note: 'Borgeren var glad og afslappet.', typoFix: true }), as);
    expect(sut.status).toBe(200);
    expect((await versions(session.id)).map((v) => [v.kind, v.text])).toEqual([
      ['original', 'Borgeren var glad og afslappt.'],
      ['typo', 'Borgeren var glad og afslappet.'],
    ]);
  });

  it('refuses a typo fix by someone else (403 naming typoFix), writing nothing', async () => {
    const session = await logSession((await activeEnrolment('aarhus')).id, { note: 'Skrevet af den første.' });
    const colleague = await createUser('aarhus', 'staff');
    const sut = await call<ApiErrorBody>('PUT', `/api/sessions/${session.id}`, edit(session, { note: 'Skrevet af den anden.', typoFix: true }), { as: null, token: await tokenFor(colleague.email, colleague.password) });
    expect(sut.status).toBe(403);
    expect(Object.keys(sut.body.errors ?? {})).toEqual(['typoFix']);
    expect(await storedCount(session.id)).toBe(1);
  });

  it('refuses a typo fix after the window (409 TYPO_WINDOW_CLOSED naming typoFix), writing nothing', async () => {
    const session = await logSession((await activeEnrolment('aarhus')).id, { note: 'Skrevet for længe siden.' });
    // The original written 16 minutes ago (the window is 15): only the owner can move it, with the guard off.
    const client = await db().connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE note_version DISABLE TRIGGER note_version_append_only');
      await client.query("UPDATE note_version SET written_at = now() - interval '16 minutes' WHERE record_id = $1", [session.id]);
      await client.query('ALTER TABLE note_version ENABLE TRIGGER note_version_append_only');
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const sut = await call<ApiErrorBody>('PUT', `/api/sessions/${session.id}`, edit(session, { note: 'Skrevet for lang tid siden.', typoFix: true }), as);
    expect(sut.status).toBe(409);
    expect(sut.body.code).toBe('TYPO_WINDOW_CLOSED');
    expect(Object.keys(sut.body.errors ?? {})).toEqual(['typoFix']);
    expect(await storedCount(session.id)).toBe(1);
    // A correction with a reason is still possible.
    expect((await call('PUT', `/api/sessions/${session.id}`, edit(session, { note: 'Skrevet for lang tid siden.', correctionReason: 'Ordvalg' }), as)).status).toBe(200);
  });

  it('shows corrections on the citizen\'s timeline (who and why)', async () => {
    const enrolment = await activeEnrolment('aarhus');
    const session = await logSession(enrolment.id, { note: 'Første udgave' });
    expect((await call('PUT', `/api/sessions/${session.id}`, edit(session, { note: 'Anden udgave', correctionReason: 'Misforstået' }), as)).status).toBe(200);
    const timeline = (await call<TimelineEvent[]>('GET', `/api/citizens/${enrolment.citizenId}/timeline`, undefined, as)).body;
    const corrections = timeline.filter((e) => e.kind === 'note-correction');
    expect(corrections.map((e) => e.kind === 'note-correction' && [e.recordId, e.correction, e.reason])).toEqual([[session.id, 'correction', 'Misforstået']]);
  });
});

describe('no session is deleted', () => {
  it('answers DELETE with 405 and the way instead, for every role, and the session stays', async () => {
    const session = await logSession((await activeEnrolment('aarhus')).id, { note: 'Bliver stående' });
    for (const who of [staff.aarhus, 'coordinator@aarhus.demo', 'admin@aarhus.demo']) {
      const sut = await call<ApiErrorBody>('DELETE', `/api/sessions/${session.id}`, undefined, { as: who });
      expect([sut.status, sut.body.code, sut.headers.get('allow')]).toEqual([405, 'METHOD_NOT_ALLOWED', 'GET, PUT']);
      expect(sut.body.message).toContain('entered-in-error');
    }
    expect((await db().query('SELECT 1 FROM treatment_session WHERE id = $1', [session.id])).rowCount).toBe(1);
  });

  it('marks a session entered in error with a reason; it stays visible, marked, and is kept as it was', async () => {
    const enrolment = await activeEnrolment('aarhus');
    const session = await logSession(enrolment.id, { note: 'Registreret på forkert borger' });
    const noReason = await call<ApiErrorBody>('POST', `/api/sessions/${session.id}/entered-in-error`, { version: session.version }, as);
    expect(noReason.status).toBe(400);
    expect(Object.keys(noReason.body.errors ?? {})).toEqual(['reason']);

    const sut = await call<TreatmentSession>('POST', `/api/sessions/${session.id}/entered-in-error`, { reason: 'Forkert borger', version: session.version }, as);
    expect(sut.status).toBe(200);
    expect(sut.body.enteredInError).toMatchObject({ reason: 'Forkert borger', byUserId: DEMO_IDS.users.aarhus.staff });
    expect(sut.body.note).toBe('Registreret på forkert borger');

    const again = await call<ApiErrorBody>('POST', `/api/sessions/${session.id}/entered-in-error`, { reason: 'Igen', version: sut.body.version }, as);
    expect(again.status).toBe(409);
    const edited = await call<ApiErrorBody>('PUT', `/api/sessions/${session.id}`, edit(sut.body, { durationMinutes: 20 }), as);
    expect(edited.status).toBe(409);

    const timeline = (await call<TimelineEvent[]>('GET', `/api/citizens/${enrolment.citizenId}/timeline`, undefined, as)).body;
    const shown = timeline.find((e) => e.id === session.id);
    expect(shown).toMatchObject({ kind: 'session', enteredInError: true, enteredInErrorReason: 'Forkert borger' });
  });

  it('a session entered in error leaves the protocol count, the one-a-day rule and its session number', async () => {
    const move = await activeEnrolment('aarhus', DEMO_IDS.programmes.move);
    const wrong = await logSession(move.id, { sessionNumber: 1, startsAt: hoursAgo(2) });
    expect((await call<Enrolment>('GET', `/api/enrolments/${move.id}`, undefined, as)).body.sessionsAttended).toBe(1);
    expect((await call('POST', `/api/sessions/${wrong.id}/entered-in-error`, { reason: 'Dobbeltregistreret', version: wrong.version }, as)).status).toBe(200);
    // Hand count: one attended session, entered in error: 0 toward the protocol.
    expect((await call<Enrolment>('GET', `/api/enrolments/${move.id}`, undefined, as)).body.sessionsAttended).toBe(0);
    // The same day and number again, without confirmDuplicate: the one in error does not count.
    const right = await logSession(move.id, { sessionNumber: 1, startsAt: hoursAgo(1) });
    expect(right.sessionNumber).toBe(1);
    expect((await call<Enrolment>('GET', `/api/enrolments/${move.id}`, undefined, as)).body.sessionsAttended).toBe(1);
  });
});

describe('the database holds the rule against the API\'s own role', () => {
  const settings = { 'app.municipality_id': DEMO_IDS.municipalities.aarhus, 'app.user_id': DEMO_IDS.users.aarhus.staff };

  it('refuses UPDATE, DELETE and TRUNCATE of a note version, and DELETE of a session', async () => {
    const session = await logSession((await activeEnrolment('aarhus')).id, { note: 'Må ikke forsvinde' });
    const attempt = (sql: string) =>
      asAppRole(settings, async (client) => {
        try {
          await client.query(sql, sql.includes('$1') ? [session.id] : []);
          return 'allowed';
        } catch (error) {
          return (error as { code?: string }).code;
        }
      });
    // 42501: insufficient_privilege (the trigger's refusal or a missing grant).
    expect(await attempt("UPDATE note_version SET reason = 'skjult' WHERE record_id = $1")).toBe('42501');
    expect(await attempt('DELETE FROM note_version WHERE record_id = $1')).toBe('42501');
    expect(await attempt('TRUNCATE note_version')).toBe('42501');
    expect(await attempt('DELETE FROM treatment_session WHERE id = $1')).toBe('42501');
    expect(await attempt("UPDATE treatment_session SET note_encrypted = NULL WHERE id = $1")).toBe('42501');
    expect(await storedCount(session.id)).toBe(1);
  });
});
