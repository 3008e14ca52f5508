import { consentEventProblem, currentConsentState, inExports, minorsOnlyApplies } from './consent';

describe('consent by purpose', () => {
  it('is the latest entry, or not asked', () => {
    expect(currentConsentState(null)).toBe('not-asked');
    expect(currentConsentState({ event: 'withdrawn' })).toBe('withdrawn');
  });

  it('ends a given consent only by a withdrawal, and withdraws only a given one', () => {
    expect(consentEventProblem('given', 'withdrawn')).toBeNull();
    expect(consentEventProblem('given', 'given')).toMatch(/withdrawal/);
    expect(consentEventProblem('given', 'refused')).toMatch(/withdrawal/);
    for (const state of ['not-asked', 'refused', 'withdrawn'] as const) {
      expect(consentEventProblem(state, 'given')).toBeNull();
      expect(consentEventProblem(state, 'refused')).toBeNull();
      expect(consentEventProblem(state, 'withdrawn')).toMatch(/only a given consent/);
    }
  });

  it("asks the parents' purpose only under 18, on the day, and never with no known birth date", () => {
    expect(minorsOnlyApplies('2010-06-15', '2028-06-14')).toBe(true);
    expect(minorsOnlyApplies('2010-06-15', '2028-06-15')).toBe(false);
    expect(minorsOnlyApplies(null, '2026-01-01')).toBe(false);
  });

  it('leaves refused and withdrawn out of exports, and not asked as the municipality says', () => {
    expect(inExports('given', 'excluded')).toBe(true);
    expect(inExports('refused', 'included')).toBe(false);
    expect(inExports('withdrawn', 'included')).toBe(false);
    expect(inExports('not-asked', 'included')).toBe(true);
    expect(inExports('not-asked', 'excluded')).toBe(false);
  });
});
