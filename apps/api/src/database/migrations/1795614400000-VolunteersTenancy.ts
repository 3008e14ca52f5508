import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['volunteer', 'training', 'facilitation', 'meeting_facilitator'];

/**
 * Volunteers' data is personal data: RLS by municipality. Organisations work with several
 * municipalities: each sees and changes those it works with.
 */
export class VolunteersTenancy1795614400000 implements MigrationInterface {
  name = 'VolunteersTenancy1795614400000';

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
    await q.query(`GRANT SELECT, INSERT, UPDATE ON organisation TO outcomes_app`);
    await q.query(`ALTER TABLE organisation ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE organisation FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY partner_municipalities ON organisation TO outcomes_app
      USING (app_municipality_id() = ANY (municipality_ids)) WITH CHECK (app_municipality_id() = ANY (municipality_ids))`);
    await q.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY owner_all ON organisation TO %I USING (true) WITH CHECK (true)', current_user);
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [...TABLES, 'organisation']) {
      await q.query(`DROP POLICY IF EXISTS owner_all ON ${table}`);
      await q.query(`DROP POLICY IF EXISTS tenant_isolation ON ${table}`);
      await q.query(`DROP POLICY IF EXISTS partner_municipalities ON ${table}`);
      await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
      await q.query(`REVOKE ALL ON ${table} FROM outcomes_app`);
    }
  }
}
