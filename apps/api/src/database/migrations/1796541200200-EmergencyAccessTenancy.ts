import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tables holding a citizen's data (database/citizen-data-tables.ts as of this migration) and how
 * each reaches its citizen. Written out here, not imported: a migration must stay what it was.
 */
const BY_CITIZEN_COLUMN = ['case_request', 'case_decision', 'enrolment', 'treatment_session', 'treatment_plan_revision', 'note_version', 'assessment', 'outreach_contact', 'youth_consent'];
const BY_ENROLMENT = ['enrolment_transition', 'follow_up_attempt', 'group_member', 'group_attendance'];
const BY_ASSESSMENT = ['assessment_revision'];

const SHARED = `(SELECT app_shared_citizen_ids())`;

/**
 * Emergency access (break-the-glass, issue 22; docs/decisions.md 81-84), held in the database:
 *
 * - `app_shared_citizen_ids()` is THE primitive for reading another municipality's citizen: the ids of
 *   the citizens the current user may read across municipalities in this transaction, by any basis.
 *   Its one basis today is an emergency access: active (now() < expires_at), opened by this very user
 *   (not a colleague) in their municipality as staff, AND named by the transaction's
 *   `app.emergency_access_ids` setting, which only the emergency-access read route sets; so ordinary
 *   lists, reports and exports of the accessor's municipality never carry the citizen, and every read
 *   under the access goes through the route that logs it in both municipalities. Referrals and
 *   hand-overs between municipalities are to be further bases (UNIONs) of the same function.
 * - `shared_read` on every citizen-data table: SELECT only, so the accessor writes nothing.
 * - `emergency_access`: written only by emergency_access_open() (SECURITY DEFINER: it finds the
 *   citizen by keyed CPR hash in another municipality and reveals nothing else, and takes the expiry
 *   from the OWNER's setting); read by the owner's admin (review queue), by the accessor's admin and by
 *   the accessor themself; updated by the owner's admin in the review columns only; never deleted.
 * - `access_log` gets `shared_citizen_log`: a row in the OWNER's log may be inserted by the app role
 *   only for a citizen shared with this user in this transaction, as this user, in the citizen's own
 *   municipality; so every read under the access is written to both logs in one transaction.
 */
export class EmergencyAccessTenancy1796541200200 implements MigrationInterface {
  name = 'EmergencyAccessTenancy1796541200200';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION app_shared_citizen_ids() RETURNS SETOF uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT DISTINCT e.citizen_id
        FROM emergency_access e
        WHERE e.id = ANY (string_to_array(nullif(current_setting('app.emergency_access_ids', true), ''), ',')::uuid[])
          AND e.accessor_user_id = app_user_id()
          AND e.accessor_municipality_id = app_municipality_id()
          AND app_role() = 'staff'
          AND now() < e.expires_at
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION app_shared_citizen_ids() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION app_shared_citizen_ids() TO outcomes_app`);

    await q.query(`CREATE POLICY shared_read ON citizen FOR SELECT TO outcomes_app USING (id IN ${SHARED})`);
    for (const table of BY_CITIZEN_COLUMN) {
      await q.query(`CREATE POLICY shared_read ON ${table} FOR SELECT TO outcomes_app USING (citizen_id IN ${SHARED})`);
    }
    for (const table of BY_ENROLMENT) {
      await q.query(`CREATE POLICY shared_read ON ${table} FOR SELECT TO outcomes_app USING (enrolment_id IN (SELECT e.id FROM enrolment e WHERE e.citizen_id IN ${SHARED}))`);
    }
    for (const table of BY_ASSESSMENT) {
      await q.query(`CREATE POLICY shared_read ON ${table} FOR SELECT TO outcomes_app USING (assessment_id IN (SELECT a.id FROM assessment a WHERE a.citizen_id IN ${SHARED}))`);
    }

    await q.query(`GRANT SELECT ON emergency_access TO outcomes_app`);
    await q.query(`GRANT UPDATE (review_state, reviewed_by_user_id, reviewed_at, review_note, version, updated_at) ON emergency_access TO outcomes_app`);
    await q.query(`ALTER TABLE emergency_access ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE emergency_access FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY owner_or_accessor_read ON emergency_access FOR SELECT TO outcomes_app
      USING ((municipality_id = app_municipality_id() AND app_role() = 'admin')
          OR (accessor_municipality_id = app_municipality_id() AND (app_role() = 'admin' OR accessor_user_id = app_user_id())))`);
    await q.query(`
      CREATE POLICY owner_review ON emergency_access FOR UPDATE TO outcomes_app
      USING (municipality_id = app_municipality_id() AND app_role() = 'admin')
      WITH CHECK (municipality_id = app_municipality_id() AND app_role() = 'admin')`);
    await q.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY owner_all ON emergency_access TO %I USING (true) WITH CHECK (true)', current_user);
      END $$`);

    await q.query(`
      CREATE POLICY shared_citizen_log ON access_log FOR INSERT TO outcomes_app
      WITH CHECK (user_id = app_user_id()
        AND citizen_id IN ${SHARED}
        AND municipality_id = (SELECT c.municipality_id FROM citizen c WHERE c.id = citizen_id))`);

    // Opens an emergency access for the current staff user to every citizen with this keyed CPR hash
    // in ANOTHER municipality (a person may be registered in two), for the owner's setting's hours.
    // Answers the new rows' ids and nothing about the citizen; none when no other municipality has one.
    await q.query(`
      CREATE FUNCTION emergency_access_open(p_cpr_hash text, p_reason text) RETURNS SETOF uuid
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        v_name text;
      BEGIN
        IF app_role() IS DISTINCT FROM 'staff' OR app_municipality_id() IS NULL OR app_user_id() IS NULL THEN
          RAISE EXCEPTION 'emergency access is for staff of a municipality' USING ERRCODE = 'insufficient_privilege';
        END IF;
        SELECT u.display_name INTO v_name FROM app_user u
        WHERE u.id = app_user_id() AND u.municipality_id = app_municipality_id() AND u.role = 'staff' AND u.active;
        IF v_name IS NULL THEN
          RAISE EXCEPTION 'emergency access is for staff of a municipality' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN QUERY
          INSERT INTO emergency_access (municipality_id, citizen_id, accessor_municipality_id, accessor_user_id, accessor_name, reason, opened_at, expires_at)
          SELECT c.municipality_id, c.id, app_municipality_id(), app_user_id(), v_name, btrim(p_reason), now(), now() + make_interval(hours => m.emergency_access_hours)
          FROM citizen c JOIN municipality m ON m.id = c.municipality_id
          WHERE c.cpr_hash = p_cpr_hash AND c.municipality_id <> app_municipality_id()
          ORDER BY m.name
          RETURNING id;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION emergency_access_open(text, text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION emergency_access_open(text, text) TO outcomes_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS emergency_access_open(text, text)`);
    await q.query(`DROP POLICY IF EXISTS shared_citizen_log ON access_log`);
    await q.query(`DROP POLICY IF EXISTS owner_all ON emergency_access`);
    await q.query(`DROP POLICY IF EXISTS owner_review ON emergency_access`);
    await q.query(`DROP POLICY IF EXISTS owner_or_accessor_read ON emergency_access`);
    await q.query(`ALTER TABLE emergency_access NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE emergency_access DISABLE ROW LEVEL SECURITY`);
    await q.query(`REVOKE ALL ON emergency_access FROM outcomes_app`);
    for (const table of ['citizen', ...BY_CITIZEN_COLUMN, ...BY_ENROLMENT, ...BY_ASSESSMENT]) {
      await q.query(`DROP POLICY IF EXISTS shared_read ON ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS app_shared_citizen_ids()`);
  }
}
