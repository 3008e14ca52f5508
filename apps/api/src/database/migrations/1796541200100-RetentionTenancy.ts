import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention (issue 22, decisions 97-100). Row-level security on the two new tables; the rule of who is
 * due written once in SQL (`retention_due`), read by the dry run as the API's role under row-level
 * security and re-checked by the erasure; and the erasure itself, `retention_erase(citizen)`, a
 * SECURITY DEFINER function: the API's role has no DELETE on a citizen's tables (and the append-only
 * tables refuse DELETE to everyone), so the only erasure it can make is of a citizen the rule says is
 * due, in the municipality its transaction is in, not under a legal hold. A bug or an intruder in
 * the API's session cannot erase a citizen at will.
 */

/**
 * Who is due: every course closed (no open request, no referred or active enrolment), no legal hold in
 * force, and the newest entry of any of the citizen's records older than the retention that applies:
 * the health records' period if the citizen has any (a session or an assessment), the longer of the
 * two, else the social case records' period. Erasure is of the citizen as a whole (decision 97).
 * `legal_hold` and group rows carry no entry date of their own: a hold is not an entry.
 */
const RETENTION_DUE = `
CREATE FUNCTION retention_due(p_municipality uuid)
RETURNS TABLE (citizen_id uuid, last_entry_at timestamptz, health boolean, due_at timestamptz)
LANGUAGE sql STABLE SET search_path = public AS $$
  WITH m AS (
    SELECT retention_health_years AS health_years, retention_social_years AS social_years FROM municipality WHERE id = p_municipality
  ), closed AS (
    SELECT c.id,
      GREATEST(c.created_at, c.updated_at,
        (SELECT max(GREATEST(r.created_at, r.updated_at)) FROM case_request r WHERE r.citizen_id = c.id),
        (SELECT max(d.created_at) FROM case_decision d WHERE d.citizen_id = c.id),
        (SELECT max(GREATEST(e.created_at, e.updated_at, e.end_date::timestamptz)) FROM enrolment e WHERE e.citizen_id = c.id),
        (SELECT max(t.on_date::timestamptz) FROM enrolment_transition t JOIN enrolment e ON e.id = t.enrolment_id WHERE e.citizen_id = c.id),
        (SELECT max(f.created_at) FROM follow_up_attempt f JOIN enrolment e ON e.id = f.enrolment_id WHERE e.citizen_id = c.id),
        (SELECT max(GREATEST(s.created_at, s.updated_at, s.starts_at)) FROM treatment_session s WHERE s.citizen_id = c.id),
        (SELECT max(p.revised_at) FROM treatment_plan_revision p WHERE p.citizen_id = c.id),
        (SELECT max(n.written_at) FROM note_version n WHERE n.citizen_id = c.id),
        (SELECT max(GREATEST(a.created_at, a.updated_at)) FROM assessment a WHERE a.citizen_id = c.id),
        (SELECT max(v.revised_at) FROM assessment_revision v JOIN assessment a ON a.id = v.assessment_id WHERE a.citizen_id = c.id),
        (SELECT max(GREATEST(o.created_at, o.updated_at, o.contact_at)) FROM outreach_contact o WHERE o.citizen_id = c.id),
        (SELECT max(GREATEST(y.created_at, y.updated_at)) FROM youth_consent y WHERE y.citizen_id = c.id)
      ) AS last_entry_at,
      (EXISTS (SELECT 1 FROM treatment_session s WHERE s.citizen_id = c.id) OR EXISTS (SELECT 1 FROM assessment a WHERE a.citizen_id = c.id)) AS health
    FROM citizen c
    WHERE c.municipality_id = p_municipality
      AND NOT EXISTS (SELECT 1 FROM legal_hold h WHERE h.citizen_id = c.id AND h.lifted_at IS NULL)
      AND NOT EXISTS (SELECT 1 FROM case_request r WHERE r.citizen_id = c.id AND r.status = 'open')
      AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.citizen_id = c.id AND e.state IN ('referred', 'active'))
  ), dated AS (
    SELECT closed.id, closed.last_entry_at, closed.health,
      closed.last_entry_at + make_interval(years => CASE WHEN closed.health THEN GREATEST(m.health_years, m.social_years) ELSE m.social_years END) AS due_at
    FROM closed, m
  )
  SELECT id, last_entry_at, health, due_at FROM dated WHERE due_at <= now()
$$`;

/**
 * Erases one due citizen with every row of theirs, children first, and answers the rows erased per
 * table and the anonymous aggregate of their courses. Refuses (nothing written) a citizen of another
 * municipality or unknown (RT404), under a legal hold (RT409), or not due (RT410). The tables are those
 * of apps/api/src/database/citizen-data-tables.ts: a table added there must be added here too (the
 * retention medium spec erases a citizen with a row in every table and expects every one emptied).
 */
const RETENTION_ERASE = `
CREATE FUNCTION retention_erase(p_citizen uuid) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_municipality uuid := app_municipality_id();
  v_counts jsonb := '{}'::jsonb;
  v_courses jsonb;
  n bigint;
BEGIN
  PERFORM 1 FROM citizen WHERE id = p_citizen AND municipality_id = v_municipality FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'retention_erase: no such citizen in this municipality' USING ERRCODE = 'RT404';
  END IF;
  IF EXISTS (SELECT 1 FROM legal_hold WHERE citizen_id = p_citizen AND lifted_at IS NULL) THEN
    RAISE EXCEPTION 'retention_erase: the citizen is under a legal hold' USING ERRCODE = 'RT409';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM retention_due(v_municipality) d WHERE d.citizen_id = p_citizen) THEN
    RAISE EXCEPTION 'retention_erase: the citizen is not due for erasure' USING ERRCODE = 'RT410';
  END IF;
  SELECT coalesce(jsonb_agg(jsonb_build_object('programmeId', programme_id, 'year', year, 'courseKind', course_kind, 'state', state, 'count', count) ORDER BY programme_id, year, course_kind, state), '[]'::jsonb)
    INTO v_courses
    FROM (SELECT programme_id, extract(year FROM referral_date)::int AS year, course_kind, state, count(*)::int AS count
            FROM enrolment WHERE citizen_id = p_citizen GROUP BY 1, 2, 3, 4) x;
  -- Opens the append-only tables' triggers for this transaction's erasure only (see retention_refuse_change).
  PERFORM set_config('retention.erasing', p_citizen::text, true);
  DELETE FROM assessment_revision WHERE assessment_id IN (SELECT id FROM assessment WHERE citizen_id = p_citizen);
  GET DIAGNOSTICS n = ROW_COUNT; v_counts := v_counts || jsonb_build_object('assessment_revision', n);
  DELETE FROM follow_up_attempt WHERE enrolment_id IN (SELECT id FROM enrolment WHERE citizen_id = p_citizen);
  GET DIAGNOSTICS n = ROW_COUNT; v_counts := v_counts || jsonb_build_object('follow_up_attempt', n);
  DELETE FROM assessment WHERE citizen_id = p_citizen;
  GET DIAGNOSTICS n = ROW_COUNT; v_counts := v_counts || jsonb_build_object('assessment', n);
  DELETE FROM group_attendance WHERE enrolment_id IN (SELECT id FROM enrolment WHERE citizen_id = p_citizen);
  GET DIAGNOSTICS n = ROW_COUNT; v_counts := v_counts || jsonb_build_object('group_attendance', n);
  DELETE FROM group_member WHERE enrolment_id IN (SELECT id FROM enrolment WHERE citizen_id = p_citizen);
  GET DIAGNOSTICS n = ROW_COUNT; v_counts := v_counts || jsonb_build_object('group_member', n);
  DELETE FROM note_version WHERE citizen_id = p_citizen;
  GET DIAGNOSTICS n = ROW_COUNT; v_counts := v_counts || jsonb_build_object('note_version', n);
  DELETE FROM treatment_session WHERE citizen_id = p_citizen;
  GET DIAGNOSTICS n = ROW_COUNT; v_counts := v_counts || jsonb_build_object('treatment_session', n);
  DELETE FROM treatment_plan_revision WHERE citizen_id = p_citizen;
  GET DIAGNOSTICS n = ROW_COUNT; v_counts := v_counts || jsonb_build_object('treatment_plan_revision', n);
  DELETE FROM youth_consent WHERE citizen_id = p_citizen;
  GET DIAGNOSTICS n = ROW_COUNT; v_counts := v_counts || jsonb_build_object('youth_consent', n);
  DELETE FROM citizen_consent WHERE citizen_id = p_citizen;
  GET DIAGNOSTICS n = ROW_COUNT; v_counts := v_counts || jsonb_build_object('citizen_consent', n);
  DELETE FROM outreach_contact WHERE citizen_id = p_citizen;
  GET DIAGNOSTICS n = ROW_COUNT; v_counts := v_counts || jsonb_build_object('outreach_contact', n);
  DELETE FROM enrolment_transition WHERE enrolment_id IN (SELECT id FROM enrolment WHERE citizen_id = p_citizen);
  GET DIAGNOSTICS n = ROW_COUNT; v_counts := v_counts || jsonb_build_object('enrolment_transition', n);
  DELETE FROM case_decision WHERE citizen_id = p_citizen;
  GET DIAGNOSTICS n = ROW_COUNT; v_counts := v_counts || jsonb_build_object('case_decision', n);
  -- A referral names the request and is the referring side's record of the course: it goes before both.
  DELETE FROM referral WHERE citizen_id = p_citizen;
  GET DIAGNOSTICS n = ROW_COUNT; v_counts := v_counts || jsonb_build_object('referral', n);
  DELETE FROM enrolment WHERE citizen_id = p_citizen;
  GET DIAGNOSTICS n = ROW_COUNT; v_counts := v_counts || jsonb_build_object('enrolment', n);
  DELETE FROM case_request WHERE citizen_id = p_citizen;
  GET DIAGNOSTICS n = ROW_COUNT; v_counts := v_counts || jsonb_build_object('case_request', n);
  DELETE FROM legal_hold WHERE citizen_id = p_citizen;
  GET DIAGNOSTICS n = ROW_COUNT; v_counts := v_counts || jsonb_build_object('legal_hold', n);
  -- The merges naming the citizen, and the records merged into it (the same person's tombstones,
  -- whose rows moved here): they go with it.
  DELETE FROM emergency_access WHERE citizen_id = p_citizen OR citizen_id IN (SELECT id FROM citizen WHERE merged_into_id = p_citizen);
  GET DIAGNOSTICS n = ROW_COUNT; v_counts := v_counts || jsonb_build_object('emergency_access', n);
  DELETE FROM citizen_merge WHERE target_citizen_id = p_citizen OR source_citizen_id = p_citizen;
  GET DIAGNOSTICS n = ROW_COUNT; v_counts := v_counts || jsonb_build_object('citizen_merge', n);
  DELETE FROM citizen WHERE id = p_citizen OR merged_into_id = p_citizen;
  GET DIAGNOSTICS n = ROW_COUNT; v_counts := v_counts || jsonb_build_object('citizen', n);
  PERFORM set_config('retention.erasing', '', true);
  RETURN jsonb_build_object('erased', v_counts, 'courses', v_courses);
END $$`;

/**
 * The append-only tables' trigger, with one way through: a DELETE of the citizen retention_erase() is
 * erasing, by a role other than the API's (inside the SECURITY DEFINER function the current user is
 * the owner). The API's role may set the setting but is still refused; UPDATE and TRUNCATE stay
 * refused to everyone.
 */
function refuseChange(table: string, why: string): string {
  return `
CREATE OR REPLACE FUNCTION ${table}_refuse_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_user <> 'outcomes_app'
     AND OLD.citizen_id::text = current_setting('retention.erasing', true) THEN
    RETURN OLD;
  END IF;
  -- A merge's move of citizen_id alone, inside citizen_merge_repoint() (migration CitizenMergesTenancy).
  IF TG_OP = 'UPDATE' AND citizen_merge_moving(TG_RELID, to_jsonb(OLD), to_jsonb(NEW)) THEN RETURN NEW; END IF;
  RAISE EXCEPTION '${table} is append-only: % refused (${why})', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$`;
}

export class RetentionTenancy1796541200100 implements MigrationInterface {
  name = 'RetentionTenancy1796541200100';

  public async up(q: QueryRunner): Promise<void> {
    // A hold is placed and lifted (an UPDATE), never deleted by the API's role: only with its citizen.
    await q.query(`GRANT SELECT, INSERT, UPDATE ON legal_hold TO outcomes_app`);
    // A run is written once and read; never changed.
    await q.query(`GRANT SELECT, INSERT ON retention_run TO outcomes_app`);
    for (const table of ['legal_hold', 'retention_run']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`
        CREATE POLICY tenant_isolation ON ${table} TO outcomes_app
        USING (municipality_id = app_municipality_id()) WITH CHECK (municipality_id = app_municipality_id())`);
      await q.query(`
        DO $$ BEGIN
          EXECUTE format('CREATE POLICY owner_all ON ${table} TO %I USING (true) WITH CHECK (true)', current_user);
        END $$`);
    }
    await q.query(RETENTION_DUE);
    await q.query(`REVOKE ALL ON FUNCTION retention_due(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION retention_due(uuid) TO outcomes_app`);
    await q.query(RETENTION_ERASE);
    await q.query(`REVOKE ALL ON FUNCTION retention_erase(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION retention_erase(uuid) TO outcomes_app`);
    await q.query(refuseChange('note_version', 'a note is corrected by adding a version'));
    await q.query(refuseChange('treatment_plan_revision', 'a plan is revised by adding a revision'));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION note_version_refuse_change() RETURNS trigger
      LANGUAGE plpgsql SET search_path = public AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND citizen_merge_moving(TG_RELID, to_jsonb(OLD), to_jsonb(NEW)) THEN RETURN NEW; END IF;
        RAISE EXCEPTION 'note_version is append-only: % refused (a note is corrected by adding a version)', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION treatment_plan_revision_refuse_change() RETURNS trigger
      LANGUAGE plpgsql SET search_path = public AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND citizen_merge_moving(TG_RELID, to_jsonb(OLD), to_jsonb(NEW)) THEN RETURN NEW; END IF;
        RAISE EXCEPTION 'treatment_plan_revision is append-only: % refused (a plan is revised by adding a revision)', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`DROP FUNCTION IF EXISTS retention_erase(uuid)`);
    await q.query(`DROP FUNCTION IF EXISTS retention_due(uuid)`);
    for (const table of ['retention_run', 'legal_hold']) {
      await q.query(`DROP POLICY IF EXISTS owner_all ON ${table}`);
      await q.query(`DROP POLICY IF EXISTS tenant_isolation ON ${table}`);
      await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
      await q.query(`REVOKE ALL ON ${table} FROM outcomes_app`);
    }
  }
}
