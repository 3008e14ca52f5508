import { ATTESTATIONS } from '@outcomes/contracts';
import type { Attestation } from '@outcomes/contracts';

type FormData = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

const attestationsOf = (value: unknown): Attestation[] =>
  Array.isArray(value) ? ATTESTATIONS.filter((a) => (value as unknown[]).includes(a)) : [];

/** POST /api/enrolments: the referral; an override reason only when one was written. */
export function toEnrolmentCreateBody(data: FormData): FormData {
  const override = text(data['eligibilityOverride']);
  return {
    citizenId: data['citizenId'],
    programmeId: data['programmeId'],
    centreId: data['centreId'],
    referralDate: data['referralDate'],
    referralSource: text(data['referralSource']),
    attestations: attestationsOf(data['attestations']),
    ...(override ? { eligibilityOverride: override } : {}),
    // Opened from a request (henvendelse): the enrolment answers it, its start counts for the guarantee, and it has the request's kind.
    ...(typeof data['caseRequestId'] === 'string' ? { caseRequestId: data['caseRequestId'] } : { courseKind: data['courseKind'] === 'sel-101a' ? 'sel-101a' : 'sel-101' }),
  };
}

/** PUT /api/enrolments/:id takes only what may change without a state change. */
export function toEnrolmentUpdateBody(data: FormData): FormData {
  return {
    centreId: data['centreId'],
    referralSource: text(data['referralSource']),
    attestations: attestationsOf(data['attestations']),
    version: data['version'],
  };
}
