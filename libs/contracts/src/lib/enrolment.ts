import type { CourseKind } from './case-request';
import type { RecordMeta } from './resources';

export const ENROLMENT_STATES = ['referred', 'active', 'completed', 'dropped_out', 'transferred', 'cancelled'] as const;
export type EnrolmentState = (typeof ENROLMENT_STATES)[number];

/** Statements a staff member attests to when a programme's target group requires them (SMART Recovery). */
export const ATTESTATIONS = ['finished-treatment', 'drug-free-or-stable-substitution'] as const;
export type Attestation = (typeof ATTESTATIONS)[number];

export interface EnrolmentTransitionRecord {
  from: EnrolmentState | null;
  to: EnrolmentState;
  at: string;
  userId: string;
  date: string;
  reason: string | null;
}

export interface Enrolment extends RecordMeta {
  municipalityId: string;
  citizenId: string;
  programmeId: string;
  centreId: string;
  staffUserId: string | null;
  referralDate: string;
  referralSource: string | null;
  startDate: string | null;
  endDate: string | null;
  /** A free-text note on the end, beside the end status. */
  endReason: string | null;
  /** The register's status at the end: a code of the end-status code list (GET /api/register/end-statuses). */
  endStatus: string | null;
  state: EnrolmentState;
  attestations: Attestation[];
  /** Why eligibility rules were overridden, when they were. */
  eligibilityOverride: string | null;
  /** The request (henvendelse) this enrolment answers; its start counts for the treatment guarantee. Null for older enrolments. */
  caseRequestId: string | null;
  /** § 101 or anonymous treatment (§ 101 a); an enrolment answering a request has the request's kind. */
  courseKind: CourseKind;
  transitions: EnrolmentTransitionRecord[];
  /** Progress against the protocol: sessions attended, of the programme's expected number (MOVE "7 of 12"). */
  sessionsAttended: number;
  expectedSessions: number | null;
  /** The municipality the citizen moved to, for a course ended `transferred` (issue 22); null otherwise. */
  transferredToMunicipalityId: string | null;
}
