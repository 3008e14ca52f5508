import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Requests and decisions (health and drug-use data): row-level security by municipality, as every
 * tenant table. A decision is never changed or deleted, in the database too: the API's role may only
 * insert and read it (a new decision names the one it replaces). A request is never deleted (it
 * closes). A decision's programme is national or the municipality's own (the trigger of
 * ProgrammeReferencesStayInMunicipality).
 */
export class CaseRequestsTenancy1796518257900 implements MigrationInterface {
  name = 'CaseRequestsTenancy1796518257900';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT SELECT, INSERT, UPDATE ON case_request TO outcomes_app`);
    await q.query(`GRANT SELECT, INSERT ON case_decision TO outcomes_app`);
    for (const table of ['case_request', 'case_decision']) {
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
      CREATE TRIGGER case_decision_programme_same_municipality BEFORE INSERT OR UPDATE OF programme_id, municipality_id ON case_decision
      FOR EACH ROW EXECUTE FUNCTION programme_reference_check('programme_id')`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS case_decision_programme_same_municipality ON case_decision`);
    for (const table of ['case_request', 'case_decision']) {
      await q.query(`DROP POLICY IF EXISTS owner_all ON ${table}`);
      await q.query(`DROP POLICY IF EXISTS tenant_isolation ON ${table}`);
      await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
      await q.query(`REVOKE ALL ON ${table} FROM outcomes_app`);
    }
  }
}
