import { parseCpr } from '@outcomes/domain';
import { todayLocal } from '../common/dates';
import type { CprInfo } from '@outcomes/domain';

/** An error as react-admin's validators return it: a translation key, with arguments when it has some. */
export type CprError = string | { message: string; args: Record<string, string | number> };

export interface CprFeedback {
  /** Why the number is refused (empty is fine: an anonymous citizen). */
  error?: CprError;
  /** Translation keys of what is worth knowing about a valid number (replacement number, modulus 11). */
  warnings: string[];
  /** What the number tells, when it is valid. */
  info?: CprInfo;
}

const WARNINGS: [RegExp, string][] = [
  [/^a replacement number\b/, 'app.helper.cpr_replacement'],
  [/\bmodulus-11\b/, 'app.helper.cpr_modulus11'],
];

function errorFor(rule: string): CprError {
  if (rule.startsWith('cpr must be 10 digits')) return 'app.validation.cpr_format';
  if (rule === 'cpr gives a date of birth in the future') return 'app.validation.cpr_future';
  const date = /\((\d{2}-\d{2}-\d{4}) does not exist\)/.exec(rule)?.[1];
  if (date) return { message: 'app.validation.cpr_no_such_date', args: { date } };
  return rule;
}

/** The CPR rules of libs/domain, as the form shows them while the number is typed; `today` is the Danish date. */
export function cprFeedback(value: unknown, today: string = todayLocal()): CprFeedback {
  if (typeof value !== 'string' || value.trim() === '') return { warnings: [] };
  const result = parseCpr(value, today);
  if (!result.valid) return { error: errorFor(result.rule), warnings: [] };
  const warnings = result.info.warnings.map((w) => WARNINGS.find(([pattern]) => pattern.test(w))?.[1] ?? w);
  return { warnings, info: result.info };
}

/** A react-admin validator for the CPR input. */
export const validateCpr = (value: unknown): CprError | undefined => cprFeedback(value).error;
