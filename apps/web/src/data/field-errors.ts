/**
 * Field messages from the domain rules (libs/domain) and the API are English sentences; the form
 * shows them through the translator, so known ones become translation keys and others pass as is.
 */
const KNOWN_MESSAGES: Record<string, string> = {
  // Facilitation and training rules (libs/domain volunteer-rules and the API's checks).
  'a volunteer who has left cannot be assigned': 'app.volunteer_rules.left_cannot_be_assigned',
  "volunteerId must name a volunteer of the group's municipality": 'app.volunteer_rules.volunteer_of_group_municipality',
  'volunteerId must name a volunteer of your municipality': 'app.volunteer_rules.volunteer_of_own_municipality',
  'toDate must not be before fromDate': 'app.volunteer_rules.to_before_from',
  'is not assigned to this group on that day': 'app.volunteer_rules.not_assigned_on_day',
  'facilitates another meeting at the same time': 'app.volunteer_rules.overlapping_meeting',
  'no trained SMART facilitator; give untrainedReason': 'app.volunteer_rules.no_trained_facilitator',
  'untrainedReason must be a written reason of 10 to 2000 characters': 'app.volunteer_rules.untrained_reason',
  'startsAt must not be in the future: log a meeting after it was held': 'app.volunteer_rules.meeting_in_future',
  'completedOn must not be in the future: record a training once it is completed': 'app.volunteer_rules.training_in_future',
  'renewsOn must be after completedOn': 'app.volunteer_rules.renewal_before_completion',
  'municipalityIds must include your own municipality': 'app.volunteer_rules.organisation_without_own_municipality',
  'organisationId must name an organisation working with your municipality': 'app.volunteer_rules.own_organisation',
  'municipalityIds may add or remove only your own municipality: another municipality joins an organisation on its own side': 'app.volunteer_rules.organisation_other_municipality',
  'maxAge must be greater than or equal to minAge': 'app.validation.max_age_below_min_age',
  'courseWeeks is required for a closed group course': 'app.validation.course_weeks_required',
  'courseWeeks applies only to a closed group course': 'app.validation.course_weeks_not_applicable',
  'expectedSessions must cover at least one meeting a week of the course':
    'app.validation.expected_sessions_below_course_weeks',
  'followUpMonths must be strictly increasing': 'app.validation.follow_up_months_increasing',
  'password is required': 'ra.validation.required',
  'password is too common; choose a longer, less predictable one': 'app.validation.password_too_common',
  'password must not contain the e-mail name': 'app.validation.password_contains_email',
  'you cannot deactivate yourself': 'app.validation.cannot_deactivate_yourself',
  'you cannot take away your own admin role': 'app.validation.cannot_drop_own_admin_role',
  'municipalityId must be your own municipality': 'app.validation.own_municipality_only',
  'cpr must be 10 digits, written DDMMYYSSSS or DDMMYY-SSSS': 'app.validation.cpr_format',
  'cpr gives a date of birth in the future': 'app.validation.cpr_future',
  'is already registered for another citizen': 'app.validation.cpr_duplicate',
  'birthYear must match the CPR number (or be left out)': 'app.validation.birth_year_from_cpr',
  'phone must be a telephone number (digits, spaces, +, -, parentheses)': 'app.validation.phone',
  'preferredLanguage must be a language code such as da, en or ar': 'app.validation.language_code',
  'centreId must name a centre of your municipality': 'app.validation.own_centre_only',
  'citizenId must name a citizen of your municipality': 'app.validation.own_citizen_only',
  'programmeId must name an active programme': 'app.validation.active_programme_only',
  'eligibilityOverride must be a written reason of 10 to 2000 characters': 'app.validation.override_reason',
  'startsAt must not be in the future for an attended or missed session': 'app.validation.session_in_future',
  // Evaluator grants (issue #17).
  'no active evaluator has that e-mail address': 'app.grants.errors.no_evaluator',
  'is an evaluator of your own municipality, who needs no grant': 'app.grants.errors.own_evaluator',
  'validUntil must not be before validFrom': 'app.validation.date_before_previous_step',
  'validUntil must not be in the past': 'app.grants.errors.ended',
  'only the national operator renames a municipality': 'app.municipalities.settings_only',
  'only the national operator changes a municipality’s number': 'app.municipalities.settings_only',
  // "Who has seen this citizen" (the admin's lookup, issue #19).
  'q must be a name or a CPR number of 10 digits': 'app.access_log.lookup_invalid',
  'q must be a string of at most 200 characters': 'app.input_rules.too_long',
  'is not your municipality nor one granted to you': 'app.outcomes.errors.not_granted',
};

const KNOWN_PATTERNS: [RegExp, string][] = [
  [/ must be an e-?mail( address)?$/, 'ra.validation.email'],
  [/ should not be empty$| must be longer than or equal to 1 characters$/, 'ra.validation.required'],
  [/ must be an integer number$/, 'app.validation.whole_number'],
  [/^must be unique\b/, 'ra.validation.unique'],
  [/^code must be the three-digit municipality number$/, 'app.validation.municipality_code'],
  [/^password must be at least \d+ characters$/, 'app.validation.password_too_short'],
  [/^cpr must begin with a real date of birth\b/, 'app.validation.cpr_date'],
  [/ must not be before the citizen's birth\b/, 'app.validation.date_before_birth'],
  [/ must not be more than \d+ days after today\b/, 'app.validation.date_too_far_ahead'],
  [/^date must not be before \d{4}-\d{2}-\d{2}$/, 'app.validation.date_before_previous_step'],
  [/^date must not be before the referral\b/, 'app.validation.date_before_referral'],
  [/^endStatus (is required|must be one of)\b/, 'app.register.end_status_required'],
  [/^startsAt must not be before the enrolment started\b/, 'app.validation.session_before_start'],
  [/^sessionNumber must be between 1 and \d+ for\b/, 'app.validation.session_number_beyond_protocol'],
  [/^the enrolment is \w+, not active$/, 'app.validation.enrolment_not_active'],
  [/ must be a date YYYY-MM-DD$/, 'app.validation.date'],
  [/^a grant lasts at most \d+ days\b/, 'app.grants.errors.too_long'],
  // References stay inside the municipality (the API's check or the database's key).
  [/(^| )must name a user of your municipality$/, 'app.validation.own_user_only'],
  [/(^| )must name an? [a-z ]+ of your municipality$/, 'app.validation.own_record_only'],
  // The API's own rules of a general shape (list queries, text, ids, dates, periods).
  [/(^| )must be an ISO 8601 date-time$|(^| )must be a valid ISO 8601 date string$|(^| )must be a Date instance$|(^| )must be a date \(YYYY-MM-DD\)$|must be real dates$/, 'app.validation.date'],
  [/(^| )must be a time of day HH:MM$/, 'app.validation.time'],
  [/(^| )must not be in the future\b/, 'app.input_rules.not_in_future'],
  [/(^| )must not be in the past$/, 'app.input_rules.not_in_past'],
  [/(^| )must not be before \w+$|(^| )must be after \w+$/, 'app.input_rules.end_before_start'],
  [/(^| )must be the first day of a month\b|(^| )must be the last day of a month\b|(^| )must cover at least \d+ whole months$/, 'app.input_rules.whole_months'],
  [/(^| )must not contain NUL characters$|(^| )must be well-formed Unicode\b/, 'app.input_rules.bad_characters'],
  [/(^| )must be a UUID$|(^| )must name an? [a-z ]+$|(^| )must name existing \w+$/, 'app.input_rules.choose_from_list'],
  [/(^| )must be one of\b|(^| )must be one of the following values\b|(^| )must be a short code\b/, 'app.input_rules.choose_from_list'],
  [/(^| )must be true or false$|(^| )must be a boolean value$|^must be 0 \(no\) or 1 \(yes\)$/, 'app.input_rules.yes_or_no'],
  [/(^| )must be an? (non-negative )?amount\b/, 'app.input_rules.amount'],
  [/(^| )must be a written reason of \d+ to \d+ characters$|(^| )must say why\b/, 'app.validation.override_reason'],
  [/(^| )must be a string$/, 'app.input_rules.text'],
  [/(^| )must match .+ regular expression$/, 'app.input_rules.format'],
  [/^property \S+ should not exist$|(^| )is not a filter here\b|(^| )is not accepted\b/, 'app.input_rules.not_accepted'],
  [/(^| )should not be null or undefined$/, 'ra.validation.required'],
  [/(^| )must be an array$|(^| )must be an? (JSON )?object\b|(^| )must not be nested\b|(^| )is not valid JSON$|(^| )must be valid JSON$|(^| )must be a JSON array\b/, 'app.input_rules.invalid'],
];

/** Rules whose numbers the message keeps (a length, a range): the key and its arguments from the API's sentence. */
const RULES_WITH_ARGS: [RegExp, string, (m: RegExpExecArray) => Record<string, string>][] = [
  // The ids stay in the message: the export form names them (exports/ExportProjectForm.tsx); else they show as they are.
  [/^not granted to you: (.+)$/, 'app.exports.not_granted', (m) => ({ names: m[1] ?? '' })],
  [/ must be shorter than or equal to (\d+) characters$| must be at most (\d+) characters$| must be a string of at most (\d+) characters$/, 'ra.validation.maxLength', (m) => ({ max: m[1] ?? m[2] ?? m[3] ?? '' })],
  [/ must be longer than or equal to (\d+) characters$/, 'ra.validation.minLength', (m) => ({ min: m[1] ?? '' })],
  [/ must not be less than (-?[\d.]+)$| must be at least (-?[\d.]+)$| must be a whole number of at least (\d+)$/, 'ra.validation.minValue', (m) => ({ min: m[1] ?? m[2] ?? m[3] ?? '' })],
  [/ must not be greater than (-?[\d.]+)$| must be at most (-?[\d.]+)\b/, 'ra.validation.maxValue', (m) => ({ max: m[1] ?? m[2] ?? '' })],
  [/(?:^| )must be a whole number (?:of \w+ )?from (\d+) to (\d+)$| must be between (\d+) and (\d+)$/, 'app.input_rules.whole_number_between', (m) => ({ min: m[1] ?? m[3] ?? '', max: m[2] ?? m[4] ?? '' })],
  [/ must contain at least (\d+) elements$/, 'app.input_rules.at_least_items', (m) => ({ min: m[1] ?? '' })],
  [/ must contain no more than (\d+) elements$/, 'app.input_rules.at_most_items', (m) => ({ max: m[1] ?? '' })],
];

/** Rules without numbers, checked after those with numbers ("must be a whole number from 0 to 4" before "must be a whole number"). */
const LAST_PATTERNS: [RegExp, string][] = [
  [/(^| )must be a whole number\b|(^| )must be a positive integer\b|(^| )must be an integer\b/, 'app.validation.whole_number'],
  [/(^| )must be a positive number$|(^| )must not be negative$|(^| )must be above 0$/, 'app.input_rules.positive'],
  [/(^| )must be a number\b/, 'ra.validation.number'],
];

/** react-admin's encoding of a message with arguments in a form error (ra-core ValidationError). */
const WITH_ARGS_PREFIX = '@@react-admin@@';

/** What an unknown rule shows: a Danish (or English) sentence that the value was not accepted, never the API's English. */
export const UNKNOWN_RULE = 'app.input_rules.invalid';

/** A field message as react-admin's ValidationError reads it: a key with arguments, in its own encoded form. */
export interface FieldMessage {
  message: string;
  args?: Record<string, string>;
}

/** The API's (or a domain rule's) English sentence as a translation key and its arguments; unknown ones as UNKNOWN_RULE. */
export function fieldMessage(message: string): FieldMessage {
  // Already made a key by the data provider (toFormErrors): as it is.
  if (/^(app|ra|resources)\.[\w.-]+$/.test(message)) return { message };
  if (message.startsWith(WITH_ARGS_PREFIX)) {
    try {
      const parsed = JSON.parse(message.slice(WITH_ARGS_PREFIX.length)) as FieldMessage;
      if (typeof parsed.message === 'string') return parsed.args ? { message: parsed.message, args: parsed.args } : { message: parsed.message };
    } catch {
      // Not ours after all: the generic message below.
    }
  }
  const known = KNOWN_MESSAGES[message] ?? KNOWN_PATTERNS.find(([pattern]) => pattern.test(message))?.[1];
  if (known) return { message: known };
  for (const [pattern, key, args] of RULES_WITH_ARGS) {
    const match = pattern.exec(message);
    if (match) return { message: key, args: args(match) };
  }
  return { message: LAST_PATTERNS.find(([pattern]) => pattern.test(message))?.[1] ?? UNKNOWN_RULE };
}

/** The translation key of a rule (arguments dropped; see fieldMessage for them). */
export function translatableMessage(message: string): string {
  return fieldMessage(message).message;
}

const forForm = ({ message, args }: FieldMessage): string => (args ? `${WITH_ARGS_PREFIX}${JSON.stringify({ message, args })}` : message);

/**
 * A general rule said in one form's own terms, where the general sentence would not tell the user what
 * to do: "must be unique" on the ASI form's timepoint means that interview is already recorded.
 */
const RESOURCE_FIELD_MESSAGES: { resource: string; field: string; pattern: RegExp; key: string }[] = [
  { resource: 'assessments', field: 'timepoint', pattern: /^must be unique\b/, key: 'resources.assessments.timepoint_taken' },
];

/** The resource an API address is about: `/api/assessments/1` → `assessments`. */
export function resourceOfUrl(url: string): string | undefined {
  return /\/api\/([\w-]+)/.exec(url)?.[1];
}

/**
 * `{ "followUpMonths.1": msg }` or `{ "followUpMonths[1]": msg }` belong to the input `followUpMonths`
 * (an array is one input); a named member such as `items.M6` is an input of its own and keeps its path.
 * Every message becomes a translation key (with its numbers where it has some), so the field never shows the API's English.
 */
export function toFormErrors(errors: Record<string, string>, resource?: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const field = path.split(/\.\d|\[/)[0] ?? path;
    const special = RESOURCE_FIELD_MESSAGES.find((m) => m.resource === resource && m.field === field && m.pattern.test(message));
    out[field] ??= special ? special.key : forForm(fieldMessage(message));
  }
  return out;
}


