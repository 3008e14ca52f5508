/**
 * The national register (Stofmisbrugsdatabasen, Danmarks Statistik): the end-status code list, the
 * readiness of each course and the monthly extract (docs/register.md).
 */

/** How the register publishes a course's status at the end. */
export const REGISTER_PUBLISHED_GROUPS = ['drug_free', 'reduced_or_stabilised', 'other'] as const;
export type RegisterPublishedGroup = (typeof REGISTER_PUBLISHED_GROUPS)[number];

/** One code of the end-status code list (kept as data in the table register_end_status). */
export interface RegisterEndStatus {
  code: string;
  labelDa: string;
  labelEn: string;
  publishedGroup: RegisterPublishedGroup;
}

/** What a course lacks, or where it contradicts itself, before it can be reported. */
export const READINESS_ISSUES = [
  'no-request-date',
  'no-start-date',
  'no-end-date',
  'no-end-status',
  'no-sex',
  'start-before-request',
  'end-before-start',
] as const;
export type ReadinessIssue = (typeof READINESS_ISSUES)[number];

/**
 * Why a course is left out of the register: anonymous treatment (§ 101 a, a course of its own kind,
 * not in Danmarks Statistik's figures), a replacement CPR number, or no CPR number at all.
 */
export const REGISTER_LEFT_OUT_REASONS = ['anonymous', 'replacement-cpr', 'no-cpr'] as const;
export type RegisterLeftOutReason = (typeof REGISTER_LEFT_OUT_REASONS)[number];

/** A course (an enrolment) with what it lacks. */
export interface ReadinessCourse {
  enrolmentId: string;
  citizenId: string;
  programmeId: string;
  centreId: string;
  state: string;
  requestedOn: string | null;
  startDate: string | null;
  endDate: string | null;
  endStatus: string | null;
  missing: ReadinessIssue[];
}

export interface LeftOutCourse {
  enrolmentId: string;
  citizenId: string;
  programmeId: string;
  state: string;
  reason: RegisterLeftOutReason;
}

/** GET /api/register/readiness: the municipality's courses that cannot be reported as they are. */
export interface RegisterReadiness {
  municipalityId: string;
  /** Courses counted: every enrolment but a cancelled referral. */
  courses: number;
  /** Courses whose every field the register needs is present and consistent. */
  ready: number;
  /** The incomplete courses, newest referral first, at most MAX_PAGE_SIZE of them (not a paged list: capped like one). */
  incomplete: ReadinessCourse[];
  /** How many courses are incomplete in all (incomplete holds the newest of them). */
  incompleteTotal: number;
  /** Left out of the register, newest referral first, at most MAX_PAGE_SIZE. */
  leftOut: LeftOutCourse[];
  leftOutTotal: number;
  /** The month whose extract is due next (YYYY-MM), and its due date (the 15th of the following month). */
  currentMonth: { month: string; dueOn: string };
  previousMonth: { month: string; dueOn: string };
}
