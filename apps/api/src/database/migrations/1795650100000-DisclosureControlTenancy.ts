import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * report_query belongs to the evaluator's own municipality (row-level security, as export_project):
 * the API inserts and counts an evaluator's rows in their own tenant transaction. A log: no UPDATE or
 * DELETE for the restricted role.
 */
export class DisclosureControlTenancy1795650100000 implements MigrationInterface {
  name = 'DisclosureControlTenancy1795650100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT SELECT, INSERT ON report_query TO outcomes_app`);
    await q.query(`ALTER TABLE report_query ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE report_query FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY tenant_isolation ON report_query TO outcomes_app
      USING (municipality_id = app_municipality_id()) WITH CHECK (municipality_id = app_municipality_id() AND user_id = app_user_id())`);
    await q.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY owner_all ON report_query TO %I USING (true) WITH CHECK (true)', current_user);
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY IF EXISTS owner_all ON report_query`);
    await q.query(`DROP POLICY IF EXISTS tenant_isolation ON report_query`);
    await q.query(`ALTER TABLE report_query NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE report_query DISABLE ROW LEVEL SECURITY`);
    await q.query(`REVOKE ALL ON report_query FROM outcomes_app`);
  }
}
