import type { RecordMeta } from './resources';

/**
 * The kind of treatment a place gives (Serviceloven § 101 stk. 5: the free choice is of a place "of a
 * similar kind"): outpatient (ambulant), day treatment (dagbehandling), residential (døgnbehandling).
 * The same codes on a centre, a private provider and a decision (decision 105).
 */
export const TREATMENT_KINDS = ['outpatient', 'day', 'residential'] as const;
export type TreatmentKind = (typeof TREATMENT_KINDS)[number];

/**
 * An approved private treatment provider (a national register governed by the national operator,
 * readable by municipal staff and admins): the places a citizen may choose under free choice besides
 * the municipalities' own centres. Approvals are the Socialtilsyn's and apply nationally.
 */
export interface TreatmentProvider extends RecordMeta {
  name: string;
  /** The company's CVR number: 8 digits with a valid modulus-11 check. */
  cvr: string;
  address: string;
  /** The municipality code (3 digits, e.g. 751 Aarhus) of the address. */
  municipalityCode: string;
  kind: TreatmentKind;
  /** Who approved the provider, e.g. "Socialtilsyn Midt". */
  approvedBy: string;
  /** The approval's reference (journal number). */
  approvalReference: string | null;
  approvedFrom: string;
  /** The last day of the approval; null while it has no end. */
  approvedUntil: string | null;
}

/** The reference and the end of the approval may be left out (null). */
export type TreatmentProviderInput = Pick<TreatmentProvider, 'name' | 'cvr' | 'address' | 'municipalityCode' | 'kind' | 'approvedBy' | 'approvedFrom'> &
  Partial<Pick<TreatmentProvider, 'approvalReference' | 'approvedUntil'>>;

/** Whether the provider's approval holds on the day (YYYY-MM-DD): begun, and not lapsed. */
export function approvedOn(p: Pick<TreatmentProvider, 'approvedFrom' | 'approvedUntil'>, day: string): boolean {
  return p.approvedFrom <= day && (p.approvedUntil === null || day <= p.approvedUntil);
}

/** A CVR number's check: 8 digits, weights 2,7,6,5,4,3,2,1, the sum divisible by 11. */
export function validCvr(cvr: string): boolean {
  if (!/^[1-9]\d{7}$/.test(cvr)) return false;
  const weights = [2, 7, 6, 5, 4, 3, 2, 1];
  const sum = weights.reduce((s, w, i) => s + w * Number(cvr[i]), 0);
  return sum % 11 === 0;
}
