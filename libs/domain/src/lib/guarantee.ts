import type { GuaranteeFigures, GuaranteeState } from '@outcomes/contracts';
import { addDays } from './danish-date';
import { quartiles } from './statistics';

/**
 * The treatment guarantee (Serviceloven § 101 stk. 4): treatment starts no later than 14 days after
 * the request. Calendar days (unconfirmed: no source says working days), so the request date + 14 is
 * the last day treatment may start on ("day 14 = last day"). The number of days is a setting
 * (TREATMENT_GUARANTEE_DAYS); 14 is the law's figure.
 */
export const DEFAULT_GUARANTEE_DAYS = 14;

/** Requests this many calendar days or fewer apart make one contact course (Danmarks Statistik). */
export const JOIN_WINDOW_DAYS = 10;

/** Whole calendar days from one date to another (YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A new request on `newOn` joins the open one of `openOn` when they are at most 10 days apart. */
export function joinsOpenRequest(openOn: string, newOn: string): boolean {
  return Math.abs(daysBetween(openOn, newOn)) <= JOIN_WINDOW_DAYS;
}

export interface GuaranteeInput {
  requestedOn: string;
  /** The start of treatment (the earliest linked enrolment's start), or null. */
  startDate: string | null;
  waiverOn: string | null;
  missedReason: string | null;
  today: string;
  days?: number;
}

/**
 * Where the guarantee stands: met (started by the deadline), waived (the citizen chose another place
 * under free choice, § 101 stk. 6), missed (started after it), running (not started, deadline not
 * passed) or overdue (not started, deadline passed).
 */
export function guaranteeState(input: GuaranteeInput): GuaranteeState {
  const deadline = addDays(input.requestedOn, input.days ?? DEFAULT_GUARANTEE_DAYS);
  const daysToStart = input.startDate === null ? null : daysBetween(input.requestedOn, input.startDate);
  const base = { deadline, startDate: input.startDate, daysToStart, daysLeft: null, reasonMissing: false };
  if (input.startDate !== null && input.startDate <= deadline) return { ...base, status: 'met' };
  if (input.waiverOn !== null) return { ...base, status: 'waived' };
  const reasonMissing = !input.missedReason;
  if (input.startDate !== null) return { ...base, status: 'missed', reasonMissing };
  const daysLeft = daysBetween(input.today, deadline);
  return daysLeft >= 0 ? { ...base, status: 'running', daysLeft } : { ...base, status: 'overdue', daysLeft, reasonMissing };
}

/** The period's figures from each request's state (see GuaranteeFigures for what counts). */
export function guaranteeFigures(states: GuaranteeState[]): Omit<GuaranteeFigures, 'municipalityId' | 'from' | 'to' | 'guaranteeDays' | 'anonymousLeftOut'> {
  const count = (s: GuaranteeState['status']): number => states.filter((x) => x.status === s).length;
  const met = count('met');
  const missed = count('missed');
  const overdue = count('overdue');
  const decided = met + missed + overdue;
  const started = states.filter((s) => (s.status === 'met' || s.status === 'missed') && s.daysToStart !== null).map((s) => s.daysToStart as number);
  return {
    requests: states.length,
    met,
    missed,
    overdue,
    running: count('running'),
    waived: count('waived'),
    shareWithin: decided === 0 ? null : met / decided,
    medianDays: quartiles(started)?.median ?? null,
  };
}
