import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Treatment plans are personal data: row-level security by municipality. Every revision is kept: the
 * API's role may only SELECT and INSERT, and a trigger refuses UPDATE, DELETE and TRUNCATE for every role.
 */
export class TreatmentPlansTenancy1796520200000 implements MigrationInterface {
  name = 'TreatmentPlansTenancy1796520200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT SELECT, INSERT ON treatment_plan_revision TO outcomes_app`);
    await q.query(`ALTER TABLE treatment_plan_revision ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE treatment_plan_revision FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY tenant_isolation ON treatment_plan_revision TO outcomes_app
      USING (municipality_id = app_municipality_id()) WITH CHECK (municipality_id = app_municipality_id())`);
    await q.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY owner_all ON treatment_plan_revision TO %I USING (true) WITH CHECK (true)', current_user);
      END $$`);
    await q.query(`
      CREATE FUNCTION treatment_plan_revision_refuse_change() RETURNS trigger
      LANGUAGE plpgsql SET search_path = public AS $$
      BEGIN
        RAISE EXCEPTION 'treatment_plan_revision is append-only: % refused (a plan is revised by adding a revision)', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER treatment_plan_revision_append_only BEFORE UPDATE OR DELETE ON treatment_plan_revision
      FOR EACH ROW EXECUTE FUNCTION treatment_plan_revision_refuse_change()`);
    await q.query(`
      CREATE TRIGGER treatment_plan_revision_no_truncate BEFORE TRUNCATE ON treatment_plan_revision
      FOR EACH STATEMENT EXECUTE FUNCTION treatment_plan_revision_refuse_change()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS treatment_plan_revision_no_truncate ON treatment_plan_revision`);
    await q.query(`DROP TRIGGER IF EXISTS treatment_plan_revision_append_only ON treatment_plan_revision`);
    await q.query(`DROP FUNCTION IF EXISTS treatment_plan_revision_refuse_change()`);
    await q.query(`DROP POLICY IF EXISTS owner_all ON treatment_plan_revision`);
    await q.query(`DROP POLICY IF EXISTS tenant_isolation ON treatment_plan_revision`);
    await q.query(`ALTER TABLE treatment_plan_revision NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE treatment_plan_revision DISABLE ROW LEVEL SECURITY`);
    await q.query(`REVOKE ALL ON treatment_plan_revision FROM outcomes_app`);
  }
}
