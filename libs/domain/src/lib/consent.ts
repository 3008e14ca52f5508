import type { ConsentEvent, ConsentNotAskedRule, ConsentState } from '@outcomes/contracts';
import { ageOn } from './programme-protocol';

/**
 * Consent by purpose (issue 22; docs/domain.md, "Consent by purpose"). A purpose's history is
 * append-only; its current state is the latest entry. Pure rules, used by the API (and its tests).
 */

/** The state a history ends in: the latest entry's event, or `not-asked` when there is none. */
export function currentConsentState(latest: { event: ConsentEvent } | null | undefined): ConsentState {
  return latest ? latest.event : 'not-asked';
}

/**
 * Why `event` cannot follow the current state, or null when it can. A consent given is ended by a
 * withdrawal (never by a second "given" or a "refused", which would hide that it once held); only a
 * given consent can be withdrawn. Refused, withdrawn or not asked: the citizen may be asked (again).
 */
export function consentEventProblem(current: ConsentState, event: ConsentEvent): string | null {
  if (current === 'given') {
    return event === 'withdrawn' ? null : 'the consent is given: record its withdrawal instead';
  }
  return event === 'withdrawn' ? `only a given consent can be withdrawn (it is ${current})` : null;
}

/**
 * Whether a purpose asked only of minors (the parents') applies to a citizen on `onDate`: only
 * when the birth date is known (from the CPR number) and the citizen is under 18 that day.
 */
export function minorsOnlyApplies(birthDate: string | null, onDate: string): boolean {
  return birthDate !== null && ageOn(birthDate, onDate) < 18;
}

/**
 * Whether a citizen's data goes into an export under the data-owning municipality's rule: a given
 * evaluation consent always, refused or withdrawn never, not asked as the rule says. The SQL form is
 * `exports/export-datasets.ts` (`CONSENTING`); its integration test holds the two equal.
 */
export function inExports(state: ConsentState, notAsked: ConsentNotAskedRule): boolean {
  if (state === 'not-asked') return notAsked === 'included';
  return state === 'given';
}
