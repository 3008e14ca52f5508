/**
 * Field messages from the domain rules (libs/domain) and the API are English sentences; the form
 * shows them through the translator, so known ones become translation keys and others pass as is.
 */
const KNOWN_MESSAGES: Record<string, string> = {
  'maxAge must be greater than or equal to minAge': 'app.validation.max_age_below_min_age',
  'courseWeeks is required for a closed group course': 'app.validation.course_weeks_required',
  'courseWeeks applies only to a closed group course': 'app.validation.course_weeks_not_applicable',
  'expectedSessions must cover at least one meeting a week of the course':
    'app.validation.expected_sessions_below_course_weeks',
  'followUpMonths must be strictly increasing': 'app.validation.follow_up_months_increasing',
  'password is required': 'ra.validation.required',
  'password is too common; choose a longer, less predictable one': 'app.validation.password_too_common',
  'password must not contain the e-mail name': 'app.validation.password_contains_email',
  'only evaluators are granted other municipalities': 'app.validation.grants_only_for_evaluators',
  'you cannot deactivate yourself': 'app.validation.cannot_deactivate_yourself',
  'you cannot take away your own admin role': 'app.validation.cannot_drop_own_admin_role',
  'municipalityId must be your own municipality': 'app.validation.own_municipality_only',
};

const KNOWN_PATTERNS: [RegExp, string][] = [
  [/ must be an e-?mail( address)?$/, 'ra.validation.email'],
  [/ should not be empty$| must be longer than or equal to 1 characters$/, 'ra.validation.required'],
  [/ must be an integer number$/, 'app.validation.whole_number'],
  [/^must be unique\b/, 'ra.validation.unique'],
  [/^code must be the three-digit municipality number$/, 'app.validation.municipality_code'],
  [/^password must be at least \d+ characters$/, 'app.validation.password_too_short'],
];

export function translatableMessage(message: string): string {
  return KNOWN_MESSAGES[message] ?? KNOWN_PATTERNS.find(([pattern]) => pattern.test(message))?.[1] ?? message;
}

/** `{ "followUpMonths.1": msg }` or `{ "followUpMonths[1]": msg }` belong to the input `followUpMonths`. */
export function toFormErrors(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const field = path.split(/[.[]/)[0] ?? path;
    out[field] ??= translatableMessage(message);
  }
  return out;
}
