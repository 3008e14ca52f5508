import type { EntityManager } from 'typeorm';

// Every query of the register feature (docs/register.md). They run in the request's tenant transaction
// (row-level security holds them to the municipality) and name it too. A course is an enrolment that
// is not a referral cancelled before it started; its request date is its linked request's.

/** One course with the facts the register and the readiness page need. */
export interface RegisterCourseRow {
  enrolmentId: string;
  citizenId: string;
  programmeId: string;
  centreId: string;
  state: string;
  requestedOn: string | null;
  startDate: string | null;
  endDate: string | null;
  endStatus: string | null;
  sex: string | null;
  hasCpr: boolean;
  cprReplacement: boolean;
  /** 'sel-101' or 'sel-101a' (anonymous treatment, never reported). */
  courseKind: string;
}

const COURSE_COLUMNS = `e.id AS "enrolmentId", e.citizen_id AS "citizenId", e.programme_id AS "programmeId", e.centre_id AS "centreId",
  e.state, to_char(r.requested_on, 'YYYY-MM-DD') AS "requestedOn", to_char(e.start_date, 'YYYY-MM-DD') AS "startDate",
  to_char(e.end_date, 'YYYY-MM-DD') AS "endDate", e.end_status AS "endStatus", c.sex, c.cpr_encrypted IS NOT NULL AS "hasCpr",
  c.cpr_replacement AS "cprReplacement", e.course_kind AS "courseKind"`;

/** Every course of the municipality, newest referral first. */
export async function registerCourses(m: EntityManager, municipalityId: string): Promise<RegisterCourseRow[]> {
  return (await m.query(
    `SELECT ${COURSE_COLUMNS}
       FROM enrolment e
       JOIN citizen c ON c.id = e.citizen_id
       LEFT JOIN case_request r ON r.id = e.case_request_id
      WHERE e.municipality_id = $1 AND e.state <> 'cancelled'
      ORDER BY e.referral_date DESC, e.id`,
    [municipalityId],
  )) as RegisterCourseRow[];
}

/** A course with an event (request, start, end) in [from, to], with what its extract rows carry. */
export interface ExtractCourseRow extends RegisterCourseRow {
  cprEncrypted: string | null;
  municipalityCode: string;
  centreName: string;
  programmeCode: string;
  endStatusGroup: string | null;
}

/** The courses with a request, start or end on a day from `from` to `to` (inclusive). */
export async function coursesWithEvents(m: EntityManager, municipalityId: string, from: string, to: string): Promise<ExtractCourseRow[]> {
  return (await m.query(
    `SELECT ${COURSE_COLUMNS}, c.cpr_encrypted AS "cprEncrypted", mu.code AS "municipalityCode", ce.name AS "centreName",
            p.code AS "programmeCode", s.published_group AS "endStatusGroup"
       FROM enrolment e
       JOIN citizen c ON c.id = e.citizen_id
       JOIN municipality mu ON mu.id = e.municipality_id
       JOIN centre ce ON ce.id = e.centre_id
       JOIN programme p ON p.id = e.programme_id
       LEFT JOIN case_request r ON r.id = e.case_request_id
       LEFT JOIN register_end_status s ON s.code = e.end_status
      WHERE e.municipality_id = $1 AND e.state <> 'cancelled'
        AND (r.requested_on BETWEEN $2 AND $3 OR e.start_date BETWEEN $2 AND $3 OR e.end_date BETWEEN $2 AND $3)
      ORDER BY e.id`,
    [municipalityId, from, to],
  )) as ExtractCourseRow[];
}
