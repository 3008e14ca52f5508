import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Outreach contacts are personal data: row-level security by municipality. */
export class OutreachTenancy1795613600000 implements MigrationInterface {
  name = 'OutreachTenancy1795613600000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT SELECT, INSERT, UPDATE ON outreach_contact TO outcomes_app`);
    await q.query(`ALTER TABLE outreach_contact ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE outreach_contact FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY tenant_isolation ON outreach_contact TO outcomes_app
      USING (municipality_id = app_municipality_id()) WITH CHECK (municipality_id = app_municipality_id())`);
    await q.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY owner_all ON outreach_contact TO %I USING (true) WITH CHECK (true)', current_user);
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY IF EXISTS owner_all ON outreach_contact`);
    await q.query(`DROP POLICY IF EXISTS tenant_isolation ON outreach_contact`);
    await q.query(`ALTER TABLE outreach_contact NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE outreach_contact DISABLE ROW LEVEL SECURITY`);
    await q.query(`REVOKE ALL ON outreach_contact FROM outcomes_app`);
  }
}
