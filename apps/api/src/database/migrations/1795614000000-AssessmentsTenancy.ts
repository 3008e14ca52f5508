import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['assessment', 'assessment_revision', 'follow_up_attempt'];

/** Assessments (health and drug-use data), their history and follow-up attempts: RLS by municipality. */
export class AssessmentsTenancy1795614000000 implements MigrationInterface {
  name = 'AssessmentsTenancy1795614000000';

  public async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await q.query(`GRANT SELECT, INSERT, UPDATE ON ${table} TO outcomes_app`);
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
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await q.query(`DROP POLICY IF EXISTS owner_all ON ${table}`);
      await q.query(`DROP POLICY IF EXISTS tenant_isolation ON ${table}`);
      await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
      await q.query(`REVOKE ALL ON ${table} FROM outcomes_app`);
    }
  }
}
