import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables whose rows the API's role may not UPDATE (append-only by trigger, or INSERT-only by grant). */
// citizen_consent: the API's role may only insert and read it (an append-only history, decision 89).
const APPEND_ONLY = ['note_version', 'case_decision', 'treatment_plan_revision', 'citizen_consent'];

/**
 * Merging duplicate records (issue 22), held by the database:
 * - `citizen_merge` is personal data: row-level security by municipality, as every tenant table. The
 *   API's role may SELECT, INSERT and UPDATE it (an undo is recorded on the merge), never DELETE it.
 * - A merge moves a citizen's rows by changing their `citizen_id`. Three tables are append-only for
 *   the API's role (note versions and plan revisions by trigger, written decisions by grant), and stay
 *   so: their rows move only through `citizen_merge_repoint(merge, table, undo)`, a SECURITY DEFINER
 *   function that moves exactly the rows a merge record of the caller's municipality lists, from its
 *   source to its target (or back, once the merge is recorded as undone), and changes nothing but
 *   `citizen_id`. The append-only triggers let an UPDATE through only when it runs inside that
 *   function (as the owner, with the transaction-local flag it sets) and changes `citizen_id` alone,
 *   so a note's text and a plan's words are never rewritten, by a merge or by anyone else.
 */
export class CitizenMergesTenancy1796541200000 implements MigrationInterface {
  name = 'CitizenMergesTenancy1796541200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT SELECT, INSERT, UPDATE ON citizen_merge TO outcomes_app`);
    await q.query(`ALTER TABLE citizen_merge ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE citizen_merge FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY tenant_isolation ON citizen_merge TO outcomes_app
      USING (municipality_id = app_municipality_id()) WITH CHECK (municipality_id = app_municipality_id())`);
    await q.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY owner_all ON citizen_merge TO %I USING (true) WITH CHECK (true)', current_user);
      END $$`);

    // Whether this row change is a merge's move: inside citizen_merge_repoint (the owner, its flag),
    // and nothing but citizen_id differs.
    await q.query(`
      CREATE FUNCTION citizen_merge_moving(p_relid oid, p_old jsonb, p_new jsonb) RETURNS boolean
      LANGUAGE sql STABLE SET search_path = public AS $$
        SELECT coalesce(current_setting('outcomes.citizen_merge', true), '') = 'on'
           AND current_user = (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = p_relid)
           AND (p_old - 'citizen_id') = (p_new - 'citizen_id')
      $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION note_version_refuse_change() RETURNS trigger
      LANGUAGE plpgsql SET search_path = public AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND citizen_merge_moving(TG_RELID, to_jsonb(OLD), to_jsonb(NEW)) THEN RETURN NEW; END IF;
        RAISE EXCEPTION 'note_version is append-only: % refused (a note is corrected by adding a version)', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION treatment_plan_revision_refuse_change() RETURNS trigger
      LANGUAGE plpgsql SET search_path = public AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND citizen_merge_moving(TG_RELID, to_jsonb(OLD), to_jsonb(NEW)) THEN RETURN NEW; END IF;
        RAISE EXCEPTION 'treatment_plan_revision is append-only: % refused (a plan is revised by adding a revision)', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE FUNCTION citizen_merge_repoint(p_merge uuid, p_table text, p_undo boolean) RETURNS int
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        m citizen_merge%ROWTYPE;
        ids uuid[];
        n int;
      BEGIN
        IF p_table NOT IN (${APPEND_ONLY.map((t) => `'${t}'`).join(', ')}) THEN
          RAISE EXCEPTION 'citizen_merge_repoint moves % rows only', '${APPEND_ONLY.join(', ')}' USING ERRCODE = 'insufficient_privilege';
        END IF;
        SELECT * INTO m FROM citizen_merge WHERE id = p_merge AND municipality_id = app_municipality_id();
        IF NOT FOUND THEN
          RAISE EXCEPTION 'no such merge in your municipality' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF p_undo <> (m.undone_at IS NOT NULL) THEN
          RAISE EXCEPTION 'rows move back only once the merge is recorded as undone, and forward only before' USING ERRCODE = 'insufficient_privilege';
        END IF;
        ids := ARRAY(SELECT jsonb_array_elements_text(coalesce(m.moved -> p_table, '[]'::jsonb))::uuid);
        PERFORM set_config('outcomes.citizen_merge', 'on', true);
        EXECUTE format('UPDATE %I SET citizen_id = $1 WHERE id = ANY($2) AND citizen_id = $3 AND municipality_id = $4', p_table)
          USING CASE WHEN p_undo THEN m.source_citizen_id ELSE m.target_citizen_id END, ids,
                CASE WHEN p_undo THEN m.target_citizen_id ELSE m.source_citizen_id END, m.municipality_id;
        GET DIAGNOSTICS n = ROW_COUNT;
        PERFORM set_config('outcomes.citizen_merge', '', true);
        RETURN n;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION citizen_merge_repoint(uuid, text, boolean) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION citizen_merge_repoint(uuid, text, boolean) TO outcomes_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS citizen_merge_repoint(uuid, text, boolean)`);
    await q.query(`
      CREATE OR REPLACE FUNCTION treatment_plan_revision_refuse_change() RETURNS trigger
      LANGUAGE plpgsql SET search_path = public AS $$
      BEGIN
        RAISE EXCEPTION 'treatment_plan_revision is append-only: % refused (a plan is revised by adding a revision)', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION note_version_refuse_change() RETURNS trigger
      LANGUAGE plpgsql SET search_path = public AS $$
      BEGIN
        RAISE EXCEPTION 'note_version is append-only: % refused (a note is corrected by adding a version)', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`DROP FUNCTION IF EXISTS citizen_merge_moving(oid, jsonb, jsonb)`);
    await q.query(`DROP POLICY IF EXISTS owner_all ON citizen_merge`);
    await q.query(`DROP POLICY IF EXISTS tenant_isolation ON citizen_merge`);
    await q.query(`ALTER TABLE citizen_merge NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE citizen_merge DISABLE ROW LEVEL SECURITY`);
    await q.query(`REVOKE ALL ON citizen_merge FROM outcomes_app`);
  }
}
