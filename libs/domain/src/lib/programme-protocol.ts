import type { ProgrammeInput } from '@outcomes/contracts';

type ProtocolFields = Pick<
  ProgrammeInput,
  'format' | 'expectedSessions' | 'courseWeeks' | 'followUpMonths' | 'minAge' | 'maxAge'
>;

/**
 * Rules that span several fields of a programme's protocol (single-field rules live in the DTO).
 * Returns a map from field to message; empty when the protocol is coherent.
 */
export function protocolProblems(protocol: ProtocolFields): Record<string, string> {
  const problems: Record<string, string> = {};
  const { minAge, maxAge, format, courseWeeks, expectedSessions, followUpMonths } = protocol;

  if (minAge !== null && maxAge !== null && minAge > maxAge) {
    problems['maxAge'] = 'maxAge must be greater than or equal to minAge';
  }
  if (format === 'closed-group' && courseWeeks === null) {
    problems['courseWeeks'] = 'courseWeeks is required for a closed group course';
  }
  if (format !== 'closed-group' && courseWeeks !== null) {
    problems['courseWeeks'] = 'courseWeeks applies only to a closed group course';
  }
  if (format === 'closed-group' && courseWeeks !== null && expectedSessions !== null && expectedSessions < courseWeeks) {
    problems['expectedSessions'] = 'expectedSessions must cover at least one meeting a week of the course';
  }
  const ascending = followUpMonths.every((m, i) => i === 0 || m > (followUpMonths[i - 1] ?? 0));
  if (!ascending) {
    problems['followUpMonths'] = 'followUpMonths must be strictly increasing';
  }
  return problems;
}

/** Age in whole years on a date, from a birth date; both as ISO dates (YYYY-MM-DD). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}
