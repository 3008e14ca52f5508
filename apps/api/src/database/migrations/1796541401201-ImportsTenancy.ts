import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['import_job', 'import_mapping'];

/**
 * Imports (issue 24; decisions 153-156) are each user's own, in their own municipality: another
 * user of the same municipality does not see them (the rows' results tell whose CPR numbers were
 * already registered), nor does anyone of another municipality. Never deleted by the app.
 */
export class ImportsTenancy1796541401201 implements MigrationInterface {
  name = 'ImportsTenancy1796541401201';

  public async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await q.query(`GRANT SELECT, INSERT, UPDATE ON ${table} TO outcomes_app`);
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`
        CREATE POLICY own_rows ON ${table} TO outcomes_app
        USING (municipality_id = app_municipality_id() AND user_id = app_user_id())
        WITH CHECK (municipality_id = app_municipality_id() AND user_id = app_user_id())`);
      await q.query(`
        DO $$ BEGIN
          EXECUTE format('CREATE POLICY owner_all ON ${table} TO %I USING (true) WITH CHECK (true)', current_user);
        END $$`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await q.query(`DROP POLICY IF EXISTS owner_all ON ${table}`);
      await q.query(`DROP POLICY IF EXISTS own_rows ON ${table}`);
      await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
      await q.query(`REVOKE ALL ON ${table} FROM outcomes_app`);
    }
  }
}
