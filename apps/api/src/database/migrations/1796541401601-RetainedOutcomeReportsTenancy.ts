import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Kept figures (decision 166) are the municipality's own, like its retention runs: read by its own
 * users (and by evaluators in a municipality granted to them, whose transaction moves there), written
 * only by a retention run (the admin role: an admin's run or the schedule, which runs as the system
 * with that role, decision 98), naming the run its own transaction wrote (started now()); never
 * changed, never deleted by the API's role (only SELECT and INSERT are granted). Every reader gets
 * the one, disclosure-controlled report (decision 182).
 */
export class RetainedOutcomeReportsTenancy1796541401601 implements MigrationInterface {
  name = 'RetainedOutcomeReportsTenancy1796541401601';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT SELECT, INSERT ON retained_outcome_report TO outcomes_app`);
    await q.query(`ALTER TABLE retained_outcome_report ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE retained_outcome_report FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY tenant_read ON retained_outcome_report FOR SELECT TO outcomes_app
      USING (municipality_id = app_municipality_id())`);
    await q.query(`
      CREATE POLICY run_insert ON retained_outcome_report FOR INSERT TO outcomes_app
      WITH CHECK (municipality_id = app_municipality_id() AND app_role() = 'admin'
        AND EXISTS (SELECT 1 FROM retention_run r WHERE r.id = retention_run_id AND r.municipality_id = retained_outcome_report.municipality_id
                    AND r.started_at = now()))`);
    await q.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY owner_all ON retained_outcome_report TO %I USING (true) WITH CHECK (true)', current_user);
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY IF EXISTS owner_all ON retained_outcome_report`);
    await q.query(`DROP POLICY IF EXISTS run_insert ON retained_outcome_report`);
    await q.query(`DROP POLICY IF EXISTS tenant_read ON retained_outcome_report`);
    await q.query(`ALTER TABLE retained_outcome_report NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE retained_outcome_report DISABLE ROW LEVEL SECURITY`);
    await q.query(`REVOKE ALL ON retained_outcome_report FROM outcomes_app`);
  }
}
