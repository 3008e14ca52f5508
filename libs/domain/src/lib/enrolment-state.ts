import type { EnrolmentState } from '@outcomes/contracts';

/**
 * The life of an enrolment:
 *   referred -> active -> completed | dropped_out | transferred
 *   referred -> cancelled
 * Every other move is illegal; the last four states are final.
 */
export const TRANSITIONS: Readonly<Record<EnrolmentState, readonly EnrolmentState[]>> = {
  referred: ['active', 'cancelled'],
  active: ['completed', 'dropped_out', 'transferred'],
  completed: [],
  dropped_out: [],
  transferred: [],
  cancelled: [],
};

/**
 * The open states: an enrolment still under way (referred or active). One open enrolment per citizen
 * and programme (the unique index `enrolment_one_open_per_programme`, whose TypeORM literal a test
 * holds equal to this list), the people a group or a meeting can take, the report's "still open".
 */
export const OPEN_STATES: readonly EnrolmentState[] = ['referred', 'active'];

/**
 * The states that end a course of treatment: completed or dropped out. Such an enrolment owes its end
 * and follow-up assessments (attrition is reported, not hidden) and counts in completion and retention;
 * transferred and cancelled ones do neither.
 */
export const ENDED_STATES: readonly EnrolmentState[] = ['completed', 'dropped_out'];

export function hasEnded(state: string): boolean {
  return (ENDED_STATES as readonly string[]).includes(state);
}

/** Whether a state (an EnrolmentState, or a database row's text) is open. */
export function isOpen(state: string): boolean {
  return (OPEN_STATES as readonly string[]).includes(state);
}

export function allowedTransitions(from: EnrolmentState): readonly EnrolmentState[] {
  return TRANSITIONS[from];
}

export function isFinal(state: EnrolmentState): boolean {
  return TRANSITIONS[state].length === 0;
}

export type TransitionResult = { ok: true; state: EnrolmentState } | { ok: false; state: EnrolmentState; allowed: readonly EnrolmentState[] };

export function transition(from: EnrolmentState, to: EnrolmentState): TransitionResult {
  return TRANSITIONS[from].includes(to) ? { ok: true, state: to } : { ok: false, state: from, allowed: TRANSITIONS[from] };
}
