import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * retention_erase() as migration RetentionTenancy made it, with the hand-over deleted too (a table of
 * database/citizen-data-tables.ts must be erased with its citizen; decision 97). Written out here, not
 * imported: a migration must stay what it was.
 */
const RETENTION_ERASE_BEFORE = `
CREATE OR REPLACE FUNCTION retention_erase(p_citizen uuid) RETURNS jsonb
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
const HANDOVER_ERASE = `  -- A hand-over names the course that ended transferred and is the old side's record of the move: before both.
  DELETE FROM handover WHERE citizen_id = p_citizen OR citizen_id IN (SELECT id FROM citizen WHERE merged_into_id = p_citizen);
  GET DIAGNOSTICS n = ROW_COUNT; v_counts := v_counts || jsonb_build_object('handover', n);
`;
const RETENTION_ERASE = RETENTION_ERASE_BEFORE.replace('  DELETE FROM enrolment WHERE citizen_id = p_citizen;\n', `${HANDOVER_ERASE}  DELETE FROM enrolment WHERE citizen_id = p_citizen;\n`);

/**
 * Moves between municipalities (issue 22; docs/decisions.md 110-114), held in the database:
 *
 * - `handover` is the OLD municipality's row, under the ordinary tenant policy (it creates, reads and
 *   withdraws its own). The NEW municipality gets no policy on it: as with referrals (decision 101) it
 *   sees its incoming hand-overs and answers them only through two SECURITY DEFINER functions:
 *   `handover_incoming(p_id)` (sent or accepted ones addressed to it, as the hand-over shows them; never
 *   the old side's citizen, course or user ids) and `handover_answer(...)` (accept naming its own
 *   enrolment, or decline with a reason, a `sent` hand-over of the version it saw). Accepting sets
 *   `read_until` = now() + the SENDING municipality's `handover_read_days` (the data controller of the
 *   old record decides how long the history is shared).
 * - `app_shared_citizen_ids()` (decision 82, the one primitive) gets its second basis, a UNION: the old
 *   citizen of an ACCEPTED hand-over to the caller's municipality, while now() < read_until, for its
 *   staff, AND named by the transaction's `app.handover_ids` setting, which only the hand-over routes
 *   set. The emergency basis is restated unchanged. So every `shared_read` policy and the
 *   `shared_citizen_log` policy (the row in the old municipality's log) apply to hand-overs as they
 *   are; declined, withdrawn, unanswered or expired hand-overs give nothing.
 */
export class HandoversTenancy1796541300150 implements MigrationInterface {
  name = 'HandoversTenancy1796541300150';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT SELECT, INSERT, UPDATE ON handover TO outcomes_app`);
    await q.query(`ALTER TABLE handover ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE handover FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY tenant_isolation ON handover TO outcomes_app
      USING (municipality_id = app_municipality_id()) WITH CHECK (municipality_id = app_municipality_id())`);
    await q.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY owner_all ON handover TO %I USING (true) WITH CHECK (true)', current_user);
      END $$`);

    await q.query(`
      CREATE FUNCTION handover_incoming(p_id uuid)
      RETURNS TABLE (id uuid, version int, created_at timestamptz, updated_at timestamptz, municipality_id uuid, to_municipality_id uuid,
                     message_encrypted text, identity_encrypted text, state varchar, answered_at timestamptz, reason_encrypted text,
                     read_until timestamptz, receiving_enrolment_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT h.id, h.version, h.created_at, h.updated_at, h.municipality_id, h.to_municipality_id, h.message_encrypted, h.identity_encrypted,
               h.state, h.answered_at, h.reason_encrypted, h.read_until, h.receiving_enrolment_id
        FROM handover h
        WHERE h.to_municipality_id = app_municipality_id() AND h.state IN ('sent', 'accepted') AND (p_id IS NULL OR h.id = p_id)
        ORDER BY h.created_at DESC
      $$`);
    await q.query(`
      CREATE FUNCTION handover_answer(p_id uuid, p_version int, p_state text, p_reason_encrypted text, p_enrolment_id uuid)
      RETURNS int
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        changed int;
      BEGIN
        IF app_role() IS DISTINCT FROM 'staff' THEN RETURN 0; END IF;
        IF p_state NOT IN ('accepted', 'declined') THEN RETURN 0; END IF;
        IF (p_state = 'accepted') <> (p_enrolment_id IS NOT NULL) THEN RETURN 0; END IF;
        IF (p_state = 'declined') <> (p_reason_encrypted IS NOT NULL) THEN RETURN 0; END IF;
        UPDATE handover h SET state = p_state, answered_at = now(), reason_encrypted = p_reason_encrypted, answered_by_user_id = app_user_id(),
               receiving_enrolment_id = p_enrolment_id,
               read_until = CASE WHEN p_state = 'accepted'
                                 THEN now() + make_interval(days => (SELECT m.handover_read_days FROM municipality m WHERE m.id = h.municipality_id))
                            END,
               version = h.version + 1, updated_at = now()
        WHERE h.id = p_id AND h.to_municipality_id = app_municipality_id() AND h.state = 'sent' AND h.version = p_version
          AND (p_enrolment_id IS NULL OR EXISTS (
                SELECT 1 FROM enrolment e WHERE e.id = p_enrolment_id AND e.municipality_id = app_municipality_id()));
        GET DIAGNOSTICS changed = ROW_COUNT;
        RETURN changed;
      END
      $$`);
    for (const signature of ['handover_incoming(uuid)', 'handover_answer(uuid, int, text, text, uuid)']) {
      await q.query(`REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${signature} TO outcomes_app`);
    }

    if (!RETENTION_ERASE.includes('DELETE FROM handover')) throw new Error('retention_erase: the hand-over line was not placed');
    await q.query(RETENTION_ERASE);

    // The one primitive, now with two bases (CREATE OR REPLACE keeps its grants and the policies using it).
    await q.query(`
      CREATE OR REPLACE FUNCTION app_shared_citizen_ids() RETURNS SETOF uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT e.citizen_id
        FROM emergency_access e
        WHERE e.id = ANY (string_to_array(nullif(current_setting('app.emergency_access_ids', true), ''), ',')::uuid[])
          AND e.accessor_user_id = app_user_id()
          AND e.accessor_municipality_id = app_municipality_id()
          AND app_role() = 'staff'
          AND now() < e.expires_at
        UNION
        SELECT h.citizen_id
        FROM handover h
        WHERE h.id = ANY (string_to_array(nullif(current_setting('app.handover_ids', true), ''), ',')::uuid[])
          AND h.to_municipality_id = app_municipality_id()
          AND h.state = 'accepted'
          AND app_role() = 'staff'
          AND app_user_id() IS NOT NULL
          AND now() < h.read_until
      $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION app_shared_citizen_ids() RETURNS SETOF uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT DISTINCT e.citizen_id
        FROM emergency_access e
        WHERE e.id = ANY (string_to_array(nullif(current_setting('app.emergency_access_ids', true), ''), ',')::uuid[])
          AND e.accessor_user_id = app_user_id()
          AND e.accessor_municipality_id = app_municipality_id()
          AND app_role() = 'staff'
          AND now() < e.expires_at
      $$`);
    await q.query(RETENTION_ERASE_BEFORE);
    await q.query(`DROP FUNCTION IF EXISTS handover_answer(uuid, int, text, text, uuid)`);
    await q.query(`DROP FUNCTION IF EXISTS handover_incoming(uuid)`);
    await q.query(`DROP POLICY IF EXISTS owner_all ON handover`);
    await q.query(`DROP POLICY IF EXISTS tenant_isolation ON handover`);
    await q.query(`ALTER TABLE handover NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE handover DISABLE ROW LEVEL SECURITY`);
    await q.query(`REVOKE ALL ON handover FROM outcomes_app`);
  }
}
