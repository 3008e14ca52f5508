import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['export_project', 'export_job', 'export_file_chunk'];

/**
 * Export projects, jobs and files belong to the evaluator's own municipality (RLS). Expired files
 * are purged by a SECURITY DEFINER function: the purge runs outside any user's request, and the
 * restricted role gets only that one narrow power, not a policy that sees every municipality.
 */
export class ExportsTenancy1795619400000 implements MigrationInterface {
  name = 'ExportsTenancy1795619400000';

  public async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO outcomes_app`);
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
    await q.query(`
      CREATE FUNCTION purge_expired_exports() RETURNS int
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE purged int;
      BEGIN
        WITH expired AS (
          UPDATE export_job SET status = 'expired' WHERE status = 'done' AND expires_at <= now() RETURNING id
        )
        DELETE FROM export_file_chunk c USING expired e WHERE c.job_id = e.id;
        GET DIAGNOSTICS purged = ROW_COUNT;
        RETURN purged;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION purge_expired_exports() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION purge_expired_exports() TO outcomes_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS purge_expired_exports()`);
    for (const table of TABLES) {
      await q.query(`DROP POLICY IF EXISTS owner_all ON ${table}`);
      await q.query(`DROP POLICY IF EXISTS tenant_isolation ON ${table}`);
      await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
      await q.query(`REVOKE ALL ON ${table} FROM outcomes_app`);
    }
  }
}
