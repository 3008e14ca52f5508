import type { TreatmentKind } from './treatment-provider';
import type { RecordMeta } from './resources';

/** How the citizen's request reached the municipality or a treatment place (the channel code list). */
export const REQUEST_CHANNELS = ['personal', 'phone', 'written', 'digital', 'via-treatment-place'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

/**
 * The kind of course, by its legal basis: `sel-101` is social drug treatment under Serviceloven § 101
 * (the treatment guarantee, a written decision with complaint guidance, free choice, the national
 * register); `sel-101a` is anonymous treatment under § 101 a (outpatient, no CPR number, no guarantee,
 * no decision to appeal, no free choice, not in the register, counted apart in the outcomes).
 * The column is `course_kind` on `case_request` and `enrolment`.
 */
export const COURSE_KINDS = ['sel-101', 'sel-101a'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];
/** The ordinary kind: what every course is unless it is anonymous. */
export const DEFAULT_COURSE_KIND: CourseKind = 'sel-101';
/** Anonymous treatment (Serviceloven § 101 a). */
export const ANONYMOUS_COURSE_KIND: CourseKind = 'sel-101a';

export const CASE_REQUEST_STATUSES = ['open', 'closed'] as const;
export type CaseRequestStatus = (typeof CASE_REQUEST_STATUSES)[number];

/**
 * The six areas of the assessment (afdækning, BEK 1477 of 17.12.2019 § 1), in the order the rules
 * name them: drugs and alcohol, social situation, physical and mental health, work or education,
 * housing, other help received.
 */
export const ASSESSMENT_AREAS = ['drugsAndAlcohol', 'socialSituation', 'health', 'workOrEducation', 'housing', 'otherHelp'] as const;
export type AssessmentArea = (typeof ASSESSMENT_AREAS)[number];
export type RequestAssessment = Record<AssessmentArea, string | null>;

/** Where the treatment guarantee stands (libs/domain guarantee.ts). */
export const GUARANTEE_STATUSES = ['running', 'overdue', 'met', 'missed', 'waived'] as const;
export type GuaranteeStatus = (typeof GUARANTEE_STATUSES)[number];

export interface GuaranteeState {
  status: GuaranteeStatus;
  /** The last day treatment may start on (the request date + the guarantee's days; calendar days). */
  deadline: string;
  /** Running: days left until the deadline (0 on the last day). Overdue: negative. Otherwise null. */
  daysLeft: number | null;
  /** Met or missed: calendar days from the request to the start. */
  daysToStart: number | null;
  /** The start of treatment: the earliest start of an enrolment linked to the request. */
  startDate: string | null;
  /** Missed or overdue and no reason recorded yet. */
  reasonMissing: boolean;
}

/** A later request within 10 days of the open one, joined to it (one contact course). */
export interface JoinedRequest {
  requestedOn: string;
  channel: RequestChannel;
  receivedByCentreId: string | null;
  at: string;
  userId: string;
}

/** A citizen's request for treatment (henvendelse), with the assessment and the treatment guarantee. */
export interface CaseRequest extends RecordMeta {
  municipalityId: string;
  citizenId: string;
  /** § 101 (the default) or anonymous treatment under § 101 a (no guarantee, no decision to appeal). */
  courseKind: CourseKind;
  requestedOn: string;
  channel: RequestChannel;
  /** The treatment place that received it; null: the municipality itself. */
  receivedByCentreId: string | null;
  assessment: RequestAssessment;
  status: CaseRequestStatus;
  closedOn: string | null;
  /** The citizen chose another place under free choice (§ 101 stk. 6): the guarantee is waived from this date. */
  waiverOn: string | null;
  /** Why treatment did not start within the guarantee. */
  missedReason: string | null;
  /** The free conversation with a doctor (sundhedsloven § 142). */
  doctorConversationOn: string | null;
  joinedRequests: JoinedRequest[];
  /** The treatment guarantee; null for anonymous treatment (§ 101 a), which has none. */
  guarantee: GuaranteeState | null;
  /** Enrolments linked to the request. */
  enrolmentIds: string[];
  createdByUserId: string;
}

/** POST /api/case-requests answers the new request (201) or the open one it joined (200, joined: true). */
export interface CaseRequestCreated extends CaseRequest {
  joined: boolean;
}

export const DECISION_OUTCOMES = ['granted', 'refused'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** The default legal basis of a decision on social drug treatment. */
export const DEFAULT_LEGAL_BASIS = 'Lov om social service (serviceloven) § 101.';
/** The default complaint guidance: 4 weeks, to the municipality, which reconsiders it, then Ankestyrelsen. */
export const DEFAULT_COMPLAINT_GUIDANCE =
  'Du kan klage over afgørelsen. Klagen skal være modtaget senest 4 uger efter, at du har fået afgørelsen. ' +
  'Du klager til kommunen, som genvurderer afgørelsen. Fastholder kommunen afgørelsen, sender den din klage videre til Ankestyrelsen inden for 4 uger. ' +
  'Du kan klage mundtligt eller skriftligt.';

/** A written decision (afgørelse) on a request; never changed: a new decision is added beside it. */
export interface CaseDecision {
  id: string;
  createdAt: string;
  municipalityId: string;
  caseRequestId: string;
  citizenId: string;
  decidedOn: string;
  outcome: DecisionOutcome;
  programmeId: string | null;
  centreId: string | null;
  reasons: string;
  legalBasis: string;
  complaintGuidance: string;
  /** The decision this one replaces (changed, or after a complaint); null for the first. */
  supersedesId: string | null;
  decidedByUserId: string;
  /** The kind of treatment decided (outpatient / day / residential), if recorded: a referral's place must be of this kind (decision 106). */
  treatmentKind: TreatmentKind | null;
}

/**
 * The guarantee's figures for the requests of a period (the management's view): `shareWithin` is met
 * of (met + missed + overdue), waived and still running left out; `medianDays` is over those that
 * started (met and missed).
 */
export interface GuaranteeFigures {
  municipalityId: string;
  from: string;
  to: string;
  guaranteeDays: number;
  requests: number;
  met: number;
  missed: number;
  overdue: number;
  running: number;
  waived: number;
  /** Anonymous requests (§ 101 a) of the period: they have no guarantee, so none of the figures above counts them. */
  anonymousLeftOut: number;
  shareWithin: number | null;
  medianDays: number | null;
}
