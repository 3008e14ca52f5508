import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Centre, Citizen, Role, User } from '@outcomes/contracts';
import { ASI_INTAKE_EXAMPLE, DEMO_IDS } from '@outcomes/seeds';
import { call } from './http';
import { parseCpr } from '@outcomes/domain';
import { daysFromToday, today as todayInDenmark } from './dates';

export const STRONG_PASSWORD = 'Grøn-Cykel-Lampe-2026!';
export const admins = { aarhus: 'admin@aarhus.demo', odense: 'admin@odense.demo' } as const;
export type Town = keyof typeof admins;

/** A new user in the town's municipality, created by that town's admin. */
export async function createUser(town: Town, role: Role, password = STRONG_PASSWORD): Promise<User & { password: string }> {
  const email = `${role}-${randomUUID().slice(0, 8)}@${town}.test`;
  const res = await call<User>('POST', '/api/users', { email, displayName: `Test ${role}`, role, password }, { as: admins[town] });
  if (res.status !== 201) throw new Error(`creating a user answered ${res.status}: ${JSON.stringify(res.body)}`);
  return { ...res.body, password };
}

export async function createCentre(town: Town, municipalityId: string): Promise<Centre> {
  const res = await call<Centre>('POST', '/api/centres', { municipalityId, name: `Centre ${randomUUID().slice(0, 8)}` }, { as: admins[town] });
  if (res.status !== 201) throw new Error(`creating a centre answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function login(email: string, password: string): Promise<{ status: number; body: { token?: string; message?: string; code?: string }; cookie: string | null }> {
  const res = await call<{ token?: string; message?: string; code?: string }>('POST', '/api/auth/login', { email, password }, { as: null });
  return { status: res.status, body: res.body, cookie: res.headers.get('set-cookie') };
}

/** A date `days` from today (the Danish date), as YYYY-MM-DD. */
export { daysFromToday } from './dates';

/**
 * A national operator, made as an installation makes one: by the CLI (create-operator) against the
 * test database, as its owner. Answers the e-mail and password to sign in with.
 */
export function createOperator(): { email: string; password: string } {
  const email = `operator-${randomUUID().slice(0, 8)}@national.test`;
  const result = spawnSync(process.execPath, [join(__dirname, '../../../../dist/apps/api/cli.js'), 'create-operator', '--email', email, '--name', 'National operatør'], {
    input: `${STRONG_PASSWORD}\n`,
    env: { ...process.env, DATABASE_URL: process.env['TEST_DATABASE_URL'], NODE_ENV: 'test', DATA_DIR: mkdtempSync(join(tmpdir(), 'operator-cli-')), LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`create-operator exited ${result.status}: ${result.stderr}`);
  return { email, password: STRONG_PASSWORD };
}

export const staff = { aarhus: 'staff@aarhus.demo', odense: 'staff@odense.demo' } as const;

const two = (n: number): string => String(n).padStart(2, '0');
const random = (below: number): number => Math.floor(Math.random() * below);

/** A valid CPR number of someone born 1950-1999, random enough not to repeat within a test run. */
export function freshCpr(): string {
  return `${two(1 + random(28))}${two(1 + random(12))}${two(50 + random(50))}${random(4)}${String(random(1000)).padStart(3, '0')}`;
}

/** A CPR number of someone born 1960-1969: an adult on any date a test refers them (back to 1988). */
export function bornInThe1960s(): string {
  return `${two(1 + random(28))}${two(1 + random(12))}6${random(10)}${random(4)}${String(random(1000)).padStart(3, '0')}`;
}

/** A CPR number, or a generator of them that `postCitizen` may call again when a number is taken. */
export type CprSource = string | (() => string);

/**
 * Registers a citizen through the API. A generated CPR number (given as a function) is drawn again
 * when the municipality already holds it: the generators draw from a few hundred thousand to a few
 * million numbers, so over a whole run's thousands of citizens a repeat happens now and then, and
 * the 409 it gets failed a CI run once. A CPR number given as a string is posted as it is.
 */
export async function postCitizen(body: Record<string, unknown> & { cpr?: CprSource | null }, as: string): Promise<{ status: number; body: Citizen & { code?: string }; cpr: string | null }> {
  const source = body.cpr;
  for (let attempt = 1; ; attempt++) {
    const cpr = typeof source === 'function' ? source() : (source ?? null);
    const res = await call<Citizen & { code?: string }>('POST', '/api/citizens', source === undefined ? body : { ...body, cpr }, { as });
    if (res.status === 409 && res.body.code === 'DUPLICATE' && typeof source === 'function' && attempt < 5) continue;
    return { status: res.status, body: res.body, cpr };
  }
}

export async function createCitizen(town: Town, input: Record<string, unknown> & { cpr?: CprSource | null } = {}): Promise<Citizen> {
  const res = await postCitizen({ cpr: freshCpr, firstName: 'Test', lastName: `Borger ${randomUUID().slice(0, 6)}`, ...input }, staff[town]);
  if (res.status !== 201) throw new Error(`creating a citizen answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * A CPR number of someone born in 2006 (19 or 20 in 2025-2026: within MOVE's 15-25). The 7th digit 4
 * with YY 06 gives the 2000s; day, month and serial vary so numbers do not repeat within a run.
 */
export function youngCpr(): string {
  return `${two(1 + random(28))}${two(1 + random(12))}064${String(random(1000)).padStart(3, '0')}`;
}

/** Born on a random day of January-October 2010: 16 years old around the end of 2026 (7th digit 4: the 2000s). */
export function sixteenYearOldCpr(): string {
  return `${two(1 + random(28))}${two(1 + random(10))}104${String(random(1000)).padStart(3, '0')}`;
}

/** True when the CPR number's holder is under 18 on `date` (a start then needs consents: docs/domain.md). */
export function minorOn(cpr: string, date: string): boolean {
  const parsed = parseCpr(cpr, '9999-12-31');
  if (!parsed.valid) throw new Error(`fixture: ${cpr.slice(0, 6)}-… is not a valid CPR number`);
  const [y, m, d] = parsed.info.birthDate.split('-').map(Number) as [number, number, number];
  const eighteenth = new Date(Date.UTC(y + 18, m - 1, d)).toISOString().slice(0, 10);
  return date < eighteenth;
}

/** The consents a young person's start needs, dated `on`: a custodial parent's and (15+) the young person's own. */
export async function consentToStart(enrolmentId: string, on: string, as: string): Promise<void> {
  for (const body of [{ kind: 'custodial-parent', givenBy: 'Forælder Test' }, { kind: 'young-person' }]) {
    const res = await call('POST', '/api/youth-consents', { enrolmentId, givenOn: on, ...body }, { as });
    if (res.status !== 201) throw new Error(`recording a ${body.kind} consent answered ${res.status}: ${JSON.stringify(res.body)}`);
  }
}

/**
 * An active enrolment of a new citizen of the town: ICM by default (adults); MOVE gets a young citizen.
 * Referred and started three Danish days ago, so that a session or an assessment a few hours ago (or
 * dated by the UTC calendar) is never before the start, also in the hours after Danish midnight.
 */
export async function activeEnrolment(town: Town, programmeId: string = DEMO_IDS.programmes.icm): Promise<{ id: string; version: number; citizenId: string }> {
  const centres: Record<Town, string> = { aarhus: DEMO_IDS.centres.aarhusCentrum, odense: DEMO_IDS.centres.odenseSyd };
  const isMove = programmeId === DEMO_IDS.programmes.move;
  const citizen = await createCitizen(town, isMove ? { cpr: youngCpr } : {});
  const started = daysFromToday(-3);
  const referred = await call<{ id: string; version: number }>('POST', '/api/enrolments', { citizenId: citizen.id, programmeId, centreId: centres[town], referralDate: started }, { as: staff[town] });
  const active = await call<{ id: string; version: number }>('POST', `/api/enrolments/${referred.body.id}/transitions`, { to: 'active', date: started, version: referred.body.version }, { as: staff[town] });
  if (active.status !== 200) throw new Error(`starting an enrolment answered ${active.status}: ${JSON.stringify(active.body)}`);
  return { ...active.body, citizenId: citizen.id };
}

/** The Monday `weeks` weeks before today's week (the Danish date's week), as YYYY-MM-DD. */
export function mondayWeeksAgo(weeks: number): string {
  const [y, m, d] = todayInDenmark().split('-').map(Number) as [number, number, number];
  const monday = new Date(Date.UTC(y, m - 1, d));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7) - 7 * weeks);
  return monday.toISOString().slice(0, 10);
}

/** An HCS course of the town, started `weeksAgo` weeks ago, with its generated meetings. */
export async function createCourse(town: Town, weeksAgo = 4): Promise<{ id: string; version: number; memberEnrolmentIds: string[] }> {
  const centres: Record<Town, string> = { aarhus: DEMO_IDS.centres.aarhusCentrum, odense: DEMO_IDS.centres.odenseSyd };
  const res = await call<{ id: string; version: number; memberEnrolmentIds: string[] }>('POST', '/api/groups', {
    programmeId: DEMO_IDS.programmes.hcs, centreId: centres[town], name: `HCS-hold ${randomUUID().slice(0, 6)}`, startDate: mondayWeeksAgo(weeksAgo), startTime: '17:00', place: 'Mødelokale 2',
  }, { as: staff[town] });
  if (res.status !== 201) throw new Error(`creating a course answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A complete ASI intake (every composite computable), hand-checked in assessments.e2e-spec.ts: seeds' ASI_INTAKE_EXAMPLE. */
export const ASI_INTAKE_ITEMS: Record<string, number | string> = { ...ASI_INTAKE_EXAMPLE };
