import { apiErrorOf } from '../common/http-errors';
import { translatableMessage } from '../data/field-errors';

/** Each rule message as a translation key, for a form with its own save: `{ field: key }`. */
export function ruleMessages(problems: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(problems).map(([field, message]) => [field, translatableMessage(message)]));
}

/** The field errors of a failed save, translated, or undefined when the API named no field. */
export function fieldErrorsOf(error: unknown): Record<string, string> | undefined {
  const errors = apiErrorOf(error).errors;
  return errors && Object.keys(errors).length > 0 ? ruleMessages(errors) : undefined;
}
