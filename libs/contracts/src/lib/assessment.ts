import type { RecordMeta } from './resources';

export const TIMEPOINTS = ['intake', 'end', 'follow-up-3', 'follow-up-6', 'follow-up-9', 'follow-up-12', 'ad-hoc'] as const;
export type Timepoint = (typeof TIMEPOINTS)[number];

export const COMPOSITE_DOMAINS = ['medical', 'employment', 'alcohol', 'drug', 'legal', 'family', 'psychiatric'] as const;
export type CompositeDomain = (typeof COMPOSITE_DOMAINS)[number];

export type AsiItemValue = number | string | null;

export interface Assessment extends RecordMeta {
  municipalityId: string;
  enrolmentId: string;
  citizenId: string;
  instrument: 'ASI';
  instrumentVersion: string;
  timepoint: Timepoint;
  date: string;
  interviewerUserId: string;
  items: Record<string, AsiItemValue>;
  /** The seven composites, exact (unclamped); null where an item is missing. */
  composites: Record<CompositeDomain, number | null>;
  /** Per domain, the items that kept its composite from being computed. */
  missing: Partial<Record<CompositeDomain, string[]>>;
  drugFree: boolean | null;
  /** Why drug-free is unknown (null): the drug-day items that are unanswered. Empty when it is known. */
  drugFreeMissing: string[];
}

export const CONTACT_CHANNELS = ['phone', 'sms', 'e-mail', 'letter', 'visit'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export interface FollowUpAttempt {
  id: string;
  enrolmentId: string;
  timepoint: Timepoint;
  date: string;
  channel: ContactChannel;
  reached: boolean;
  userId: string;
}

export const DUE_STATUSES = ['upcoming', 'in-window', 'overdue', 'done', 'not-applicable'] as const;
export type DueStatus = (typeof DUE_STATUSES)[number];

/** One scheduled assessment of an enrolment and where it stands. */
export interface DueAssessment {
  timepoint: Timepoint;
  dueDate: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  status: DueStatus;
  doneDate: string | null;
}

/** A row of a staff member's or a centre's worklist. */
export interface WorklistItem extends DueAssessment {
  /** `<enrolmentId>:<timepoint>`, for react-admin. */
  id: string;
  enrolmentId: string;
  citizenId: string;
  programmeId: string;
  centreId: string;
  staffUserId: string | null;
  attempts: FollowUpAttempt[];
}
