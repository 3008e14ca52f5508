import type { YouthConsentKind } from '@outcomes/contracts';
import { ageOn } from './programme-protocol';

/** Under this age, treatment needs a custodial parent's consent (Barnets lov § 33). */
export const ADULT_AGE = 18;
/** From this age, the young person's own consent is needed too. */
export const OWN_CONSENT_AGE = 15;

export interface ConsentOnRecord {
  kind: YouthConsentKind;
  givenOn: string;
  withdrawnOn: string | null;
}

/** The consents a citizen's age on `onDate` asks for: none from 18, a parent's under 18, and the young person's own from 15. */
export function youthConsentsRequired(birthDate: string | null, onDate: string): YouthConsentKind[] {
  if (birthDate === null) return []; // no CPR number, no known age: nothing can be asked by age
  const age = ageOn(birthDate, onDate);
  if (age >= ADULT_AGE) return [];
  return age >= OWN_CONSENT_AGE ? ['custodial-parent', 'young-person'] : ['custodial-parent'];
}

/** A consent holds on a day when it was given that day or before and not withdrawn by then. */
export function consentHolds(consent: ConsentOnRecord, onDate: string): boolean {
  return consent.givenOn <= onDate && (consent.withdrawnOn === null || consent.withdrawnOn > onDate);
}

/** The required consents that no consent on record holds for on `onDate`, in the order of YOUTH_CONSENT_KINDS. */
export function youthConsentsMissing(birthDate: string | null, onDate: string, consents: readonly ConsentOnRecord[]): YouthConsentKind[] {
  return youthConsentsRequired(birthDate, onDate).filter((kind) => !consents.some((c) => c.kind === kind && consentHolds(c, onDate)));
}
