/**
 * The treatment plan of an enrolment (Serviceloven § 101 stk. 8; Socialstyrelsen, "Retningslinje for
 * behandlingsplanen"): made at the start, with the citizen, and revised as treatment goes on. Every
 * revision is kept; the plan is its newest revision.
 */
export interface TreatmentPlanContent {
  /** At least one: a plan without a goal is refused. */
  goals: string[];
  /** What will be done. */
  actions: string[];
  /** Expected duration of the treatment, in weeks. */
  expectedDurationWeeks: number;
  /** The citizen's own resources the plan builds on. */
  citizenResources: string | null;
  /** Other actors (job centre, doctor, housing, ...) and their tasks. */
  otherActors: string | null;
  /** Who is responsible for what. */
  responsible: string | null;
  /** Made together with the citizen, and on which day. */
  madeWithCitizen: boolean;
  madeWithCitizenOn: string | null;
  /** When the plan is next reviewed (YYYY-MM-DD); due reviews are on the staff worklist. */
  reviewDate: string;
  /** Why this revision was made (none for the first). */
  revisionReason: string | null;
}

export interface TreatmentPlanRevision extends TreatmentPlanContent {
  id: string;
  enrolmentId: string;
  citizenId: string;
  /** 1 for the first plan, then 2, 3, ... Send the one you loaded as `basedOnRevision` to revise. */
  revision: number;
  revisedByUserId: string;
  revisedByName: string;
  revisedAt: string;
}

/**
 * GET /enrolments/:id/treatment-plan: the plan (its newest revision) and every revision, newest first.
 * An enrolment with no plan yet answers `current: null` and no revisions (not a 404: "no plan" is an
 * answer about an enrolment that exists, and the citizen page asks it of every enrolment).
 */
export interface TreatmentPlan {
  id: string;
  enrolmentId: string;
  citizenId: string;
  current: TreatmentPlanRevision | null;
  revisions: TreatmentPlanRevision[];
}

/** A plan whose review date has come (or comes within the week) on an active enrolment: the worklist's. */
export interface PlanReviewDue {
  /** The enrolment's id (one plan per enrolment). */
  id: string;
  enrolmentId: string;
  citizenId: string;
  programmeId: string;
  reviewDate: string;
  revision: number;
  overdue: boolean;
}
