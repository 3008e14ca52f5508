import { apiErrorOf } from '../common/http-errors';
import { translatableMessage } from '../data/field-errors';

/**
 * The facilitation rules' messages (libs/domain volunteer-rules and the API's checks) are English
 * sentences; these become translation keys so the coordinator reads them in the chosen language.
 */
const RULE_MESSAGES: Record<string, string> = {
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
};

export function ruleMessage(message: string): string {
  return RULE_MESSAGES[message] ?? translatableMessage(message);
}

/** Each rule message as a translation key, for a form with its own save: `{ field: key }`. */
export function ruleMessages(problems: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(problems).map(([field, message]) => [field, ruleMessage(message)]));
}

/** The field errors of a failed save, translated, or undefined when the API named no field. */
export function fieldErrorsOf(error: unknown): Record<string, string> | undefined {
  const errors = apiErrorOf(error).errors;
  return errors && Object.keys(errors).length > 0 ? ruleMessages(errors) : undefined;
}
