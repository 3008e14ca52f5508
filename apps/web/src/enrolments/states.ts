import { ATTESTATIONS, ENROLMENT_STATES } from '@outcomes/contracts';
import type { Enrolment, EnrolmentState } from '@outcomes/contracts';

export const stateChoices = ENROLMENT_STATES.map((id) => ({ id, name: `resources.enrolments.states.${id}` }));

export const attestationChoices = ATTESTATIONS.map((id) => ({ id, name: `resources.enrolments.attestations.${id}` }));

export type ChipColour = 'default' | 'info' | 'success' | 'warning' | 'error' | 'primary';

export const STATE_COLOURS: Record<EnrolmentState, ChipColour> = {
  referred: 'info',
  active: 'primary',
  completed: 'success',
  dropped_out: 'warning',
  transferred: 'default',
  cancelled: 'default',
};

/** "7 of 12": sessions attended against the protocol's number, when the programme counts them. */
export function progressOf(enrolment: Pick<Enrolment, 'sessionsAttended' | 'expectedSessions'>): { attended: number; expected: number } | undefined {
  return enrolment.expectedSessions ? { attended: enrolment.sessionsAttended, expected: enrolment.expectedSessions } : undefined;
}
