import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notes that are never lost, held by the database as well as by the API:
 * - note_version is personal data: row-level security by municipality, as every tenant table. The
 *   API's role (outcomes_app) may SELECT and INSERT it, nothing else, and a trigger refuses UPDATE and
 *   DELETE for every role (the owner too, until it drops the trigger on purpose), as for access_log.
 * - A session's note cannot change without its version: the first text is copied into note_version
 *   by a trigger on insert (whoever inserts: the API, the synthetic-data loader), and an UPDATE that
 *   changes the note is refused unless a version with exactly that ciphertext was appended first
 *   (the API encrypts once and writes the same value to both). Existing notes get their original
 *   version here, written by the session's staff member at the session's creation.
 * - treatment_session loses DELETE for the API's role: a session is never deleted by a user, it is
 *   marked entered in error. A bug or an injected statement in the API cannot remove one either.
 *
 * What it does not do: stop the owner, who can drop the trigger. Nothing in the product runs as the
 * owner after migrating (docs/architecture.md); the owner's credentials are an operator's.
 */
export class NotesNeverLostTenancy1796518100000 implements MigrationInterface {
  name = 'NotesNeverLostTenancy1796518100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT SELECT, INSERT ON note_version TO outcomes_app`);
    await q.query(`ALTER TABLE note_version ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE note_version FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY tenant_isolation ON note_version TO outcomes_app
      USING (municipality_id = app_municipality_id()) WITH CHECK (municipality_id = app_municipality_id())`);
    await q.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY owner_all ON note_version TO %I USING (true) WITH CHECK (true)', current_user);
      END $$`);
    await q.query(`
      CREATE FUNCTION note_version_refuse_change() RETURNS trigger
      LANGUAGE plpgsql SET search_path = public AS $$
      BEGIN
        RAISE EXCEPTION 'note_version is append-only: % refused (a note is corrected by adding a version)', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER note_version_append_only BEFORE UPDATE OR DELETE ON note_version
      FOR EACH ROW EXECUTE FUNCTION note_version_refuse_change()`);
    await q.query(`
      CREATE TRIGGER note_version_no_truncate BEFORE TRUNCATE ON note_version
      FOR EACH STATEMENT EXECUTE FUNCTION note_version_refuse_change()`);
    await q.query(`
      CREATE FUNCTION treatment_session_note_original() RETURNS trigger
      LANGUAGE plpgsql SET search_path = public AS $$
      BEGIN
        INSERT INTO note_version (municipality_id, record_kind, record_id, citizen_id, field, text_encrypted, kind, written_by)
        VALUES (NEW.municipality_id, 'session', NEW.id, NEW.citizen_id, 'note', NEW.note_encrypted, 'original', coalesce(app_user_id(), NEW.staff_user_id));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER treatment_session_note_original AFTER INSERT ON treatment_session
      FOR EACH ROW WHEN (NEW.note_encrypted IS NOT NULL) EXECUTE FUNCTION treatment_session_note_original()`);
    await q.query(`
      CREATE FUNCTION treatment_session_note_versioned() RETURNS trigger
      LANGUAGE plpgsql SET search_path = public AS $$
      BEGIN
        IF NOT EXISTS (
          SELECT 1 FROM note_version v
          WHERE v.record_kind = 'session' AND v.record_id = NEW.id AND v.field = 'note'
            AND v.text_encrypted IS NOT DISTINCT FROM NEW.note_encrypted
            AND (NEW.note_encrypted IS NOT NULL OR v.written_at = now())
        ) THEN
          RAISE EXCEPTION 'a session''s note changes only with a new note_version (the note is never overwritten)'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER treatment_session_note_versioned BEFORE UPDATE OF note_encrypted ON treatment_session
      FOR EACH ROW WHEN (NEW.note_encrypted IS DISTINCT FROM OLD.note_encrypted) EXECUTE FUNCTION treatment_session_note_versioned()`);
    await q.query(`
      INSERT INTO note_version (municipality_id, record_kind, record_id, citizen_id, field, text_encrypted, kind, written_by, written_at)
      SELECT s.municipality_id, 'session', s.id, s.citizen_id, 'note', s.note_encrypted, 'original', s.staff_user_id, s.created_at
      FROM treatment_session s WHERE s.note_encrypted IS NOT NULL`);
    await q.query(`REVOKE DELETE ON treatment_session FROM outcomes_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`GRANT DELETE ON treatment_session TO outcomes_app`);
    await q.query(`DROP TRIGGER IF EXISTS treatment_session_note_versioned ON treatment_session`);
    await q.query(`DROP FUNCTION IF EXISTS treatment_session_note_versioned()`);
    await q.query(`DROP TRIGGER IF EXISTS treatment_session_note_original ON treatment_session`);
    await q.query(`DROP FUNCTION IF EXISTS treatment_session_note_original()`);
    await q.query(`DROP TRIGGER IF EXISTS note_version_no_truncate ON note_version`);
    await q.query(`DROP TRIGGER IF EXISTS note_version_append_only ON note_version`);
    await q.query(`DROP FUNCTION IF EXISTS note_version_refuse_change()`);
    await q.query(`DROP POLICY IF EXISTS owner_all ON note_version`);
    await q.query(`DROP POLICY IF EXISTS tenant_isolation ON note_version`);
    await q.query(`ALTER TABLE note_version NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE note_version DISABLE ROW LEVEL SECURITY`);
    await q.query(`REVOKE ALL ON note_version FROM outcomes_app`);
  }
}
