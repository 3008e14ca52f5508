import type { ApiErrorBody, Enrolment, TreatmentSession } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { activeEnrolment, createCitizen, staff } from './support/fixtures';
import { call, closeDb, db, listPath } from './support/http';
import { daysFromToday, today as todayInDenmark } from './support/dates';

afterAll(closeDb);

const anHourAgo = (): string => new Date(Date.now() - 3600_000).toISOString();
const log = (enrolmentId: string, extra: Record<string, unknown> = {}, as: string = staff.aarhus) =>
  call<TreatmentSession & ApiErrorBody>('POST', '/api/sessions', { enrolmentId, startsAt: anHourAgo(), durationMinutes: 50, kind: 'move-session', attendance: 'attended', ...extra }, { as });

describe('individual sessions', () => {
  it('logs a MOVE session and shows progress against the protocol ("1 of 12")', async () => {
    const move = await activeEnrolment('aarhus', DEMO_IDS.programmes.move);
    const sut = await log(move.id, { sessionNumber: 1, note: 'Fortrolig note om forløbet' });
    expect(sut.status).toBe(201);
    expect(sut.body).toMatchObject({ durationMinutes: 50, attendance: 'attended', sessionNumber: 1, citizenId: move.citizenId, staffUserId: DEMO_IDS.users.aarhus.staff, note: 'Fortrolig note om forløbet' });
    // The same day as session 1: a second session that day is confirmed (see duplicate-date.e2e-spec.ts).
    expect((await log(move.id, { sessionNumber: 2, attendance: 'no-show', confirmDuplicate: true })).status).toBe(201);
    const progress = await call<Enrolment>('GET', `/api/enrolments/${move.id}`, undefined, { as: staff.aarhus });
    expect(progress.body).toMatchObject({ sessionsAttended: 1, expectedSessions: 12 });
    const stored = await db().query<{ note_encrypted: string }>('SELECT note_encrypted FROM treatment_session WHERE id = $1', [sut.body.id]);
    expect(stored.rows[0]?.note_encrypted).not.toContain('Fortrolig');
  });

  it.each([
    ['a negative duration', { durationMinutes: -5 }, 'durationMinutes'],
    ['over 12 hours', { durationMinutes: 721 }, 'durationMinutes'],
    ['a fractional duration', { durationMinutes: 12.5 }, 'durationMinutes'],
    ['a future date for an attended session', { startsAt: new Date(Date.now() + 86_400_000).toISOString() }, 'startsAt'],
    ['a date before the enrolment started', { startsAt: '2020-01-01T10:00:00.000Z' }, 'startsAt'],
    ['an unknown attendance', { attendance: 'late' }, 'attendance'],
    ['a session number beyond the protocol', { sessionNumber: 13, enrolment: 'move' }, 'sessionNumber'],
    ['an invalid date', { startsAt: '2026-13-01T10:00:00Z' }, 'startsAt'],
  ])('refuses %s, naming the field, writing nothing', async (_label, extra, field) => {
    const { enrolment: which, ...body } = extra as Record<string, unknown>;
    const enrolment = await activeEnrolment('aarhus', which === 'move' ? DEMO_IDS.programmes.move : DEMO_IDS.programmes.icm);
    const before = Number((await db().query<{ n: string }>('SELECT count(*) AS n FROM treatment_session')).rows[0]?.n);
    const sut = await log(enrolment.id, body);
    expect(sut.status).toBe(400);
    expect(sut.body.errors).toHaveProperty(field);
    expect(Number((await db().query<{ n: string }>('SELECT count(*) AS n FROM treatment_session')).rows[0]?.n)).toBe(before);
  });

  it('refuses a session on an enrolment that is not active (422) or of another municipality (400)', async () => {
    const citizen = await createCitizen('aarhus');
    const today = todayInDenmark();
    const referred = await call<Enrolment>('POST', '/api/enrolments', { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.icm, centreId: DEMO_IDS.centres.aarhusCentrum, referralDate: today }, { as: staff.aarhus });
    const notActive = await log(referred.body.id);
    expect(notActive.status).toBe(422);
    expect(notActive.body.errors).toHaveProperty('enrolmentId');
    const theirs = await activeEnrolment('odense');
    const other = await log(theirs.id);
    expect(other.status).toBe(400);
    expect(other.body.errors).toHaveProperty('enrolmentId');
  });

  it('lists a citizen’s sessions for the timeline, logs the reads with the citizen, and answers 409 to a stale edit', async () => {
    const enrolment = await activeEnrolment('aarhus');
    const first = (await log(enrolment.id, { kind: 'case-management-meeting' })).body;
    const list = await call<TreatmentSession[]>('GET', listPath('sessions', { filter: { citizenId: enrolment.citizenId }, sort: ['startsAt', 'DESC'] }), undefined, { as: staff.aarhus });
    expect(list.body.map((s) => s.id)).toEqual([first.id]);
    const { id, createdAt: _c, updatedAt: _u, municipalityId: _m, enrolmentId: _e, citizenId: _ci, ...editable } = first;
    expect((await call('PUT', `/api/sessions/${id}`, { ...editable, durationMinutes: 60 }, { as: staff.aarhus })).status).toBe(200);
    expect((await call('PUT', `/api/sessions/${id}`, { ...editable, durationMinutes: 70 }, { as: staff.aarhus })).status).toBe(409);
    const logged = await db().query("SELECT action FROM access_log WHERE resource = 'sessions' AND citizen_id = $1 ORDER BY seq", [enrolment.citizenId]);
    expect(logged.rows.map((r: { action: string }) => r.action)).toEqual(['create', 'update']);
  });
});

describe('a day given to a date-time filter', () => {
  it('is the Danish day: from its first instant to its last, as an API client sends it', async () => {
    const enrolment = await activeEnrolment('aarhus');
    const [yesterday, today] = [daysFromToday(-1), daysFromToday(0)];
    // The instants from PostgreSQL's own time zone rules, not the API's code: half an hour either side of the day's bounds.
    const at = async (day: string, time: string): Promise<string> =>
      ((await db().query<{ at: Date }>(`SELECT ($1::date + $2::time) AT TIME ZONE 'Europe/Copenhagen' AS at`, [day, time])).rows[0]?.at as Date).toISOString();
    const instants = [await at(daysFromToday(-2), '23:30'), await at(yesterday, '00:30'), await at(yesterday, '23:30'), await at(today, '00:30')];
    const ids: string[] = [];
    for (const startsAt of instants) {
      const logged = await log(enrolment.id, { startsAt, kind: 'case-management-meeting', confirmDuplicate: true });
      expect(logged.status).toBe(201);
      ids.push(logged.body.id);
    }
    const listed = async (filter: Record<string, string>): Promise<string[]> =>
      (await call<TreatmentSession[]>('GET', listPath('sessions', { filter: { citizenId: enrolment.citizenId, ...filter }, sort: ['startsAt', 'ASC'] }), undefined, { as: staff.aarhus })).body.map((s) => s.id);
    expect(await listed({ startsAt_gte: yesterday, startsAt_lte: yesterday })).toEqual([ids[1], ids[2]]);
    expect(await listed({ startsAt: yesterday })).toEqual([ids[1], ids[2]]);
    expect(await listed({ startsAt_gte: today })).toEqual([ids[3]]);
    expect(await listed({ startsAt_lte: daysFromToday(-2) })).toEqual([ids[0]]);
  });
});

describe('a page further down a list answers as the first pages do (decision 191)', () => {
  // The first pages read their extra columns (the sessions' note changes and enrolments' citizens, the
  // enrolments' history and progress) in the page's own statement; a page that starts further down
  // reads them with queries of their own (list-page.ts, EXTRAS_UP_TO_OFFSET). The same rows must come
  // out the same either way, and the access log must name the same citizens.
  const staffId = async (): Promise<string> => (await db().query<{ id: string }>("SELECT id FROM app_user WHERE email = 'staff@aarhus.demo'")).rows[0]?.id as string;
  const loggedCitizens = async (after: string, user: string): Promise<string[]> =>
    (await db().query<{ c: string[] }>('SELECT array_cat(CASE WHEN citizen_id IS NULL THEN ARRAY[]::uuid[] ELSE ARRAY[citizen_id] END, coalesce(citizen_ids, ARRAY[]::uuid[]))::text[] AS c FROM access_log WHERE seq > $1 AND user_id = $2 ORDER BY seq', [after, user])).rows.flatMap((r) => r.c).sort();
  const head = async (): Promise<string> => (await db().query<{ s: string }>('SELECT coalesce(max(seq), 0)::text AS s FROM access_log')).rows[0]?.s as string;

  it('sessions: rows 26 to 33 of one enrolment, read as part of the first page and as a page of their own', async () => {
    // Started 40 days ago, so that a session a day fits in since.
    const citizen = await createCitizen('aarhus');
    const started = daysFromToday(-40);
    const referred = await call<Enrolment>('POST', '/api/enrolments', { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.icm, centreId: DEMO_IDS.centres.aarhusCentrum, referralDate: started }, { as: staff.aarhus });
    const active = await call<Enrolment>('POST', `/api/enrolments/${referred.body.id}/transitions`, { to: 'active', date: started, version: referred.body.version }, { as: staff.aarhus });
    expect(active.status).toBe(200);
    const enrolment = { id: active.body.id, citizenId: citizen.id };
    for (let day = 1; day <= 34; day++) {
      const logged = await log(enrolment.id, { startsAt: new Date(Date.now() - day * 86_400_000).toISOString(), note: day % 5 === 0 ? `Note ${day}` : undefined });
      expect(logged.status).toBe(201);
      if (day % 5 === 0) {
        const { startsAt, durationMinutes, staffUserId, kind, sessionNumber, attendance, version } = logged.body;
        const corrected = await call('PUT', `/api/sessions/${logged.body.id}`, { startsAt, durationMinutes, staffUserId, kind, sessionNumber, attendance, version, note: `Note ${day}, rettet`, correctionReason: 'Stavefejl' }, { as: staff.aarhus });
        expect(corrected.status).toBe(200);
      }
    }
    const user = await staffId();
    const filter = { enrolmentId: enrolment.id };
    const before = await head();
    const whole = await call<TreatmentSession[]>('GET', listPath('sessions', { filter, range: [0, 33], sort: ['startsAt', 'DESC'] }), undefined, { as: staff.aarhus });
    const middle = await head();
    const further = await call<TreatmentSession[]>('GET', listPath('sessions', { filter, range: [26, 33], sort: ['startsAt', 'DESC'] }), undefined, { as: staff.aarhus });
    expect([whole.status, further.status]).toEqual([200, 200]);
    expect(whole.body).toHaveLength(34);
    expect(further.body).toEqual(whole.body.slice(26));
    // Corrected notes are counted on both paths: days 5, 10, ..., 30 on the first, day 30 on the later one.
    expect(whole.body.filter((s) => s.noteChanges === 1)).toHaveLength(6);
    expect(further.body.filter((s) => s.noteChanges === 1)).toHaveLength(1);
    // One row for each request, each naming the citizen.
    expect(await loggedCitizens(before, user)).toEqual([enrolment.citizenId, enrolment.citizenId]);
    expect(await loggedCitizens(middle, user)).toEqual([enrolment.citizenId]);
  });

  it('enrolments: rows 26 to 29 of thirty, read as part of the first page and as a page of their own', async () => {
    const enrolments = [];
    for (let i = 0; i < 30; i++) enrolments.push(await activeEnrolment('aarhus'));
    const filter = { id: enrolments.map((e) => e.id) };
    const before = await call<Enrolment[]>('GET', listPath('enrolments', { filter, range: [0, 29], sort: ['referralDate', 'DESC'] }), undefined, { as: staff.aarhus });
    // Transitions written in one transaction share their instant (an import's): the database owner
    // writes six such to an enrolment of the later page, and both paths must order them alike.
    const tied = before.body[27]?.id;
    await db().query(
      `INSERT INTO enrolment_transition (municipality_id, enrolment_id, from_state, to_state, on_date, reason, user_id, at)
       SELECT t.municipality_id, t.enrolment_id, 'active', 'active', t.on_date, r, t.user_id, t.at
         FROM enrolment_transition t CROSS JOIN unnest(ARRAY['a', 'b', 'c', 'd', 'e', 'f']) r
        WHERE t.enrolment_id = $1 AND t.to_state = 'active'`,
      [tied],
    );
    const whole = await call<Enrolment[]>('GET', listPath('enrolments', { filter, range: [0, 29], sort: ['referralDate', 'DESC'] }), undefined, { as: staff.aarhus });
    const further = await call<Enrolment[]>('GET', listPath('enrolments', { filter, range: [26, 29], sort: ['referralDate', 'DESC'] }), undefined, { as: staff.aarhus });
    expect([whole.status, further.status]).toEqual([200, 200]);
    expect(whole.body).toHaveLength(30);
    expect(further.body).toEqual(whole.body.slice(26));
    // Each started the way activeEnrolment() starts one: referred, then active (the six added after).
    expect(whole.body.filter((e) => e.id !== tied).every((e) => e.transitions.map((t) => [t.from, t.to]).join() === [[null, 'referred'], ['referred', 'active']].join())).toBe(true);
    expect(whole.body.find((e) => e.id === tied)?.transitions).toHaveLength(8);
    const one = await call<Enrolment>('GET', `/api/enrolments/${tied}`, undefined, { as: staff.aarhus });
    expect(one.body.transitions).toEqual(whole.body.find((e) => e.id === tied)?.transitions);
  });
});
