import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sessions are personal data: row-level security by municipality, as for citizens. */
export class SessionsTenancy1795612900000 implements MigrationInterface {
  name = 'SessionsTenancy1795612900000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON treatment_session TO outcomes_app`);
    await q.query(`ALTER TABLE treatment_session ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE treatment_session FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY tenant_isolation ON treatment_session TO outcomes_app
      USING (municipality_id = app_municipality_id()) WITH CHECK (municipality_id = app_municipality_id())`);
    await q.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY owner_all ON treatment_session TO %I USING (true) WITH CHECK (true)', current_user);
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY IF EXISTS owner_all ON treatment_session`);
    await q.query(`DROP POLICY IF EXISTS tenant_isolation ON treatment_session`);
    await q.query(`ALTER TABLE treatment_session NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE treatment_session DISABLE ROW LEVEL SECURITY`);
    await q.query(`REVOKE ALL ON treatment_session FROM outcomes_app`);
  }
}
