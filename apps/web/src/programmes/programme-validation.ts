import type { ProgrammeFormat } from '@outcomes/contracts';
import { protocolProblems } from '@outcomes/domain';
import { translatableMessage } from '../data/field-errors';

const numberOrNull = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** The cross-field protocol rules of libs/domain (the API applies the same), as translated form errors. */
export function validateProgramme(values: Record<string, unknown>): Record<string, string> {
  const months = values['followUpMonths'];
  const problems = protocolProblems({
    format: values['format'] as ProgrammeFormat,
    expectedSessions: numberOrNull(values['expectedSessions']),
    courseWeeks: numberOrNull(values['courseWeeks']),
    minAge: numberOrNull(values['minAge']),
    maxAge: numberOrNull(values['maxAge']),
    // A half-typed list is reported by the input's own validator.
    followUpMonths: Array.isArray(months) ? (months as number[]) : [],
  });
  return Object.fromEntries(Object.entries(problems).map(([field, message]) => [field, translatableMessage(message)]));
}
