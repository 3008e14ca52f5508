import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consents to a young person's treatment are personal data: row-level security by municipality. No
 * DELETE for the restricted role: a consent is withdrawn on a date, never removed, so what held when
 * treatment started stays on record.
 */
export class YouthConsentTenancy1796518960100 implements MigrationInterface {
  name = 'YouthConsentTenancy1796518960100';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT SELECT, INSERT, UPDATE ON youth_consent TO outcomes_app`);
    await q.query(`ALTER TABLE youth_consent ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE youth_consent FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY tenant_isolation ON youth_consent TO outcomes_app
      USING (municipality_id = app_municipality_id()) WITH CHECK (municipality_id = app_municipality_id())`);
    await q.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY owner_all ON youth_consent TO %I USING (true) WITH CHECK (true)', current_user);
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY IF EXISTS owner_all ON youth_consent`);
    await q.query(`DROP POLICY IF EXISTS tenant_isolation ON youth_consent`);
    await q.query(`ALTER TABLE youth_consent NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE youth_consent DISABLE ROW LEVEL SECURITY`);
    await q.query(`REVOKE ALL ON youth_consent FROM outcomes_app`);
  }
}
