import { assignmentProblem, trainingProblems } from '@outcomes/domain';
import { HttpError } from 'react-admin';
import { translatableMessage } from '../data/field-errors';
import { fieldErrorsOf, ruleMessages } from './rule-messages';

describe('facilitation rule messages', () => {
  it('turns the domain rules into translation keys', () => {
    expect(translatableMessage(assignmentProblem('left') ?? '')).toBe('app.volunteer_rules.left_cannot_be_assigned');
    expect(ruleMessages(trainingProblems({ kind: 'smart-facilitator', completedOn: '2026-12-01', renewsOn: '2026-01-01' }, '2026-11-25'))).toEqual({
      completedOn: 'app.volunteer_rules.training_in_future',
      renewsOn: 'app.volunteer_rules.renewal_before_completion',
    });
  });

  it('passes other messages on through the common field messages', () => {
    expect(translatableMessage('phone must be a telephone number (digits, spaces, +, -, parentheses)')).toBe('app.validation.phone');
    // Never the API's English on a field: an unknown rule reads as the generic message (data/field-errors.ts).
    expect(translatableMessage('something new')).toBe('app.input_rules.invalid');
  });

  it('reads the field errors of a failed save, or none', () => {
    const error = new HttpError('Validation failed', 400, { errors: { facilitators: 'facilitates another meeting at the same time' } });
    expect(fieldErrorsOf(error)).toEqual({ facilitators: 'app.volunteer_rules.overlapping_meeting' });
    expect(fieldErrorsOf(new HttpError('Boom', 500, {}))).toBeUndefined();
  });
});
