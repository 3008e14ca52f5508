import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The shared-read policies (emergency access, hand-over: issue 22) as comparisons with an array
 * built once per statement, so that a tenant table's two permissive policies can be one BitmapOr of
 * two index scans (decision 147).
 *
 * Written `citizen_id IN (SELECT app_shared_citizen_ids())`, the second policy became a hashed
 * subplan OR'ed with `municipality_id = app_municipality_id()`, which no index can serve: every read
 * of enrolment, group_attendance, assessment… scanned the national table and filtered it (the
 * outcome report's enrolments at national scale: 295,614 rows read for 7,286 kept; a 25-row list of
 * active enrolments 215 ms). `= ANY (ARRAY(SELECT …))` is the same set (a null id matches neither
 * form); its array is an InitPlan, computed once per statement, which an index scan can take as its
 * condition. (A function returning the array would not do: a STABLE function with its own
 * search_path is not inlined, so in a filter it ran once per row: the review's seq scan of 2,000 rows
 * did not end in 40 s.) The tables without an index on the compared column get one here.
 */
export class SharedReadIndexable1796541400900 implements MigrationInterface {
  name = 'SharedReadIndexable1796541400900';

  public async up(q: QueryRunner): Promise<void> {
    for (const [table, column, set] of SHARED_READ) await q.query(`ALTER POLICY shared_read ON ${table} USING (${column} = ANY (ARRAY(${set})))`);
    for (const [name, table, column] of INDEXES) await q.query(`CREATE INDEX "${name}" ON "${table}" ("${column}")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const [name] of INDEXES) await q.query(`DROP INDEX "${name}"`);
    for (const [table, column] of SHARED_READ) {
      const before = column === 'enrolment_id'
        ? 'enrolment_id IN (SELECT e.id FROM enrolment e WHERE e.citizen_id IN (SELECT app_shared_citizen_ids()))'
        : column === 'assessment_id'
          ? 'assessment_id IN (SELECT a.id FROM assessment a WHERE a.citizen_id IN (SELECT app_shared_citizen_ids()))'
          : `${column} IN (SELECT app_shared_citizen_ids())`;
      await q.query(`ALTER POLICY shared_read ON ${table} USING (${before})`);
    }
  }
}

/** The citizens shared with this session (the definer function of issue 22), as a subquery. */
const CITIZENS = 'SELECT app_shared_citizen_ids()';
/** Their enrolments and assessments, read with the caller's own rights, as the old subqueries were. */
const ENROLMENTS = `SELECT e.id FROM enrolment e WHERE e.citizen_id = ANY (ARRAY(${CITIZENS}))`;
const ASSESSMENTS = `SELECT a.id FROM assessment a WHERE a.citizen_id = ANY (ARRAY(${CITIZENS}))`;

/** Each table with a shared_read policy: the column it compares and the set it compares with. */
const SHARED_READ: [string, string, string][] = [
  ['citizen', 'id', CITIZENS],
  ['case_request', 'citizen_id', CITIZENS],
  ['case_decision', 'citizen_id', CITIZENS],
  ['enrolment', 'citizen_id', CITIZENS],
  ['treatment_session', 'citizen_id', CITIZENS],
  ['treatment_plan_revision', 'citizen_id', CITIZENS],
  ['note_version', 'citizen_id', CITIZENS],
  ['assessment', 'citizen_id', CITIZENS],
  ['outreach_contact', 'citizen_id', CITIZENS],
  ['youth_consent', 'citizen_id', CITIZENS],
  ['enrolment_transition', 'enrolment_id', ENROLMENTS],
  ['follow_up_attempt', 'enrolment_id', ENROLMENTS],
  ['group_member', 'enrolment_id', ENROLMENTS],
  ['group_attendance', 'enrolment_id', ENROLMENTS],
  ['assessment_revision', 'assessment_id', ASSESSMENTS],
];

/** The tables whose shared_read column had no index of its own (only partial or none). */
const INDEXES: [string, string, string][] = [
  ['enrolment_citizen', 'enrolment', 'citizen_id'],
  ['case_request_citizen', 'case_request', 'citizen_id'],
  ['case_decision_citizen', 'case_decision', 'citizen_id'],
  ['treatment_plan_revision_citizen', 'treatment_plan_revision', 'citizen_id'],
  ['youth_consent_citizen', 'youth_consent', 'citizen_id'],
  ['group_member_enrolment', 'group_member', 'enrolment_id'],
];
