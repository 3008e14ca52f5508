import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['citizen', 'enrolment', 'enrolment_transition'];

/** Citizens and enrolments are personal data: row-level security by municipality, as for users. */
export class CitizensTenancy1795612100000 implements MigrationInterface {
  name = 'CitizensTenancy1795612100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX citizen_name_tokens ON citizen USING gin (name_tokens)`);
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
    // SMART Recovery's target group (docs/domain.md): finished treatment; drug-free or in stable substitution treatment.
    await q.query(
      `UPDATE programme SET required_attestations = ARRAY['finished-treatment', 'drug-free-or-stable-substitution'] WHERE code = 'SMART'`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE programme SET required_attestations = '{}' WHERE code = 'SMART'`);
    for (const table of TABLES) {
      await q.query(`DROP POLICY IF EXISTS owner_all ON ${table}`);
      await q.query(`DROP POLICY IF EXISTS tenant_isolation ON ${table}`);
      await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
      await q.query(`REVOKE ALL ON ${table} FROM outcomes_app`);
    }
    await q.query(`DROP INDEX IF EXISTS citizen_name_tokens`);
  }
}
