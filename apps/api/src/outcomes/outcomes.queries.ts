import type { CompositeDomain, EnrolmentState, OutcomeReport, Timepoint } from '@outcomes/contracts';
import { COMPOSITE_DOMAINS } from '@outcomes/contracts';
import { COUNTED_GROUP_ATTENDANCE } from '@outcomes/domain';
import type { EntityManager } from 'typeorm';
import { attendedCountSql } from '../enrolments/rules-sql';
import { PublishedResultEntity } from './published-result.entity';

// Every query of the outcomes feature: the report's reads (enrolment, group_attendance,
// group_meeting, treatment_session, assessment; on the read replica when there is one), the published
// results it is compared with, and the evaluators' daily budget of report queries (report_query).
// The attendance rule's SQL fragment lives in enrolments/rules-sql.ts, which the enrolment page shares.

export interface EnrolmentRow {
  id: string;
  state: EnrolmentState;
  start_date: string | null;
  end_date: string | null;
  attended: string;
  minutes: string;
  record_key: number;
  /** 'sel-101' or 'sel-101a' (anonymous treatment, counted apart). */
  course_kind: string;
}

export type AssessmentRow = { enrolment_id: string; timepoint: Timepoint; drug_free: boolean | null } & Record<CompositeDomain, number | null>;

/**
 * The report's enrolments ($1 programme, $2 and $3 the referral period) with their attendance toward
 * the protocol (attendedCountSql: the enrolment page's count) and the staff minutes spent on them.
 * Attendance is counted per enrolment by index probes; a group meeting's minutes are shared by those
 * present, each meeting's headcount counted once, by the attendance primary key (meeting first), in a MATERIALIZED CTE: inlined, it is
 * counted again for every attendance row; grouped over the attendance table, PostgreSQL read all of
 * it (the measurements: docs/performance.md, "Smaller findings").
 * record_key is the cell key method's secret key: it goes into libs/domain's arithmetic and no further.
 * Exported for `cli.js report-sql` (the benchmark's baseline).
 */
export const REPORT_ENROLMENTS_SQL = `
  WITH e AS (
    SELECT id, state, start_date, end_date, record_key, course_kind FROM enrolment
    WHERE programme_id = $1 AND referral_date BETWEEN $2 AND $3),
  present AS (
    SELECT a.enrolment_id, a.meeting_id FROM group_attendance a JOIN e ON e.id = a.enrolment_id WHERE a.status = '${COUNTED_GROUP_ATTENDANCE}'),
  meetings AS MATERIALIZED (
    SELECT m.id, m.duration_minutes,
      (SELECT count(*) FROM group_attendance p WHERE p.meeting_id = m.id AND p.status = '${COUNTED_GROUP_ATTENDANCE}') AS n
    FROM group_meeting m WHERE m.id IN (SELECT meeting_id FROM present)),
  groups AS (
    SELECT present.enrolment_id, sum(meetings.duration_minutes::numeric / meetings.n) AS minutes
    FROM present JOIN meetings ON meetings.id = present.meeting_id
    GROUP BY present.enrolment_id)
  SELECT e.id, e.state, e.start_date::text, e.end_date::text, e.record_key, e.course_kind,
    ${attendedCountSql('e.id')} AS attended,
    (SELECT coalesce(sum(s.duration_minutes), 0) FROM treatment_session s WHERE s.enrolment_id = e.id AND s.attendance <> 'cancelled' AND s.entered_in_error_at IS NULL)
      + coalesce(g.minutes, 0) AS minutes
  FROM e LEFT JOIN groups g ON g.enrolment_id = e.id`;

/**
 * The report's assessments of those enrolments ($1, an array of ids): the scheduled timepoints only.
 * Progress reviews (ad hoc) count toward no figure, and in long programmes they are most of the rows.
 */
export const REPORT_ASSESSMENTS_SQL = `SELECT enrolment_id, timepoint, drug_free, ${COMPOSITE_DOMAINS.join(', ')} FROM assessment
  WHERE enrolment_id = ANY($1) AND timepoint <> 'ad-hoc'`;

/** The report's enrolments of a programme referred in the period, with attendance, minutes and record key. */
export async function reportEnrolments(m: EntityManager, programmeId: string, from: string, to: string): Promise<EnrolmentRow[]> {
  return (await m.query(REPORT_ENROLMENTS_SQL, [programmeId, from, to])) as EnrolmentRow[];
}

/** The scheduled assessments of these enrolments. */
export async function reportAssessments(m: EntityManager, enrolmentIds: string[]): Promise<AssessmentRow[]> {
  return (await m.query(REPORT_ASSESSMENTS_SQL, [enrolmentIds])) as AssessmentRow[];
}

/** The published results of a programme, to compare the report with. */
export function publishedResultsOf(m: EntityManager, programmeCode: string): Promise<PublishedResultEntity[]> {
  return m.getRepository(PublishedResultEntity).createQueryBuilder('r').where('r.programme_code = :code', { code: programmeCode }).getMany();
}

/** The Danish day, and the seconds until it ends, by the database's clock. */
const DANISH_DAY_SQL = `
  SELECT (now() AT TIME ZONE 'Europe/Copenhagen')::date::text AS day,
    ceil(extract(epoch FROM (date_trunc('day', now() AT TIME ZONE 'Europe/Copenhagen') + interval '1 day') AT TIME ZONE 'Europe/Copenhagen' - now()))::int AS seconds_left`;

/** The Danish day and the seconds left of it, by the database's clock. */
export async function danishDay(m: EntityManager): Promise<{ day: string; seconds_left: number }> {
  const [row] = (await m.query(DANISH_DAY_SQL)) as [{ day: string; seconds_left: number }];
  return row;
}

/** How many distinct report queries the user asked on the day. */
export async function reportQueriesUsed(m: EntityManager, userId: string, day: string): Promise<number> {
  const [{ used }] = (await m.query(`SELECT count(*)::int AS used FROM report_query WHERE user_id = $1 AND day = $2`, [userId, day])) as [{ used: number }];
  return used;
}

/** Makes one user's concurrent budget checks take turns, until the transaction ends. */
export async function lockReportBudget(m: EntityManager, userId: string): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('report_query:' || $1, 0))`, [userId]);
}

/** How many distinct report queries the user asked on the day, and whether this one was among them. */
export async function reportQueriesAsked(m: EntityManager, userId: string, day: string, hash: string): Promise<{ used: number; asked: boolean }> {
  const [row] = (await m.query(`SELECT count(*)::int AS used, coalesce(bool_or(query_hash = $3), false) AS asked FROM report_query WHERE user_id = $1 AND day = $2`, [userId, day, hash])) as [
    { used: number; asked: boolean },
  ];
  return row;
}

export async function insertReportQuery(m: EntityManager, values: { userId: string; day: string; hash: string; municipalityId: string }): Promise<void> {
  await m.query(`INSERT INTO report_query (user_id, day, query_hash, municipality_id) VALUES ($1, $2, $3, $4)`, [values.userId, values.day, values.hash, values.municipalityId]);
}

// Kept figures (decision 166): the outcome report of a referral year, frozen by the retention run
// that first erased a course of it. Row-level security holds every read and write to the
// transaction's municipality.

export interface KeptRow {
  programmeId: string;
  municipalityId: string;
  year: number;
  keptAt: Date;
  retentionRunId: string;
  report: OutcomeReport;
}

/** A programme's kept years in the municipality, oldest first. */
export async function keptReports(m: EntityManager, municipalityId: string, programmeId: string): Promise<KeptRow[]> {
  return (await m.query(
    `SELECT programme_id AS "programmeId", municipality_id AS "municipalityId", year, kept_at AS "keptAt", retention_run_id AS "retentionRunId", report
       FROM retained_outcome_report WHERE municipality_id = $1 AND programme_id = $2 ORDER BY year`,
    [municipalityId, programmeId],
  )) as KeptRow[];
}

/** The kept referral years of a programme in the municipality that fall inside [from, to]. */
export async function keptYearsIn(m: EntityManager, municipalityId: string, programmeId: string, from: string, to: string): Promise<number[]> {
  const rows = (await m.query(
    `SELECT year FROM retained_outcome_report
      WHERE municipality_id = $1 AND programme_id = $2 AND year BETWEEN extract(year FROM $3::date) AND extract(year FROM $4::date) ORDER BY year`,
    [municipalityId, programmeId, from, to],
  )) as { year: number }[];
  return rows.map((r) => r.year);
}

/** Of these (programme, year) pairs, those the municipality has no kept figures for yet. */
export async function notYetKept(m: EntityManager, municipalityId: string, years: { programmeId: string; year: number }[]): Promise<{ programmeId: string; year: number }[]> {
  if (years.length === 0) return [];
  return (await m.query(
    `SELECT y.programme_id AS "programmeId", y.year FROM unnest($2::uuid[], $3::int[]) AS y(programme_id, year)
      WHERE NOT EXISTS (SELECT 1 FROM retained_outcome_report r WHERE r.municipality_id = $1 AND r.programme_id = y.programme_id AND r.year = y.year)
      ORDER BY y.programme_id, y.year`,
    [municipalityId, years.map((y) => y.programmeId), years.map((y) => y.year)],
  )) as { programmeId: string; year: number }[];
}

export async function insertKeptReport(
  m: EntityManager,
  kept: { municipalityId: string; programmeId: string; year: number; retentionRunId: string; report: OutcomeReport },
): Promise<void> {
  // A single erasure and a run of the same municipality may both find a year not yet kept: the
  // first to commit keeps it, the other leaves it (the figures it counted are the same rows).
  await m.query(
    `INSERT INTO retained_outcome_report (municipality_id, programme_id, year, retention_run_id, report) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (municipality_id, programme_id, year) DO NOTHING`,
    [kept.municipalityId, kept.programmeId, kept.year, kept.retentionRunId, JSON.stringify(kept.report)],
  );
}
