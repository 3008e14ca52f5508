import { da } from '../i18n/da';
import { en } from '../i18n/en';
import { fieldMessage, resourceOfUrl, toFormErrors, translatableMessage, UNKNOWN_RULE } from './field-errors';

/** The message at a dotted key of a message tree, or undefined. */
function at(messages: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), messages);
}

// Hand-written: what the API (class-validator's default sentences and the API's own) answers, and the
// key with its numbers the field shows instead.
const TABLE: [string, string, Record<string, string>?][] = [
  // class-validator's own sentences
  ['name must be a string', 'app.input_rules.text'],
  ['name should not be empty', 'ra.validation.required'],
  ['name must be shorter than or equal to 100 characters', 'ra.validation.maxLength', { max: '100' }],
  ['name must be longer than or equal to 3 characters', 'ra.validation.minLength', { min: '3' }],
  ['firstName must be longer than or equal to 1 characters', 'ra.validation.required'],
  ['birthYear must not be less than 1900', 'ra.validation.minValue', { min: '1900' }],
  ['birthYear must not be greater than 2100', 'ra.validation.maxValue', { max: '2100' }],
  ['birthYear must be an integer number', 'app.validation.whole_number'],
  ['hourlyRate must be a number conforming to the specified constraints', 'ra.validation.number'],
  ['each value in followUpMonths must be a positive number', 'app.input_rules.positive'],
  ['reached must be a boolean value', 'app.input_rules.yes_or_no'],
  ['centreId must be a UUID', 'app.input_rules.choose_from_list'],
  ['sex must be one of the following values: female, male', 'app.input_rules.choose_from_list'],
  ['startsAt must be a valid ISO 8601 date string', 'app.validation.date'],
  ['email must be an email', 'ra.validation.email'],
  ['code must match /^[A-Z]+$/ regular expression', 'app.input_rules.format'],
  ['property createdAt should not exist', 'app.input_rules.not_accepted'],
  // the API's own sentences
  ['date must not be before the referral (2026-10-01)', 'app.validation.date_before_referral'],
  ['endStatus must be one of drug_free, reduced, stabilised', 'app.register.end_status_required'],
  ['requiredAttestations must contain at least 1 elements', 'app.input_rules.at_least_items', { min: '1' }],
  ['items must be an object', 'app.input_rules.invalid'],
  // the API's own sentences
  ['must be a whole number of days from 0 to 30', 'app.input_rules.whole_number_between', { min: '0', max: '30' }],
  ['must be a whole number from 0 to 4', 'app.input_rules.whole_number_between', { min: '0', max: '4' }],
  ['sessionNumber must be between 1 and 12 for MOVE', 'app.validation.session_number_beyond_protocol'],
  ['durationMinutes must be at most 720 (12 hours)', 'ra.validation.maxValue', { max: '720' }],
  ['anonymousHeadcount must not be negative', 'app.input_rules.positive'],
  ['durationMinutes must be a whole number of minutes', 'app.validation.whole_number'],
  ['password must be at most 128 characters', 'ra.validation.maxLength', { max: '128' }],
  ['password must be at least 12 characters', 'app.validation.password_too_short'],
  ['contactAt must not be in the future', 'app.input_rules.not_in_future'],
  ['validUntil must not be in the past', 'app.grants.errors.ended'],
  ['periodTo must not be before periodFrom', 'app.input_rules.end_before_start'],
  ['from must be the first day of a month: evaluators’ reports cover whole calendar months', 'app.input_rules.whole_months'],
  ['must not contain NUL characters', 'app.input_rules.bad_characters'],
  ['startTime must be a time of day HH:MM', 'app.validation.time'],
  ['hourlyRate must be an amount with at most 2 decimals', 'app.input_rules.amount'],
  ['purpose must say why the data is needed, in 10 to 2000 characters', 'app.validation.override_reason'],
  ['q must be a name or a CPR number of 10 digits', 'app.access_log.lookup_invalid'],
  ['citizenId must name a citizen of your municipality', 'app.validation.own_citizen_only'],
  ['programmeId must name a programme', 'app.input_rules.choose_from_list'],
  ['onDate must be a date YYYY-MM-DD', 'app.validation.date'],
  ['not granted to you: 0f8fad5b-d9cb-469f-a165-70867728950e', 'app.exports.not_granted', { names: '0f8fad5b-d9cb-469f-a165-70867728950e' }],
  ['is not your municipality nor one granted to you', 'app.outcomes.errors.not_granted'],
  ['MIGRATE_ON_START is whatever', UNKNOWN_RULE],
  ['name is taken', UNKNOWN_RULE],
  ['is not in the course', UNKNOWN_RULE],
];

describe('field messages', () => {
  // Every row with three cells: jest would hand a two-cell row its `done` callback as the third.
  it.each(TABLE.map(([m, k, a]) => [m, k, a ?? null] as const))('shows %p as %s', (apiMessage, key, args) => {
    expect(fieldMessage(apiMessage)).toEqual(args ? { message: key, args } : { message: key });
    expect(translatableMessage(apiMessage)).toBe(key);
  });

  it('has a Danish and an English text for every key it can give', () => {
    for (const [, key] of TABLE) {
      expect([key, typeof at(da, key)]).toEqual([key, 'string']);
      expect([key, typeof at(en, key)]).toEqual([key, 'string']);
    }
  });

  it('leaves a message the data provider already made a key as it is', () => {
    expect(fieldMessage('app.validation.own_citizen_only')).toEqual({ message: 'app.validation.own_citizen_only' });
    expect(fieldMessage('ra.validation.required')).toEqual({ message: 'ra.validation.required' });
    expect(fieldMessage('@@react-admin@@{"message":"ra.validation.maxLength","args":{"max":"100"}}')).toEqual({ message: 'ra.validation.maxLength', args: { max: '100' } });
  });

  it('puts a rule with numbers on the field in react-admin’s encoded form, and every other as its key', () => {
    expect(toFormErrors({ 'name': 'name must be shorter than or equal to 100 characters', 'followUpMonths.1': 'whatever went wrong' })).toEqual({
      name: '@@react-admin@@{"message":"ra.validation.maxLength","args":{"max":"100"}}',
      followUpMonths: UNKNOWN_RULE,
    });
  });

  it('says a taken ASI timepoint in the form’s terms, and the same rule elsewhere as the general one', () => {
    const taken = { timepoint: 'must be unique; another record already has this value' };
    expect(toFormErrors(taken, 'assessments')).toEqual({ timepoint: 'resources.assessments.timepoint_taken' });
    expect(toFormErrors(taken, 'sessions')).toEqual({ timepoint: 'ra.validation.unique' });
    expect(toFormErrors({ date: 'must be unique; another record already has this value' }, 'assessments')).toEqual({ date: 'ra.validation.unique' });
  });

  it('reads the resource from an API address', () => {
    expect(resourceOfUrl('/api/assessments')).toBe('assessments');
    expect(resourceOfUrl('http://127.0.0.1:3000/api/outreach-contacts/12?x=1')).toBe('outreach-contacts');
    expect(resourceOfUrl('/health')).toBeUndefined();
  });
});
