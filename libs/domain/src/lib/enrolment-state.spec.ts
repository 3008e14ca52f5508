import { ENROLMENT_STATES } from '@outcomes/contracts';
import type { EnrolmentState } from '@outcomes/contracts';
import fc from 'fast-check';
import { ENDED_STATES, OPEN_STATES, allowedTransitions, hasEnded, isFinal, isOpen, transition } from './enrolment-state';

describe('enrolment state machine', () => {
  it('allows exactly the documented moves', () => {
    const legal = ENROLMENT_STATES.flatMap((from) => allowedTransitions(from).map((to) => `${from}->${to}`));
    expect(legal.sort()).toEqual(
      ['referred->active', 'referred->cancelled', 'active->completed', 'active->dropped_out', 'active->transferred'].sort(),
    );
  });

  it('property: no sequence of requests leaves the defined states, and final states stay final', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ENROLMENT_STATES), { maxLength: 30 }), (requests) => {
        let state: EnrolmentState = 'referred';
        for (const to of requests) {
          const before = state;
          const result = transition(state, to);
          expect(ENROLMENT_STATES).toContain(result.state);
          if (result.ok) {
            expect(allowedTransitions(before)).toContain(to);
          } else {
            expect(result.state).toBe(before);
            expect(result.allowed).toEqual(allowedTransitions(before));
          }
          if (isFinal(before)) expect(result.state).toBe(before);
          state = result.state;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('property: every state is reachable from referred or is referred', () => {
    const reachable = new Set<EnrolmentState>(['referred']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const s of [...reachable]) for (const t of allowedTransitions(s)) if (!reachable.has(t)) { reachable.add(t); grew = true; }
    }
    expect([...reachable].sort()).toEqual([...ENROLMENT_STATES].sort());
  });
});

describe('open states', () => {
  it('are referred and active, and no final state is open', () => {
    expect([...OPEN_STATES]).toEqual(['referred', 'active']);
    expect(ENROLMENT_STATES.filter((s) => isOpen(s))).toEqual(['referred', 'active']);
    expect(ENROLMENT_STATES.filter((s) => isOpen(s) && isFinal(s))).toEqual([]);
  });

  it('ended: completed and dropped out, final, never open', () => {
    expect([...ENDED_STATES]).toEqual(['completed', 'dropped_out']);
    expect(ENROLMENT_STATES.filter((s) => hasEnded(s))).toEqual(['completed', 'dropped_out']);
    expect(ENROLMENT_STATES.filter((s) => hasEnded(s) && (isOpen(s) || !isFinal(s)))).toEqual([]);
  });
});
