import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The citizen's consents by purpose are read under an emergency access (decision 170): whether the
 * citizen consented to sharing with the region's psychiatry, their GP… is what an emergency needs.
 * The same SELECT-only `shared_read` policy as every other citizen table (decisions 81-84, written as
 * decision 147 made them indexable: the unique index (citizen_id, purpose, entry) serves it), so it
 * shares exactly what app_shared_citizen_ids() shares: the opener's active emergency accesses, and an
 * accepted hand-over while it can be read. No INSERT through it: the consent stays the owner's to record.
 */
export class ConsentSharedRead1796541401700 implements MigrationInterface {
  name = 'ConsentSharedRead1796541401700';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE POLICY shared_read ON citizen_consent FOR SELECT TO outcomes_app USING (citizen_id = ANY (ARRAY(SELECT app_shared_citizen_ids())))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY shared_read ON citizen_consent`);
  }
}
