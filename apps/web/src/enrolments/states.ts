import { ATTESTATIONS, ENROLMENT_STATES } from '@outcomes/contracts';
import type { Enrolment, EnrolmentState } from '@outcomes/contracts';
import { protocolProgress } from '@outcomes/domain';

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

/**
 * "13 af 16": attendance toward the protocol (libs/domain attendance.ts: sessions attended and group
 * meetings present, counted by the API) of the programme's number, when the programme has one.
 */
export function progressOf(enrolment: Pick<Enrolment, 'sessionsAttended' | 'expectedSessions'>): { attended: number; expected: number } | undefined {
  return protocolProgress(enrolment.sessionsAttended, enrolment.expectedSessions);
}
