// The worklist's one query, in a module of its own with no imports, so that the tests and the
// bench's baseline (tools/bench/baseline-server.mjs) send the very texts the API sends.

/** Which of the worklist's filters on whose enrolments are given: each shape is a text of its own. */
export interface WorklistShape {
  staff: boolean;
  centre: boolean;
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
 *
 * One text per filter shape (staff member given or not, centre given or not), each prepared with a
 * plan of its own. With one text for all, PostgreSQL chose a connection's plan from its first five
 * runs: a connection whose first runs listed the whole municipality kept that plan for one staff
 * member's list too (10-15 ms against 1.6-3.0 ms at the national scale, decision 194). An absent
 * filter's parameter is NULL and its test a constant.
 */
export function worklistSql(shape: WorklistShape): string {
  // A few microseconds to build; the same shape gives the same text, which is what the connection prepares.
  const staff = shape.staff ? 'e.staff_user_id = $3::uuid' : '$3::uuid IS NULL';
  const centre = shape.centre ? 'e.centre_id = $4::uuid' : '$4::uuid IS NULL';
  return `
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
       AND ${staff}
       AND ${centre}
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
}

/** What one request's worklist is asked for: the filters (each optional), today and the page. */
export interface WorklistRequest {
  today: string;
  endedStates: readonly string[];
  staffUserId?: string | undefined;
  centreId?: string | undefined;
  status?: string | undefined;
  limit: number;
  offset: number;
}

/** The text and values of one request's worklist: the text's shape follows the values, so the two cannot disagree. */
export function worklistQuery(r: WorklistRequest): { text: string; values: unknown[] } {
  return {
    text: worklistSql({ staff: r.staffUserId !== undefined, centre: r.centreId !== undefined }),
    values: [r.today, r.endedStates, r.staffUserId ?? null, r.centreId ?? null, r.status ?? null, r.limit, r.offset],
  };
}
