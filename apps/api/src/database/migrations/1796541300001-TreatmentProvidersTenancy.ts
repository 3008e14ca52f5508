import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register of approved private treatment providers (decision 105) is national reference data,
 * governed as the national programme catalogue is (NationalAuthorityTenancy): readable by every
 * request; inserted, changed and deleted by the national operator only, so an admin's or staff
 * member's request that the API forgot to check still cannot change it. Not a tenant table: it has
 * no municipality. A referral to a provider stays the referring municipality's row (its ordinary
 * tenant policy, ReferralsTenancy); nothing is written for another municipality.
 */
export class TreatmentProvidersTenancy1796541300001 implements MigrationInterface {
  name = 'TreatmentProvidersTenancy1796541300001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON treatment_provider TO outcomes_app`);
    await q.query(`ALTER TABLE treatment_provider ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE treatment_provider FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY read_all ON treatment_provider FOR SELECT TO outcomes_app USING (true)`);
    await q.query(`CREATE POLICY operator_insert ON treatment_provider FOR INSERT TO outcomes_app WITH CHECK (app_role() = 'operator')`);
    await q.query(`CREATE POLICY operator_update ON treatment_provider FOR UPDATE TO outcomes_app USING (app_role() = 'operator') WITH CHECK (app_role() = 'operator')`);
    await q.query(`CREATE POLICY operator_delete ON treatment_provider FOR DELETE TO outcomes_app USING (app_role() = 'operator')`);
    await q.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY owner_all ON treatment_provider TO %I USING (true) WITH CHECK (true)', current_user);
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const policy of ['read_all', 'operator_insert', 'operator_update', 'operator_delete', 'owner_all']) {
      await q.query(`DROP POLICY IF EXISTS ${policy} ON treatment_provider`);
    }
    await q.query(`ALTER TABLE treatment_provider NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE treatment_provider DISABLE ROW LEVEL SECURITY`);
    await q.query(`REVOKE ALL ON treatment_provider FROM outcomes_app`);
  }
}
