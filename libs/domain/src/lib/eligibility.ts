import type { Attestation, ProgrammeInput } from '@outcomes/contracts';
import { ageOn } from './programme-protocol';

export interface EligibilityFailure {
  /** Machine-readable rule, e.g. `age-below-minimum`. */
  rule: string;
  message: string;
}

export interface EligibilityInput {
  programme: Pick<ProgrammeInput, 'minAge' | 'maxAge' | 'code'> & { requiredAttestations: readonly Attestation[] };
  /** Known from the CPR number; null for anonymous citizens. */
  birthDate: string | null;
  /** Start (or referral) date, YYYY-MM-DD. */
  onDate: string;
  attestations: readonly Attestation[];
}

/** The rules a programme's eligibility sets; an empty list means eligible. */
export function eligibilityFailures(input: EligibilityInput): EligibilityFailure[] {
  const failures: EligibilityFailure[] = [];
  const { programme, birthDate, onDate } = input;
  if (birthDate !== null) {
    const age = ageOn(birthDate, onDate);
    if (programme.minAge !== null && age < programme.minAge) {
      failures.push({ rule: 'age-below-minimum', message: `${programme.code} is for ages ${programme.minAge} and up; the citizen is ${age} on ${onDate}` });
    }
    if (programme.maxAge !== null && age > programme.maxAge) {
      failures.push({ rule: 'age-above-maximum', message: `${programme.code} is for ages up to ${programme.maxAge}; the citizen is ${age} on ${onDate}` });
    }
  } else if (programme.minAge !== null || programme.maxAge !== null) {
    failures.push({ rule: 'age-unknown', message: `${programme.code} has an age range and the citizen's age is unknown (no CPR number)` });
  }
  for (const required of programme.requiredAttestations) {
    if (!input.attestations.includes(required)) {
      failures.push({ rule: `attestation-missing:${required}`, message: `${programme.code} requires the attestation "${required}"` });
    }
  }
  return failures;
}
