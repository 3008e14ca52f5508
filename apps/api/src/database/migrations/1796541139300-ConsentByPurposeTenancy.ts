import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consents are personal data: row-level security by municipality. The history is never changed or
 * deleted by the API (decision 89): its role may only SELECT and INSERT. The purposes are national
 * reference data the API's role may only read.
 */
export class ConsentByPurposeTenancy1796541139300 implements MigrationInterface {
  name = 'ConsentByPurposeTenancy1796541139300';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT SELECT ON consent_purpose TO outcomes_app`);
    await q.query(`GRANT SELECT, INSERT ON citizen_consent TO outcomes_app`);
    await q.query(`ALTER TABLE citizen_consent ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE citizen_consent FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY tenant_isolation ON citizen_consent TO outcomes_app
      USING (municipality_id = app_municipality_id()) WITH CHECK (municipality_id = app_municipality_id())`);
    await q.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY owner_all ON citizen_consent TO %I USING (true) WITH CHECK (true)', current_user);
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY IF EXISTS owner_all ON citizen_consent`);
    await q.query(`DROP POLICY IF EXISTS tenant_isolation ON citizen_consent`);
    await q.query(`ALTER TABLE citizen_consent NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE citizen_consent DISABLE ROW LEVEL SECURITY`);
    await q.query(`REVOKE ALL ON citizen_consent FROM outcomes_app`);
    await q.query(`REVOKE ALL ON consent_purpose FROM outcomes_app`);
  }
}
