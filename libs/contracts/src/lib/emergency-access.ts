import type { ConsentEvent } from './consent';
import type { RecordMeta } from './resources';

/**
 * Emergency access ("break-the-glass", issue 22): a staff member who meets another municipality's
 * citizen opens that citizen's record read-only, with a written reason, for the owning municipality's
 * `emergencyAccessHours` (default 24). The owner's admin reviews every opening.
 */
export const EMERGENCY_REVIEW_STATES = ['pending', 'reviewed', 'raised'] as const;
export type EmergencyReviewState = (typeof EMERGENCY_REVIEW_STATES)[number];

/** The shortest reason accepted: a few words saying why, not "x" (characters after trimming). */
export const EMERGENCY_REASON_MIN = 20;
export const EMERGENCY_REASON_MAX = 2000;
export const EMERGENCY_NOTE_MAX = 2000;
/** The owning municipality's setting: hours an opening lasts (default 24; 1 to 72). */
export const EMERGENCY_ACCESS_HOURS_DEFAULT = 24;
export const EMERGENCY_ACCESS_HOURS_MAX = 72;

/**
 * One opening. `municipalityId` is the citizen's (the owner's); the accessor's side is named by
 * `accessorMunicipalityId` and `accessorUserId`. No name or CPR number of the citizen is on it.
 */
export interface EmergencyAccess extends RecordMeta {
  municipalityId: string;
  municipalityName: string;
  citizenId: string;
  accessorUserId: string;
  accessorName: string;
  accessorMunicipalityId: string;
  accessorMunicipalityName: string;
  reason: string;
  openedAt: string;
  expiresAt: string;
  /** Computed when read: now < expiresAt. */
  active: boolean;
  reviewState: EmergencyReviewState;
  reviewedAt: string | null;
  reviewNote: string | null;
  /** The reviewer (a user of the owner), or null. */
  reviewedByUserId: string | null;
}

/**
 * Breaking the glass is one step, CPR number and reason together: that a person has a record in
 * another municipality's drug treatment is itself sensitive, so it is learnt only by an opening the
 * owner will review, never by a bare lookup.
 */
export interface EmergencyOpenInput {
  cpr: string;
  reason: string;
}

export interface EmergencyReviewInput {
  reviewState: Exclude<EmergencyReviewState, 'pending'>;
  reviewNote?: string | null;
  version: number;
}

/** The record as the accessor sees it, read-only, while the opening lasts. */
export interface EmergencyRecord {
  access: EmergencyAccess;
  citizen: {
    id: string;
    firstName: string;
    lastName: string;
    cpr: string | null;
    birthYear: number | null;
    sex: string | null;
    phone: string | null;
  };
  enrolments: {
    id: string;
    programmeName: string;
    state: string;
    referralDate: string | null;
    startDate: string | null;
    endDate: string | null;
  }[];
  sessions: {
    id: string;
    enrolmentId: string;
    startsAt: string;
    kind: string;
    attendance: string;
    durationMinutes: number;
  }[];
  /**
   * The citizen's consents: each purpose's current state (its latest entry), as the owner recorded it,
   * with the purpose's label; a purpose never asked is not listed (decision 170).
   */
  consents: {
    purpose: string;
    labelDa: string;
    labelEn: string;
    event: ConsentEvent;
    onDate: string | null;
  }[];
}
