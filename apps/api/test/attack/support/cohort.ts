import { randomUUID } from 'node:crypto';
import type { Enrolment } from '@outcomes/contracts';
import { DEMO_IDS, sampleAsiItems } from '@outcomes/seeds';
import { admins, consentToStart, createUser, daysFromToday, minorOn, postCitizen, staff, STRONG_PASSWORD } from '../../support/fixtures';
import type { CprSource, Town } from '../../support/fixtures';
import { call, tokenFor } from '../../support/http';

export const CENTRES: Record<Town, string> = { aarhus: DEMO_IDS.centres.aarhusCentrum, odense: DEMO_IDS.centres.odenseSyd };
/** Where a transferred course's citizen moves (decision 110): the other demo municipality. */
const MOVES_TO: Record<Town, string> = { aarhus: DEMO_IDS.municipalities.odense, odense: DEMO_IDS.municipalities.aarhus };

export type Outcome = 'completed' | 'dropped_out' | 'transferred' | 'cancelled' | 'active' | 'referred';

/** One enrolment of the cohort, as staff record it. */
export interface EnrolmentSpec {
  town: Town;
  programmeId: string;
  referralDate: string;
  outcome: Outcome;
  /** Drug-free at the end interview (undefined: none taken); an intake is taken whenever an end interview is. */
  endDrugFree?: boolean;
  /** Drug-free at the six-month follow-up (undefined: none taken). */
  followUpDrugFree?: boolean;
  /** A CPR number, or a generator of them, of the test's choosing (quasi-identifiers: birth year and sex). */
  cpr?: CprSource;
  /** Days from the start to the end (default 91 for a completion, 42 otherwise). */
  endAfterDays?: number;
  /** One attended session of this many minutes two days after the start (staff time in the economy figures). */
  sessionMinutes?: number;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

async function ok<T>(what: string, answer: Promise<{ status: number; body: T }>): Promise<T> {
  const res = await answer;
  if (res.status !== 200 && res.status !== 201) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A local programme of the town (its admin makes it): its reports hold only this test's enrolments. */
export async function localProgramme(town: Town, label: string): Promise<string> {
  const code = `${label}${randomUUID().slice(0, 5).toUpperCase()}`;
  const body = { code, name: `Angreb ${code}`, format: 'individual', expectedSessions: 12, followUpMonths: [6] };
  return (await ok<{ id: string }>('a programme', call('POST', '/api/programmes', body, { as: admins[town] }))).id;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** A CPR number born in `year` (1937-1999), of the given sex (odd last digit: male), random elsewhere. */
export function cprOf(year: number, sex: 'male' | 'female'): string {
  const last = 2 * Math.floor(Math.random() * 5) + (sex === 'male' ? 1 : 0);
  return `${two(1 + Math.floor(Math.random() * 28))}${two(1 + Math.floor(Math.random() * 12))}${two(year % 100)}${Math.floor(Math.random() * 4)}${two(Math.floor(Math.random() * 100))}${last}`;
}

/** Staff record one enrolment through the API: citizen, referral, start, end, interviews. 2-7 calls. */
export async function enrol(spec: EnrolmentSpec): Promise<string> {
  const as = staff[spec.town];
  const year = 1960 + Math.floor(Math.random() * 35);
  const sex = Math.random() < 0.5 ? 'male' : 'female';
  const registered = await postCitizen({ cpr: spec.cpr ?? (() => cprOf(year, sex)), firstName: 'Angreb', lastName: `Borger ${randomUUID().slice(0, 6)}` }, as);
  const citizen = await ok<{ id: string }>('a citizen', Promise.resolve(registered));
  const cpr = registered.cpr as string;
  let e = await ok<Enrolment>('a referral', call('POST', '/api/enrolments', { citizenId: citizen.id, programmeId: spec.programmeId, centreId: CENTRES[spec.town], referralDate: spec.referralDate }, { as }));
  const move = async (to: string, date: string): Promise<void> => {
    e = await ok<Enrolment>(`a transition to ${to}`, call('POST', `/api/enrolments/${e.id}/transitions`, { to, date, ...(to === 'active' || to === 'cancelled' ? {} : { endStatus: 'unknown' }), ...(to === 'transferred' ? { transferredToMunicipalityId: MOVES_TO[spec.town] } : {}), version: e.version }, { as }));
  };
  if (spec.outcome === 'referred') return e.id;
  if (spec.outcome === 'cancelled') {
    await move('cancelled', addDays(spec.referralDate, 5));
    return e.id;
  }
  const start = addDays(spec.referralDate, 7);
  if (minorOn(cpr, start)) await consentToStart(e.id, start, as);
  await move('active', start);
  if (spec.sessionMinutes !== undefined) {
    const session = { enrolmentId: e.id, startsAt: `${addDays(start, 2)}T10:00:00.000Z`, durationMinutes: spec.sessionMinutes, kind: 'case-management-meeting', attendance: 'attended' };
    await ok('a session', call('POST', '/api/sessions', session, { as }));
  }
  if (spec.outcome === 'active') return e.id;
  const end = addDays(start, spec.endAfterDays ?? (spec.outcome === 'completed' ? 91 : 42));
  await move(spec.outcome, end);
  const assess = (timepoint: string, date: string, drugDays: number) =>
    ok('an assessment', call('POST', '/api/assessments', { enrolmentId: e.id, timepoint, date, items: sampleAsiItems(drugDays, timepoint === 'intake' ? 3 : 1) }, { as }));
  if (spec.endDrugFree !== undefined) {
    await assess('intake', start, 20);
    await assess('end', end, spec.endDrugFree ? 0 : 8);
  }
  if (spec.followUpDrugFree !== undefined) await assess('follow-up-6', addDays(end, 182), spec.followUpDrugFree ? 0 : 6);
  return e.id;
}

/** Signs staff and admins in one at a time: parallel first sign-ins of one user trip the login limit. */
export async function signInStaff(): Promise<void> {
  for (const email of [...Object.values(staff), ...Object.values(admins)]) await tokenFor(email);
}

/** Runs the work a few at a time: the machine is shared, and the API's pool is small. */
export async function inBatches<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += width) results.push(...(await Promise.all(items.slice(i, i + width).map(work))));
  return results;
}

/**
 * A new evaluator of Aarhus, signed in, with Odense's grant when asked. An attacker with many
 * accounts is realistic (colleagues of a research group, each with an account): the daily budget
 * is per evaluator, so the sweep spreads its questions over several of them.
 */
export async function newEvaluator(grantFromOdense = false): Promise<{ email: string; token: string }> {
  const user = await createUser('aarhus', 'evaluator');
  if (grantFromOdense) {
    await ok('a grant', call('POST', '/api/evaluator-grants', { evaluatorEmail: user.email, purpose: 'Angrebstest af afsløringskontrol', validFrom: daysFromToday(-1), validUntil: daysFromToday(2) }, { as: admins.odense }));
  }
  return { email: user.email, token: await tokenFor(user.email, STRONG_PASSWORD) };
}
