import { toTrainingCreateBody, toTrainingUpdateBody, validateTraining } from './training-body';

describe('training bodies and rules', () => {
  const record = {
    id: 't1',
    version: 3,
    municipalityId: 'm1',
    volunteerId: 'v1',
    kind: 'smart-facilitator',
    title: 'SMART Recovery-facilitatoruddannelse',
    completedOn: '2026-02-01',
    trainer: '',
    certificateRef: 'SR-1234',
    renewsOn: '2027-02-01',
  };

  it('creates with the volunteer and updates without it', () => {
    expect(toTrainingCreateBody(record)).toEqual({
      volunteerId: 'v1',
      kind: 'smart-facilitator',
      title: 'SMART Recovery-facilitatoruddannelse',
      completedOn: '2026-02-01',
      trainer: null,
      certificateRef: 'SR-1234',
      renewsOn: '2027-02-01',
    });
    const update = toTrainingUpdateBody(record);
    expect(update).not.toHaveProperty('volunteerId');
    expect(update).not.toHaveProperty('municipalityId');
    expect(update).toMatchObject({ version: 3 });
  });

  it('shows the domain rules on the date fields, translated', () => {
    expect(validateTraining(record, '2026-06-01')).toEqual({});
    expect(validateTraining({ ...record, completedOn: '2026-07-01', renewsOn: '2026-06-01' }, '2026-06-01')).toEqual({
      completedOn: 'app.volunteer_rules.training_in_future',
      renewsOn: 'app.volunteer_rules.renewal_before_completion',
    });
    expect(validateTraining({ ...record, completedOn: '' }, '2026-06-01')).toEqual({});
  });
});
