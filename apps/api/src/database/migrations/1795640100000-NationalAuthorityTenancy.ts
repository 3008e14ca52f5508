import type { MigrationInterface, QueryRunner } from 'typeorm';

const GOVERN_PROGRAMME = `(municipality_id IS NULL AND app_role() = 'operator') OR (municipality_id = app_municipality_id() AND app_role() = 'admin')`;
const GRANTOR = `municipality_id = app_municipality_id() AND app_role() = 'admin'`;

/**
 * Who governs shared data, in the database itself (issue #17), so that an admin's request that the
 * API forgot to check still cannot reach another municipality's settings or the national catalogue:
 *
 * - municipality: readable by all; created and deleted by the national operator only; updated by the
 *   operator or by the municipality's own admin (which columns an admin may change, the API decides).
 * - programme: the national catalogue (municipality_id NULL) and the local programmes of the
 *   municipalities the request may read; the catalogue is written by the operator, a local programme
 *   by its municipality's admin.
 * - evaluator_grant: inserted and revoked by the data owner's admin; read by that admin, by the
 *   evaluator's own admin, and by the evaluator. No DELETE privilege: a grant ends, it is not erased.
 * - access_log: the operator's own rows (municipality NULL) are theirs to write and read.
 *
 * app.role is set by the API's tenant transaction beside app.municipality_id (tenant-settings.ts).
 */
export class NationalAuthorityTenancy1795640100000 implements MigrationInterface {
  name = 'NationalAuthorityTenancy1795640100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION app_role() RETURNS text LANGUAGE sql STABLE AS
      $$ SELECT nullif(current_setting('app.role', true), '') $$`);
    // Own plus granted municipalities, as the tenant transaction set them.
    await q.query(`
      CREATE FUNCTION app_municipality_ids() RETURNS uuid[] LANGUAGE sql STABLE AS
      $$ SELECT coalesce(string_to_array(nullif(current_setting('app.municipality_ids', true), ''), ',')::uuid[], '{}') $$`);

    await q.query(`ALTER TABLE municipality ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE municipality FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY read_all ON municipality FOR SELECT TO outcomes_app USING (true)`);
    await q.query(`CREATE POLICY operator_insert ON municipality FOR INSERT TO outcomes_app WITH CHECK (app_role() = 'operator')`);
    await q.query(`
      CREATE POLICY govern_update ON municipality FOR UPDATE TO outcomes_app
      USING (app_role() = 'operator' OR (id = app_municipality_id() AND app_role() = 'admin'))
      WITH CHECK (app_role() = 'operator' OR (id = app_municipality_id() AND app_role() = 'admin'))`);
    await q.query(`CREATE POLICY operator_delete ON municipality FOR DELETE TO outcomes_app USING (app_role() = 'operator')`);

    await q.query(`ALTER TABLE programme ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE programme FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY read_catalogue ON programme FOR SELECT TO outcomes_app
      USING (municipality_id IS NULL OR municipality_id = ANY (app_municipality_ids()))`);
    await q.query(`CREATE POLICY govern_insert ON programme FOR INSERT TO outcomes_app WITH CHECK (${GOVERN_PROGRAMME})`);
    await q.query(`CREATE POLICY govern_update ON programme FOR UPDATE TO outcomes_app USING (${GOVERN_PROGRAMME}) WITH CHECK (${GOVERN_PROGRAMME})`);
    await q.query(`CREATE POLICY govern_delete ON programme FOR DELETE TO outcomes_app USING (${GOVERN_PROGRAMME})`);

    await q.query(`GRANT SELECT, INSERT, UPDATE ON evaluator_grant TO outcomes_app`);
    await q.query(`ALTER TABLE evaluator_grant ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE evaluator_grant FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY both_sides ON evaluator_grant FOR SELECT TO outcomes_app
      USING ((${GRANTOR}) OR (evaluator_municipality_id = app_municipality_id() AND app_role() = 'admin') OR evaluator_user_id = app_user_id())`);
    await q.query(`
      CREATE POLICY grantor_insert ON evaluator_grant FOR INSERT TO outcomes_app
      WITH CHECK (${GRANTOR} AND granted_by_user_id = app_user_id() AND revoked_at IS NULL)`);
    await q.query(`CREATE POLICY grantor_update ON evaluator_grant FOR UPDATE TO outcomes_app USING (${GRANTOR}) WITH CHECK (${GRANTOR})`);

    await q.query(`
      CREATE POLICY operator_own ON access_log TO outcomes_app
      USING (municipality_id IS NULL AND app_role() = 'operator') WITH CHECK (municipality_id IS NULL AND app_role() = 'operator')`);

    await q.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY owner_all ON municipality TO %I USING (true) WITH CHECK (true)', current_user);
        EXECUTE format('CREATE POLICY owner_all ON programme TO %I USING (true) WITH CHECK (true)', current_user);
        EXECUTE format('CREATE POLICY owner_all ON evaluator_grant TO %I USING (true) WITH CHECK (true)', current_user);
      END $$`);

    // A grantor's admin cannot read other municipalities' users: this finds an active evaluator by
    // e-mail, and nothing else about anyone.
    await q.query(`
      CREATE FUNCTION grant_find_evaluator(p_email text) RETURNS TABLE (id uuid, municipality_id uuid, email text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT u.id, u.municipality_id, u.email FROM app_user u
        WHERE lower(u.email) = lower(p_email) AND u.role = 'evaluator' AND u.active AND app_role() = 'admin'
      $$`);
    // A user who stops being an evaluator loses every grant at once, whichever municipality made it;
    // only their own municipality's admin may ask. Answers the grants it ended.
    await q.query(`
      CREATE FUNCTION grant_end_for_user(p_user uuid) RETURNS SETOF uuid
      LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
        UPDATE evaluator_grant g SET revoked_at = now(), revoked_by_user_id = app_user_id(), version = g.version + 1, updated_at = now()
        WHERE g.evaluator_user_id = p_user AND g.revoked_at IS NULL AND app_role() = 'admin'
          AND EXISTS (SELECT 1 FROM app_user u WHERE u.id = p_user AND u.municipality_id = app_municipality_id())
        RETURNING g.id
      $$`);
    for (const fn of ['grant_find_evaluator(text)', 'grant_end_for_user(uuid)']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO outcomes_app`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS grant_end_for_user(uuid)`);
    await q.query(`DROP FUNCTION IF EXISTS grant_find_evaluator(text)`);
    await q.query(`DROP POLICY IF EXISTS operator_own ON access_log`);
    for (const [table, policies] of [
      ['municipality', ['read_all', 'operator_insert', 'govern_update', 'operator_delete', 'owner_all']],
      ['programme', ['read_catalogue', 'govern_insert', 'govern_update', 'govern_delete', 'owner_all']],
      ['evaluator_grant', ['both_sides', 'grantor_insert', 'grantor_update', 'owner_all']],
    ] as const) {
      for (const policy of policies) await q.query(`DROP POLICY IF EXISTS ${policy} ON ${table}`);
      await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    await q.query(`REVOKE ALL ON evaluator_grant FROM outcomes_app`);
    await q.query(`DROP FUNCTION IF EXISTS app_municipality_ids()`);
    await q.query(`DROP FUNCTION IF EXISTS app_role()`);
  }
}
