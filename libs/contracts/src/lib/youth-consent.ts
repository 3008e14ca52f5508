import type { RecordMeta } from './resources';

/**
 * Treatment of a young person under 18 needs the consent of a custodial parent, and from the age of
 * 15 also the young person's own (Barnets lov § 33; docs/domain.md, "Young people under 18").
 */
export const YOUTH_CONSENT_KINDS = ['custodial-parent', 'young-person'] as const;
export type YouthConsentKind = (typeof YOUTH_CONSENT_KINDS)[number];

/** One consent to one enrolment's treatment, given on a date and perhaps withdrawn later. */
export interface YouthConsent extends RecordMeta {
  municipalityId: string;
  citizenId: string;
  enrolmentId: string;
  kind: YouthConsentKind;
  /** The custodial parent's name; null for the young person's own consent. */
  givenBy: string | null;
  givenOn: string;
  recordedByUserId: string;
  withdrawnOn: string | null;
}

/** What the enrolment needs: the citizen's age on the day, and the consents that do not hold then. */
export interface YouthConsentStatus {
  enrolmentId: string;
  citizenId: string;
  /** Today (the Danish date) while the enrolment is open; its start date once it has ended. */
  onDate: string;
  /** Null when the age is unknown (no CPR number). */
  ageOnDate: number | null;
  /** True when the citizen is under 18 on `onDate`. */
  required: boolean;
  missing: YouthConsentKind[];
}
