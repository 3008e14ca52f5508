/**
 * The API's refusals of an export project's k and period (400, English sentences naming the field)
 * as the rules they name, in the user's language beside the field. Other messages pass as they came
 * (already translated where the app knows them, data/field-errors.ts).
 */
const RULES: { field: string; pattern: RegExp; key: string }[] = [
  { field: 'k', pattern: /at most|maximum|greater|above|more than/i, key: 'app.exports.errors.k_max' },
  { field: 'k', pattern: /\b5\b|least|minimum|smaller|below|less/i, key: 'app.exports.errors.k_min' },
  { field: 'periodFrom', pattern: /month/i, key: 'app.exports.errors.whole_months_from' },
  { field: 'periodTo', pattern: /month/i, key: 'app.exports.errors.whole_months_to' },
];

export function exportProjectErrors(errors: Record<string, string>): Record<string, string> {
  const out = { ...errors };
  for (const { field, pattern, key } of RULES) {
    const message = out[field];
    // The first rule that names the message wins; a message already a key is left alone.
    if (message !== undefined && !message.startsWith('app.') && pattern.test(message)) out[field] = key;
  }
  return out;
}
