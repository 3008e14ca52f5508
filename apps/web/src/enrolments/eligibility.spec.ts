import { eligibilityFailures } from '@outcomes/domain';
import { failureText } from './eligibility';

const programme = { code: 'MOVE', minAge: 15, maxAge: 25, requiredAttestations: [] };

describe('failureText', () => {
  it("reads the numbers out of libs/domain's age rules", () => {
    const [below] = eligibilityFailures({ programme, birthDate: '2014-01-01', onDate: '2026-11-25', attestations: [] });
    expect(failureText(below ?? { rule: '', message: '' })).toEqual({
      key: 'resources.enrolments.eligibility.age_below_minimum',
      args: { programme: 'MOVE', limit: 15, age: 12, date: '2026-11-25' },
    });
    const [above] = eligibilityFailures({ programme, birthDate: '1990-01-01', onDate: '2026-11-25', attestations: [] });
    expect(failureText(above ?? { rule: '', message: '' })).toMatchObject({
      key: 'resources.enrolments.eligibility.age_above_maximum',
      args: { limit: 25, age: 36 },
    });
  });

  it('names a missing attestation and an unknown age', () => {
    const failures = eligibilityFailures({
      programme: { code: 'SMART', minAge: 18, maxAge: null, requiredAttestations: ['finished-treatment'] },
      birthDate: null,
      onDate: '2026-11-25',
      attestations: [],
    });
    expect(failures.map(failureText)).toEqual([
      { key: 'resources.enrolments.eligibility.age_unknown', args: { programme: 'SMART' } },
      {
        key: 'resources.enrolments.eligibility.attestation_missing',
        args: { programme: 'SMART' },
        attestationKey: 'resources.enrolments.attestations.finished-treatment',
      },
    ]);
  });

  it("keeps the API's words for a rule it does not know", () => {
    expect(failureText({ rule: 'new-rule', message: 'Something else' })).toEqual({ key: 'Something else', args: { _: 'Something else' } });
  });
});
