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
  [/^startsAt must not be before the enrolment started\b/, 'app.validation.session_before_start'],
  [/^sessionNumber must be between 1 and \d+ for\b/, 'app.validation.session_number_beyond_protocol'],
  [/^the enrolment is \w+, not active$/, 'app.validation.enrolment_not_active'],
  [/ must be a date YYYY-MM-DD$/, 'app.validation.date'],
  [/^a grant lasts at most \d+ days\b/, 'app.grants.errors.too_long'],
  // References stay inside the municipality (the API's check or the database's key).
  [/(^| )must name a user of your municipality$/, 'app.validation.own_user_only'],
  [/(^| )must name an? [a-z ]+ of your municipality$/, 'app.validation.own_record_only'],
];

export function translatableMessage(message: string): string {
  return KNOWN_MESSAGES[message] ?? KNOWN_PATTERNS.find(([pattern]) => pattern.test(message))?.[1] ?? message;
}

/**
 * `{ "followUpMonths.1": msg }` or `{ "followUpMonths[1]": msg }` belong to the input `followUpMonths`
 * (an array is one input); a named member such as `items.M6` is an input of its own and keeps its path.
 */
export function toFormErrors(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const field = path.split(/\.\d|\[/)[0] ?? path;
    out[field] ??= translatableMessage(message);
  }
  return out;
}
