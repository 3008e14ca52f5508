import { randomUUID } from 'node:crypto';
import { MAX_PAGE_SIZE } from '@outcomes/contracts';
import type { GroupMeeting } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import type { Pool } from 'pg';
import { ASI_INTAKE_ITEMS, freshCpr, mondayWeeksAgo, STRONG_PASSWORD } from '../../support/fixtures';
import { inBatches, sleep } from './load-client';
import type { LoadClient } from './load-client';
import { daysFromToday, today } from '../../support/dates';

export type Town = 'aarhus' | 'odense';
const ADMINS: Record<Town, string> = { aarhus: 'admin@aarhus.demo', odense: 'admin@odense.demo' };
const CENTRES: Record<Town, string> = { aarhus: DEMO_IDS.centres.aarhusCentrum, odense: DEMO_IDS.centres.odenseSyd };
const DEMO_PASSWORD = 'demo-password-2026';
/** Enrolments start this long ago, so sessions can be dated anywhere in the past weeks. */
const ENROLMENT_DAYS_AGO = 60;
const CASELOAD = 3;

/** A simulated staff member: own account and session, own caseload (HCS enrolments) and own course. */
export interface SimUser {
  index: number;
  town: Town;
  id: string;
  token: string;
  caseload: { citizenId: string; enrolmentId: string }[];
  courseId: string;
  /** The course's meetings that have taken place (attendance can only be recorded for those). */
  pastMeetings: string[];
}

const dateDaysAgo = (days: number): string => daysFromToday(-days);
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

function expectStatus(what: string, answer: { status: number; body: unknown }, status: number): void {
  if (answer.status !== status) throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
}

async function signIn(client: LoadClient, email: string, password: string): Promise<string> {
  const res = await client.request<{ token: string }>('setup', 'POST', '/api/auth/login', null, { email, password });
  expectStatus(`signing in as ${email}`, res, 200);
  return res.body.token;
}

/**
 * `count` new staff accounts, alternately in Aarhus and Odense, each signed in with its own session
 * and given a caseload of active HCS enrolments and a course (started four weeks ago) they are members of.
 */
export async function createStaff(client: LoadClient, count: number): Promise<SimUser[]> {
  const adminTokens = { aarhus: await signIn(client, ADMINS.aarhus, DEMO_PASSWORD), odense: await signIn(client, ADMINS.odense, DEMO_PASSWORD) };
  const indexes = Array.from({ length: count }, (_, i) => i);
  // A few at a time: argon2 hashing (create and sign-in) is deliberately expensive.
  return inBatches(indexes, 8, async (index) => {
    const town: Town = index % 2 === 0 ? 'aarhus' : 'odense';
    const email = `load-${index}-${randomUUID().slice(0, 6)}@${town}.test`;
    const created = await client.request<{ id: string }>('setup', 'POST', '/api/users', adminTokens[town], { email, displayName: `Load ${index}`, role: 'staff', password: STRONG_PASSWORD });
    expectStatus('creating a staff account', created, 201);
    const token = await signIn(client, email, STRONG_PASSWORD);
    const as = <T>(method: string, path: string, body?: unknown) => client.request<T>('setup', method, path, token, body);

    const course = await as<{ id: string }>('POST', '/api/groups', {
      programmeId: DEMO_IDS.programmes.hcs, centreId: CENTRES[town], name: `HCS-hold ${index}`, startDate: mondayWeeksAgo(4), startTime: '10:00', place: 'Mødelokale 1',
    });
    expectStatus('creating a course', course, 201);
    const caseload: SimUser['caseload'] = [];
    for (let i = 0; i < CASELOAD; i++) {
      const citizen = await as<{ id: string }>('POST', '/api/citizens', { cpr: freshCpr(), firstName: 'Load', lastName: `Borger ${randomUUID().slice(0, 6)}` });
      expectStatus('creating a citizen', citizen, 201);
      const referred = await as<{ id: string; version: number }>('POST', '/api/enrolments', {
        citizenId: citizen.body.id, programmeId: DEMO_IDS.programmes.hcs, centreId: CENTRES[town], referralDate: dateDaysAgo(ENROLMENT_DAYS_AGO),
      });
      expectStatus('referring', referred, 201);
      const active = await as('POST', `/api/enrolments/${referred.body.id}/transitions`, { to: 'active', date: dateDaysAgo(ENROLMENT_DAYS_AGO), version: referred.body.version });
      expectStatus('starting an enrolment', active, 200);
      expectStatus('joining the course', await as('POST', `/api/groups/${course.body.id}/members`, { enrolmentId: referred.body.id }), 200);
      caseload.push({ citizenId: citizen.body.id, enrolmentId: referred.body.id });
    }
    const meetings = await as<GroupMeeting[]>('GET', `/api/group-meetings?filter=${encodeURIComponent(JSON.stringify({ groupId: course.body.id }))}`);
    expectStatus('listing the meetings', meetings, 200);
    const pastMeetings = meetings.body.filter((m) => new Date(m.startsAt).getTime() < Date.now() - 3600_000).map((m) => m.id);
    if (pastMeetings.length === 0) throw new Error('the course has no past meeting');
    return { index, town, id: created.body.id, token, caseload, courseId: course.body.id, pastMeetings };
  });
}

// ---------------------------------------------------------------------------------------------
// What the simulated users write, as the API acknowledged it (or did not)

export interface SessionWrite {
  userId: string;
  enrolmentId: string;
  startsAt: string;
  durationMinutes: number;
  kind: string;
  attendance: string;
}
export interface AssessmentWrite {
  userId: string;
  enrolmentId: string;
  date: string;
  items: Record<string, number | string>;
}
type AttendanceBody = { enrolmentId: string; status: string }[];

/** Every write the simulated users sent: acknowledged ones by id, the others kept to check they are whole or absent. */
export class WriteLedger {
  readonly sessions = new Map<string, SessionWrite>();
  readonly unackedSessions: SessionWrite[] = [];
  readonly assessments = new Map<string, AssessmentWrite>();
  readonly unackedAssessments: AssessmentWrite[] = [];
  /** Per meeting, in order sent: the attendance and whether the API acknowledged it. */
  readonly attendance = new Map<string, { body: AttendanceBody; acked: boolean }[]>();

  /**
   * Acknowledged writes that must be in the database: every session and assessment, and per meeting
   * the last acknowledged attendance (an earlier one was replaced by the same user's next save).
   */
  get acknowledged(): number {
    let acked = this.sessions.size + this.assessments.size;
    for (const writes of this.attendance.values()) if (writes.some((w) => w.acked)) acked++;
    return acked;
  }

  /** Acknowledged attendance saves replaced by a later acknowledged save of the same meeting. */
  get superseded(): number {
    let n = 0;
    for (const writes of this.attendance.values()) n += Math.max(0, writes.filter((w) => w.acked).length - 1);
    return n;
  }
}

// Each session gets its own start time (a second apart, going back from now), so a session the API
// did not acknowledge can still be looked up: was it written after all, and if so wholly?
let sessionClock = Date.now() - 3600_000;

/** The mix of what staff do, with its weights. */
export const MIX = [
  ['worklist', 25],
  ['citizen page', 30],
  ['log session', 20],
  ['record attendance', 15],
  ['record ASI', 10],
] as const;
type Action = (typeof MIX)[number][0];

function chooseAction(): Action {
  let r = Math.random() * MIX.reduce((sum, [, w]) => sum + w, 0);
  for (const [action, weight] of MIX) {
    if ((r -= weight) < 0) return action;
  }
  return 'worklist';
}

const list = (resource: string, params: Record<string, unknown>): string =>
  `/api/${resource}?${Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(JSON.stringify(v))}`).join('&')}`;

/** One user action: the requests the web app makes for it, the writes recorded in the ledger. */
async function act(client: LoadClient, ledger: WriteLedger, user: SimUser, action: Action): Promise<void> {
  const get = (kind: string, path: string) => client.request<unknown>(kind, 'GET', path, user.token);
  switch (action) {
    case 'worklist': {
      // Worklist.tsx: the own worklist, and the centres for its filter.
      await Promise.all([
        get('worklist', list('worklist', { filter: { staffUserId: user.id }, range: [0, MAX_PAGE_SIZE - 1], sort: ['dueDate', 'ASC'] })),
        get('centres', list('centres', { filter: { municipalityId: DEMO_IDS.municipalities[user.town] }, range: [0, 99], sort: ['name', 'ASC'] })),
      ]);
      return;
    }
    case 'citizen page': {
      // CitizenShow: the citizen, then its enrolments, sessions, assessments and contact timeline at once, then the programmes.
      const { citizenId } = pick(user.caseload);
      const citizen = await get('citizen', `/api/citizens/${citizenId}`);
      if (citizen.status !== 200) return;
      const [enrolments] = await Promise.all([
        client.request<{ programmeId: string }[]>('citizen enrolments', 'GET', list('enrolments', { filter: { citizenId }, range: [0, 99], sort: ['referralDate', 'DESC'] }), user.token),
        get('citizen sessions', list('sessions', { filter: { citizenId }, range: [0, 199], sort: ['startsAt', 'DESC'] })),
        get('citizen assessments', list('assessments', { filter: { citizenId }, range: [0, 99], sort: ['date', 'DESC'] })),
        get('citizen timeline', `/api/citizens/${citizenId}/timeline`),
      ]);
      if (enrolments.status === 200) {
        await get('programmes', list('programmes', { filter: { id: [...new Set(enrolments.body.map((e) => e.programmeId))] } }));
      }
      return;
    }
    case 'log session': {
      sessionClock -= 1000;
      const write: SessionWrite = {
        userId: user.id,
        enrolmentId: pick(user.caseload).enrolmentId,
        startsAt: new Date(sessionClock).toISOString(),
        durationMinutes: 15 + Math.floor(Math.random() * 60),
        kind: pick(['individual-session', 'case-management-meeting']),
        attendance: pick(['attended', 'attended', 'no-show', 'cancelled']),
      };
      const { userId: _u, ...body } = write;
      // Many sessions a day per enrolment, on purpose: each one is the confirmed second (the form's "yes, log another").
      const res = await client.request<{ id?: string }>('POST session', 'POST', '/api/sessions', user.token, { ...body, confirmDuplicate: true });
      if (res.status === 201 && res.body.id) ledger.sessions.set(res.body.id, write);
      else ledger.unackedSessions.push(write);
      return;
    }
    case 'record attendance': {
      const meetingId = pick(user.pastMeetings);
      const body = user.caseload.map((c) => ({ enrolmentId: c.enrolmentId, status: pick(['present', 'present', 'absent', 'excused']) }));
      const res = await client.request<{ id?: string }>('PUT attendance', 'PUT', `/api/group-meetings/${meetingId}/attendance`, user.token, { attendance: body });
      const writes = ledger.attendance.get(meetingId) ?? [];
      writes.push({ body, acked: res.status === 200 && res.body.id === meetingId });
      ledger.attendance.set(meetingId, writes);
      return;
    }
    case 'record ASI': {
      // Ad hoc: the one timepoint an enrolment may have any number of.
      const write: AssessmentWrite = { userId: user.id, enrolmentId: pick(user.caseload).enrolmentId, date: today(), items: { ...ASI_INTAKE_ITEMS, M6: Math.floor(Math.random() * 10) } };
      const { userId: _u, ...rest } = write;
      const res = await client.request<{ id?: string }>('POST assessment', 'POST', '/api/assessments', user.token, { ...rest, timepoint: 'ad-hoc' });
      if (res.status === 201 && res.body.id) ledger.assessments.set(res.body.id, write);
      else ledger.unackedAssessments.push(write);
      return;
    }
  }
}

/** Runs the users until `until()` says stop: each picks an action from the mix, then thinks a moment. */
export async function runUsers(client: LoadClient, ledger: WriteLedger, users: SimUser[], until: () => boolean, thinkMs: number): Promise<void> {
  await Promise.all(
    users.map(async (user) => {
      // Spread the first actions over the think time, not all at the same instant.
      await sleep(Math.random() * thinkMs);
      while (!until()) {
        await act(client, ledger, user, chooseAction());
        await sleep(Math.random() * thinkMs);
      }
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Checking the ledger against the database (as its owner)

export interface LedgerCheck {
  acknowledged: number;
  found: number;
  /** Acknowledged writes missing or stored with other values than those sent. */
  problems: string[];
  /** Writes not acknowledged (503, no answer) that are in the database anyway, wholly. */
  unackedButStored: number;
}

const sameIso = (a: Date | string, b: string): boolean => new Date(a).toISOString() === b;

export async function checkLedger(db: Pool, ledger: WriteLedger, users: SimUser[]): Promise<LedgerCheck> {
  const problems: string[] = [];
  let found = 0;
  let unackedButStored = 0;
  const userIds = users.map((u) => u.id);

  const sessions = await db.query<{ id: string; enrolment_id: string; starts_at: Date; duration_minutes: number; kind: string; attendance: string; staff_user_id: string; logged: boolean }>(
    `SELECT s.id, s.enrolment_id, s.starts_at, s.duration_minutes, s.kind, s.attendance, s.staff_user_id,
            l.record_id IS NOT NULL AS logged
       FROM treatment_session s
       LEFT JOIN (SELECT DISTINCT record_id FROM access_log WHERE resource = 'sessions' AND action = 'create') l ON l.record_id = s.id
      WHERE s.staff_user_id = ANY($1)`,
    [userIds],
  );
  const sessionById = new Map(sessions.rows.map((r) => [r.id, r]));
  for (const [id, sent] of ledger.sessions) {
    const row = sessionById.get(id);
    if (!row) problems.push(`session ${id}: acknowledged but not stored`);
    else if (row.enrolment_id !== sent.enrolmentId || !sameIso(row.starts_at, sent.startsAt) || row.duration_minutes !== sent.durationMinutes || row.kind !== sent.kind || row.attendance !== sent.attendance || row.staff_user_id !== sent.userId) {
      problems.push(`session ${id}: stored with other values than sent`);
    } else found++;
  }
  const sessionByStart = new Map(sessions.rows.map((r) => [`${r.enrolment_id} ${new Date(r.starts_at).toISOString()}`, r]));
  for (const sent of ledger.unackedSessions) {
    const row = sessionByStart.get(`${sent.enrolmentId} ${sent.startsAt}`);
    if (row) unackedButStored++;
  }
  // Whole or absent: each stored session has its access-log row (same transaction), acknowledged or not.
  for (const row of sessions.rows) if (!row.logged) problems.push(`session ${row.id}: stored without its access-log row (half-written)`);
  if (sessions.rows.length !== ledger.sessions.size + unackedButStored) problems.push(`sessions: ${sessions.rows.length} stored, ${ledger.sessions.size} acknowledged + ${unackedButStored} unacknowledged found`);

  const assessments = await db.query<{ id: string; enrolment_id: string; assessed_on: string; items: Record<string, unknown>; interviewer_user_id: string; timepoint: string; logged: boolean }>(
    `SELECT a.id, a.enrolment_id, a.assessed_on::text AS assessed_on, a.items, a.interviewer_user_id, a.timepoint,
            l.record_id IS NOT NULL AS logged
       FROM assessment a
       LEFT JOIN (SELECT DISTINCT record_id FROM access_log WHERE resource = 'assessments' AND action = 'create') l ON l.record_id = a.id
      WHERE a.interviewer_user_id = ANY($1)`,
    [userIds],
  );
  const assessmentById = new Map(assessments.rows.map((r) => [r.id, r]));
  for (const [id, sent] of ledger.assessments) {
    const row = assessmentById.get(id);
    if (!row) problems.push(`assessment ${id}: acknowledged but not stored`);
    else if (row.enrolment_id !== sent.enrolmentId || row.assessed_on !== sent.date || row.timepoint !== 'ad-hoc' || row.interviewer_user_id !== sent.userId || JSON.stringify(sortKeys(row.items)) !== JSON.stringify(sortKeys(sent.items))) {
      problems.push(`assessment ${id}: stored with other values than sent`);
    } else found++;
  }
  for (const row of assessments.rows) if (!row.logged) problems.push(`assessment ${row.id}: stored without its access-log row (half-written)`);
  const extraAssessments = assessments.rows.length - ledger.assessments.size;
  unackedButStored += Math.max(0, extraAssessments);
  if (extraAssessments < 0 || extraAssessments > ledger.unackedAssessments.length) {
    problems.push(`assessments: ${assessments.rows.length} stored, ${ledger.assessments.size} acknowledged, ${ledger.unackedAssessments.length} not acknowledged`);
  }

  const meetingIds = [...ledger.attendance.keys()];
  const stored = await db.query<{ meeting_id: string; enrolment_id: string; status: string }>('SELECT meeting_id, enrolment_id, status FROM group_attendance WHERE meeting_id = ANY($1)', [meetingIds]);
  const key = (rows: { enrolmentId: string; status: string }[]): string => rows.map((r) => `${r.enrolmentId}=${r.status}`).sort().join(',');
  for (const [meetingId, writes] of ledger.attendance) {
    const now = key(stored.rows.filter((r) => r.meeting_id === meetingId).map((r) => ({ enrolmentId: r.enrolment_id, status: r.status })));
    // Attendance is saved as a whole, replacing the meeting's previous one: what must be stored is the
    // last acknowledged attendance, or a later one the API did not acknowledge yet committed, wholly.
    const lastAcked = writes.map((w) => w.acked).lastIndexOf(true);
    const later = writes.slice(lastAcked + 1).map((w) => key(w.body));
    if (lastAcked >= 0 && key((writes[lastAcked] as { body: AttendanceBody }).body) === now) found++;
    else if (later.includes(now)) {
      unackedButStored++;
      if (lastAcked >= 0) found++; // not lost: replaced as a whole by a later save, as an acknowledged one would be
    }
    else if (lastAcked >= 0) problems.push(`attendance of meeting ${meetingId}: the acknowledged attendance is not what is stored`);
    else if (now !== '') problems.push(`attendance of meeting ${meetingId}: stored attendance matches no write sent (half-written)`);
  }
  return { acknowledged: ledger.acknowledged, found, problems, unackedButStored };
}

function sortKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
}
