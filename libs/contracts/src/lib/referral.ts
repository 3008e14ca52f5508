import type { RecordMeta } from './resources';

/**
 * A referral under free choice (Serviceloven § 101 stk. 5-7): the referring municipality sends its
 * citizen to another municipality's treatment place. `sent` until the receiving municipality accepts
 * (opening its own course there) or declines with a reason; the referring side may withdraw it while
 * it is `sent`. Declined and withdrawn referrals give the receiving side nothing to read.
 */
export const REFERRAL_STATES = ['sent', 'accepted', 'declined', 'withdrawn'] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

/** Which side of a referral the caller is on. */
export type ReferralDirection = 'outgoing' | 'incoming';

/**
 * A referral as one side sees it. Every id in it is the caller's own or reference data: on an
 * outgoing referral `citizenId`/`caseRequestId` are the referring municipality's records; on an
 * incoming one `citizenId` and `enrolmentId` are the receiving side's own (null until accepted), and
 * the referring side's records are never named.
 */
export interface Referral extends RecordMeta {
  direction: ReferralDirection;
  citizenId: string | null;
  caseRequestId: string | null;
  enrolmentId: string | null;
  fromMunicipalityId: string;
  fromMunicipalityName: string;
  /** Another municipality's place: its municipality and centre; null when the referral is to a provider. */
  toMunicipalityId: string | null;
  toMunicipalityName: string | null;
  toCentreId: string | null;
  toCentreName: string | null;
  /** An approved private treatment provider (decision 105); null when the referral is to a centre. */
  providerId: string | null;
  providerName: string | null;
  referredOn: string;
  /** The day the citizen chose this place themselves: the only waiver of the 14-day guarantee (§ 101 stk. 6). */
  citizenChoiceOn: string | null;
  /** What the referring staff wrote to the receiving place. */
  message: string | null;
  /** Who is referred, as the referral shows them: the receiving side sees this and nothing else before accepting. */
  firstName: string;
  lastName: string;
  birthYear: number | null;
  sex: string | null;
  state: ReferralState;
  answeredOn: string | null;
  /** Why the receiving place declined, or why the referring side withdrew. */
  reason: string | null;
  /** A provider's course as the provider reported it, recorded by the referring staff (decision 107). */
  outcomeEndDate: string | null;
  /** A code of the register's end statuses (register_end_status). */
  outcomeEndStatus: string | null;
}

/**
 * The course a referral led to, as the referring municipality (which keeps the decision) may follow
 * it: its state and dates, the register's end status, and counts of sessions; never the sessions'
 * notes, the receiving staff or any other record of the receiving municipality.
 */
export interface ReferralProgress {
  referralId: string;
  /** The referring municipality's own citizen (the one referred): never the receiving side's record. */
  citizenId: string;
  state: string;
  referralDate: string;
  startDate: string | null;
  endDate: string | null;
  endStatus: string | null;
  sessionsAttended: number;
  sessionsRecorded: number;
  /** The course's latest ASI assessment at the receiving side: its date and seven composite scores (null: none yet). */
  asiLatest: ReferralAsiComposites | null;
  /** The dates of every ASI assessment of the course, oldest first. */
  asiDates: string[];
}

/** An ASI assessment's composite scores (0-1; null where the domain could not be scored), as the referring side sees them. */
export interface ReferralAsiComposites {
  assessedOn: string;
  medical: number | null;
  employment: number | null;
  alcohol: number | null;
  drug: number | null;
  legal: number | null;
  family: number | null;
  psychiatric: number | null;
}

/** POST /api/referrals */
export interface CreateReferralBody {
  citizenId: string;
  caseRequestId: string;
  /** Exactly one of toCentreId (another municipality's centre) and providerId (an approved provider). */
  toCentreId?: string | null;
  providerId?: string | null;
  referredOn: string;
  citizenChoiceOn?: string | null;
  message?: string | null;
}

/** POST /api/referrals/:id/provider-answer: the provider's answer, as the referring staff heard it. */
export interface ProviderAnswerBody {
  answer: 'accepted' | 'declined';
  answeredOn: string;
  reason?: string | null;
  version: number;
}

/** POST /api/referrals/:id/provider-outcome: the course's end as the provider reported it. */
export interface ProviderOutcomeBody {
  endDate: string;
  endStatus: string;
  version: number;
}
