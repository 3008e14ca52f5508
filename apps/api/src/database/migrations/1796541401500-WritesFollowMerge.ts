import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A write racing a merge cannot land on the merged-away record (issue 22; decision 163).
 *
 * The services refuse a new row for a citizen already merged into another (400, `citizenId`), but
 * they read the citizen before the merge commits: a session saved while the merge is running was
 * checked against the still-live record and, committed after the merge had moved the rows, stayed
 * on the tombstone, where no one sees it. This trigger asks again at the row itself, with a key-share
 * lock on the citizen: the merge holds the citizen FOR UPDATE from its start to its commit, so the
 * write waits for the merge and then sees its outcome (a write that came first is committed before
 * the merge reads, and moves with the rest).
 *
 * SECURITY DEFINER: the row-level security of a writer from another municipality (emergency access,
 * a referral's answer) may hide the citizen row; the trigger must see it to ask. It answers nothing
 * but a refusal. The tables are the ones that name the citizen directly (those that reach it through
 * an enrolment or assessment move with their parent); citizen_merge itself names the merged-away
 * record by design. Written out, not read from the live list: a migration is fixed when it ships.
 */
const TABLES = [
  'case_request', 'case_decision', 'enrolment', 'treatment_session', 'treatment_plan_revision', 'note_version', 'assessment',
  'outreach_contact', 'youth_consent', 'citizen_consent', 'referral', 'legal_hold', 'emergency_access', 'handover',
];

export class WritesFollowMerge1796541401500 implements MigrationInterface {
  name = 'WritesFollowMerge1796541401500';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION refuse_row_on_merged_citizen() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        merged uuid;
      BEGIN
        IF NEW.citizen_id IS NULL OR (TG_OP = 'UPDATE' AND NEW.citizen_id IS NOT DISTINCT FROM OLD.citizen_id) THEN
          RETURN NEW;
        END IF;
        SELECT merged_into_id INTO merged FROM citizen WHERE id = NEW.citizen_id FOR KEY SHARE;
        IF merged IS NOT NULL THEN
          RAISE EXCEPTION '%: the citizen was merged into another record', TG_TABLE_NAME USING ERRCODE = 'MG400', COLUMN = 'citizen_id', TABLE = TG_TABLE_NAME;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION refuse_row_on_merged_citizen() FROM PUBLIC`);
    for (const table of TABLES) {
      await q.query(`CREATE TRIGGER ${table}_not_on_merged_citizen BEFORE INSERT OR UPDATE OF citizen_id ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_row_on_merged_citizen()`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await q.query(`DROP TRIGGER IF EXISTS ${table}_not_on_merged_citizen ON ${table}`);
    await q.query(`DROP FUNCTION IF EXISTS refuse_row_on_merged_citizen()`);
  }
}
