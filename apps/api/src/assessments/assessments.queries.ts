import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { findByIdOr404 } from '../common/crud/find-by-id';
import { AssessmentEntity, AssessmentRevisionEntity, FollowUpAttemptEntity } from './assessment.entity';

// Every query of the assessments feature (assessments, their revisions, follow-up attempts), in the
// request's tenant transaction (row-level security applies). One enrolment's schedule reads its
// programme through programmes.queries.ts; the worklist is one query here (WORKLIST_SQL).

/** The base of the assessment list (listPage adds the filters, sort and range). */
export function assessmentList(m: EntityManager): SelectQueryBuilder<AssessmentEntity> {
  return m.getRepository(AssessmentEntity).createQueryBuilder('r');
}

/** The assessment a path names, or 404 "Assessment not found". */
export function assessmentOr404(m: EntityManager, id: string): Promise<AssessmentEntity> {
  return findByIdOr404(m.getRepository(AssessmentEntity), id, 'Assessment');
}

/** Inserts a scored assessment; answers its id. */
export async function insertAssessment(m: EntityManager, values: QueryDeepPartialEntity<AssessmentEntity>): Promise<string> {
  const result = await m.getRepository(AssessmentEntity).createQueryBuilder().insert().values(values).returning('id').execute();
  return (result.identifiers[0] as { id: string }).id;
}

/** Writes the changes if the assessment still has this version; answers how many rows changed (0: stale). */
export async function updateAssessment(m: EntityManager, id: string, version: number, changes: QueryDeepPartialEntity<AssessmentEntity>): Promise<number | undefined> {
  const result = await m.getRepository(AssessmentEntity).createQueryBuilder().update().set(changes).where('id = :id AND version = :version', { id, version }).execute();
  return result.affected;
}

/** Keeps the version before an edit. */
export async function insertRevision(m: EntityManager, values: QueryDeepPartialEntity<AssessmentRevisionEntity>): Promise<void> {
  await m.getRepository(AssessmentRevisionEntity).insert(values);
}

/** Inserts an attempt to reach the citizen for a follow-up; answers its id. */
export async function insertFollowUpAttempt(m: EntityManager, values: QueryDeepPartialEntity<FollowUpAttemptEntity>): Promise<string> {
  const result = await m.getRepository(FollowUpAttemptEntity).createQueryBuilder().insert().values(values).returning('id').execute();
  return (result.identifiers[0] as { id: string }).id;
}

/** The timepoints and dates of these enrolments' assessments (what the schedule counts as taken). */
export function takenAssessments(m: EntityManager, enrolmentIds: string[]): Promise<AssessmentEntity[]> {
  return m.getRepository(AssessmentEntity).createQueryBuilder('a').select(['a.enrolmentId', 'a.timepoint', 'a.assessedOn']).where('a.enrolment_id = ANY(:ids)', { ids: enrolmentIds }).getMany();
}

/** These enrolments' follow-up attempts, oldest first. */
export function followUpAttempts(m: EntityManager, enrolmentIds: string[]): Promise<FollowUpAttemptEntity[]> {
  return m.getRepository(FollowUpAttemptEntity).createQueryBuilder('f').where('f.enrolment_id = ANY(:ids)', { ids: enrolmentIds }).orderBy('f.attempted_on', 'ASC').getMany();
}

/** The worklist's filters, as the list query gave them (each optional). */
interface WorklistFilter {
  staffUserId?: string | undefined;
  centreId?: string | undefined;
  status?: string | undefined;
}

/** A worklist row as the SQL answers it: dates as YYYY-MM-DD text, the item's attempts as JSON, oldest first. */
export interface WorklistRow {
  enrolment_id: string;
  citizen_id: string;
  programme_id: string;
  centre_id: string;
  staff_user_id: string | null;
  timepoint: string;
  due_date: string;
  window_start: string;
  window_end: string;
  status: string;
  attempts: { id: string; enrolmentId: string; timepoint: string; date: string; channel: string; reached: boolean; userId: string }[];
}

/**
 * The worklist computed in the database (decision 148): the protocol's schedule of each active or
 * ended enrolment expanded by a lateral join, what is done or not applicable dropped, each left item
 * placed against its window, filtered, sorted, counted and paged, so that a page reads one page.
 * The same rule as libs/domain followUpSchedule (which still serves one enrolment's schedule); the
 * medium spec worklist-sql.medium-spec.ts holds the two equal. Parameters:
 *   $1 today: the Danish date (danishToday(), computed by the caller as every other "today" is);
 *   $2 the ended states (libs/domain ENDED_STATES); $3 staff user, $4 centre, $5 status (null: any);
 *   $6 limit, $7 offset.
 * Answers the page's rows and the total; with no row on the page, one row of nulls carrying the total.
 * Every column is named, never `*`: a text with `*` is never prepared (auto-prepare-client.ts), and
 * prepared, PostgreSQL plans it once for all (a generic plan) where that is cheaper. At the
 * municipality scale that plan took 3.6 ms against 14-18 ms planned afresh with each request's values.
 */
const WORKLIST_SQL = `
  WITH worklist_enrolment AS (
    -- Whose assessments are owed: active or ended enrolments (referred and cancelled owe none), of the
    -- staff member / centre asked for. The programme's protocol: its follow-up months and window days
    -- (30 when the programme is not visible, as the schedule defaults).
    SELECT e.id, e.citizen_id, e.programme_id, e.centre_id, e.staff_user_id, e.start_date, e.end_date,
           e.state = ANY($2::text[]) AS ended,
           coalesce(p.follow_up_months, '{}') AS follow_up_months,
           coalesce(p.follow_up_window_days, 30) AS window_days
      FROM enrolment e
      LEFT JOIN programme p ON p.id = e.programme_id
     WHERE (e.state = 'active' OR e.state = ANY($2::text[]))
       AND ($3::uuid IS NULL OR e.staff_user_id = $3::uuid)
       AND ($4::uuid IS NULL OR e.centre_id = $4::uuid)
  ),
  scheduled AS (
    -- The protocol's schedule per enrolment, in the schedule's order (ordinal, the tie-break within
    -- an enrolment): intake due at the start; end due at the end once ended (completed or dropped
    -- out: attrition is followed up, not hidden); each follow-up of the programme (3, 6, 9 or 12)
    -- that many calendar months after the end (PostgreSQL's month arithmetic clamps the 31st to a
    -- shorter month's last day, as addMonths does).
    SELECT w.id, w.citizen_id, w.programme_id, w.centre_id, w.staff_user_id, w.ended, w.window_days, s.timepoint, s.ordinal, s.due_date
      FROM worklist_enrolment w
     CROSS JOIN LATERAL (
           SELECT 'intake'::text AS timepoint, 0::bigint AS ordinal, w.start_date AS due_date
           UNION ALL
           SELECT 'end', 1, CASE WHEN w.ended THEN w.end_date END
           UNION ALL
           SELECT 'follow-up-' || f.months, 1 + f.n, CASE WHEN w.ended THEN (w.end_date + make_interval(months => f.months))::date END
             FROM unnest(w.follow_up_months) WITH ORDINALITY AS f(months, n)
            WHERE f.months IN (3, 6, 9, 12)
         ) s
  ),
  open_item AS (
    -- Not applicable (no due date yet: not started, not ended) and done (an assessment of that
    -- timepoint taken, whatever its date) are not work. The window is the due date ± the window days;
    -- before it the item is upcoming, within it (both edges included) in window, after it overdue.
    SELECT s.id, s.citizen_id, s.programme_id, s.centre_id, s.staff_user_id, s.timepoint, s.ordinal, s.due_date,
           s.due_date - s.window_days AS window_start, s.due_date + s.window_days AS window_end,
           CASE WHEN $1::date < s.due_date - s.window_days THEN 'upcoming'
                WHEN $1::date <= s.due_date + s.window_days THEN 'in-window'
                ELSE 'overdue' END AS status
      FROM scheduled s
     WHERE s.due_date IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM assessment a WHERE a.enrolment_id = s.id AND a.timepoint = s.timepoint)
  ),
  listed AS (
    SELECT o.id, o.citizen_id, o.programme_id, o.centre_id, o.staff_user_id, o.timepoint, o.ordinal, o.due_date, o.window_start, o.window_end, o.status
      FROM open_item o WHERE $5::text IS NULL OR o.status = $5::text
  )
  SELECT total.n AS total, page.enrolment_id, page.ordinal, page.citizen_id, page.programme_id, page.centre_id, page.staff_user_id,
         page.timepoint, page.due_date, page.window_start, page.window_end, page.status, page.attempts
    FROM (SELECT count(*)::int AS n FROM listed) total
    LEFT JOIN LATERAL (
      -- Soonest due first; on the same day by enrolment, then in the schedule's order.
      SELECT l.id AS enrolment_id, l.ordinal, l.citizen_id, l.programme_id, l.centre_id, l.staff_user_id, l.timepoint,
             l.due_date::text AS due_date, l.window_start::text AS window_start, l.window_end::text AS window_end, l.status,
             -- The attempts to reach the citizen for this item, oldest first.
             coalesce((SELECT json_agg(json_build_object('id', f.id, 'enrolmentId', f.enrolment_id, 'timepoint', f.timepoint,
                                                         'date', f.attempted_on::text, 'channel', f.channel, 'reached', f.reached, 'userId', f.user_id)
                                       ORDER BY f.attempted_on, f.created_at, f.id)
                         FROM follow_up_attempt f WHERE f.enrolment_id = l.id AND f.timepoint = l.timepoint), '[]') AS attempts
        FROM listed l
       ORDER BY l.due_date, l.id, l.ordinal
       LIMIT $6 OFFSET $7
    ) page ON true
   ORDER BY page.due_date, page.enrolment_id, page.ordinal`;

/** One page of the worklist and its total (WORKLIST_SQL). */
export async function worklistPage(m: EntityManager, today: string, endedStates: readonly string[], filter: WorklistFilter, limit: number, offset: number): Promise<{ rows: WorklistRow[]; total: number }> {
  const result = (await m.query(WORKLIST_SQL, [today, endedStates, filter.staffUserId ?? null, filter.centreId ?? null, filter.status ?? null, limit, offset])) as (WorklistRow & { total: number; ordinal: string; enrolment_id: string | null })[];
  return { rows: result.filter((r) => r.enrolment_id !== null).map(({ total: _total, ordinal: _ordinal, ...row }) => row), total: result[0]?.total ?? 0 };
}
