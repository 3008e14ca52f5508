import { eligibilityFailures } from './eligibility';

const move = { code: 'MOVE', minAge: 15, maxAge: 25, requiredAttestations: [] };
const smart = { code: 'SMART', minAge: 18, maxAge: null, requiredAttestations: ['finished-treatment', 'drug-free-or-stable-substitution'] as const };

describe('eligibilityFailures', () => {
  it('checks the age on the start date, bounds inclusive', () => {
    expect(eligibilityFailures({ programme: move, birthDate: '2000-05-20', onDate: '2026-05-20', attestations: [] })).toEqual([
      expect.objectContaining({ rule: 'age-above-maximum' }),
    ]);
    expect(eligibilityFailures({ programme: move, birthDate: '2000-05-20', onDate: '2026-05-19', attestations: [] })).toEqual([]);
    expect(eligibilityFailures({ programme: move, birthDate: '2011-12-01', onDate: '2026-11-30', attestations: [] })).toEqual([
      expect.objectContaining({ rule: 'age-below-minimum' }),
    ]);
  });

  it('names an unknown age when the programme has a range', () => {
    expect(eligibilityFailures({ programme: move, birthDate: null, onDate: '2026-01-01', attestations: [] })).toEqual([
      expect.objectContaining({ rule: 'age-unknown' }),
    ]);
  });

  it('requires every attestation of the target group', () => {
    const sut = eligibilityFailures({ programme: smart, birthDate: '1980-01-01', onDate: '2026-01-01', attestations: ['finished-treatment'] });
    expect(sut.map((f) => f.rule)).toEqual(['attestation-missing:drug-free-or-stable-substitution']);
    expect(eligibilityFailures({ programme: smart, birthDate: '1980-01-01', onDate: '2026-01-01', attestations: [...smart.requiredAttestations] })).toEqual([]);
  });
});
