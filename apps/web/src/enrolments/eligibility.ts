import { ATTESTATIONS } from '@outcomes/contracts';

export interface Failure {
  rule: string;
  message: string;
}

/** A failed eligibility rule as a translation key and its arguments; unknown rules keep the API's words. */
export interface FailureText {
  key: string;
  args: Record<string, string | number>;
  /** A translation key to put in the `attestation` argument. */
  attestationKey?: string;
}

const AGE_BELOW = /^(\S+) is for ages (\d+) and up; the citizen is (\d+) on (\d{4}-\d{2}-\d{2})$/;
const AGE_ABOVE = /^(\S+) is for ages up to (\d+); the citizen is (\d+) on (\d{4}-\d{2}-\d{2})$/;
const PROGRAMME = /^(\S+) /;

export function failureText(failure: Failure): FailureText {
  const fallback = { key: failure.message, args: { _: failure.message } };
  const programme = PROGRAMME.exec(failure.message)?.[1] ?? '';
  if (failure.rule === 'age-below-minimum' || failure.rule === 'age-above-maximum') {
    const match = (failure.rule === 'age-below-minimum' ? AGE_BELOW : AGE_ABOVE).exec(failure.message);
    if (!match) return fallback;
    const [, , limit = '', age = '', date = ''] = match;
    return {
      key: `resources.enrolments.eligibility.${failure.rule === 'age-below-minimum' ? 'age_below_minimum' : 'age_above_maximum'}`,
      args: { programme, limit: Number(limit), age: Number(age), date },
    };
  }
  if (failure.rule === 'age-unknown') return { key: 'resources.enrolments.eligibility.age_unknown', args: { programme } };
  const attestation = /^attestation-missing:(.+)$/.exec(failure.rule)?.[1];
  if (attestation && (ATTESTATIONS as readonly string[]).includes(attestation)) {
    return {
      key: 'resources.enrolments.eligibility.attestation_missing',
      args: { programme },
      attestationKey: `resources.enrolments.attestations.${attestation}`,
    };
  }
  return fallback;
}
