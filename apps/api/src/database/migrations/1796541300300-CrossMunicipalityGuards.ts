import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the other municipality's side relies on is written only through the definer functions
 * (docs/decisions.md 126), found by a review of the free-choice and hand-over work:
 *
 * - `referral_progress` answers the receiving course of `receiving_enrolment_id`, and the hand-over
 *   basis of `app_shared_citizen_ids()` trusts `state`, `read_until` and `to_municipality_id`. The
 *   tenant policies let the owning side write every column of its own row, so its staff (or the app
 *   role with that side's own settings) could point a referral at another municipality's course, or
 *   make a hand-over "accepted" for as long as they liked. A trigger now refuses, for the app role,
 *   any insert that is not a fresh `sent` row and any change of the receiving side's columns; the
 *   only state change the app role may make is `sent` to `withdrawn` (and, for a referral to a
 *   private provider, which has no users of its own, `sent` to `accepted` or `declined`). The
 *   definer functions `referral_answer`, `handover_answer`, the merge and retention run as the owner
 *   and are not held back.
 * - `refused_emergency_log` now also pins the row to one plain read: no list of citizens, no change.
 * - `handover_incoming` answers the receiving municipality's staff only (the API allows no other role,
 *   and the answer is ciphertext; the database now says so too).
 * - Every SECURITY DEFINER function whose search_path was `public` alone gets `pg_temp` last, so a
 *   session's temporary table cannot stand in for one of ours.
 */
export class CrossMunicipalityGuards1796541300300 implements MigrationInterface {
  name = 'CrossMunicipalityGuards1796541300300';

  public async up(q: QueryRunner): Promise<void> {
    // A merge (or its undo) moves the alias's rows to the record with the CPR number as the app role
    // (citizen-merges.queries.ts moveRows): a row may change citizen only between two citizens of one
    // merge record. Read under the caller's own row-level security, so only its own merges count.
    await q.query(`
      CREATE FUNCTION merged_pair(a uuid, b uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT EXISTS (SELECT 1 FROM citizen_merge cm
                       WHERE (cm.source_citizen_id = a AND cm.target_citizen_id = b) OR (cm.source_citizen_id = b AND cm.target_citizen_id = a))
      $$`);
    await q.query(`
      CREATE FUNCTION referral_app_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_user <> 'outcomes_app' THEN RETURN NEW; END IF;
        IF TG_OP = 'INSERT' THEN
          IF NEW.state <> 'sent' OR NEW.receiving_enrolment_id IS NOT NULL OR NEW.answered_by_user_id IS NOT NULL THEN
            RAISE EXCEPTION 'a referral starts as sent, unanswered' USING ERRCODE = 'insufficient_privilege';
          END IF;
          RETURN NEW;
        END IF;
        IF NEW.citizen_id IS DISTINCT FROM OLD.citizen_id AND NOT merged_pair(OLD.citizen_id, NEW.citizen_id) THEN
          RAISE EXCEPTION 'a referral moves to another citizen only with a merge of the two' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.municipality_id IS DISTINCT FROM OLD.municipality_id
           OR NEW.to_municipality_id IS DISTINCT FROM OLD.to_municipality_id OR NEW.to_centre_id IS DISTINCT FROM OLD.to_centre_id
           OR NEW.provider_id IS DISTINCT FROM OLD.provider_id OR NEW.receiving_enrolment_id IS DISTINCT FROM OLD.receiving_enrolment_id
           OR (NEW.answered_by_user_id IS DISTINCT FROM OLD.answered_by_user_id AND OLD.provider_id IS NULL) THEN
          RAISE EXCEPTION 'the place and the receiving side of a referral are written only by referral_answer()' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.state IS DISTINCT FROM OLD.state AND NOT (
             (OLD.state = 'sent' AND NEW.state = 'withdrawn')
          OR (OLD.state = 'sent' AND NEW.state IN ('accepted', 'declined') AND OLD.provider_id IS NOT NULL)) THEN
          RAISE EXCEPTION 'a referral to another municipality is answered only by referral_answer()' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER referral_app_guard BEFORE INSERT OR UPDATE ON referral FOR EACH ROW EXECUTE FUNCTION referral_app_guard()`);
    await q.query(`
      CREATE FUNCTION handover_app_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_user <> 'outcomes_app' THEN RETURN NEW; END IF;
        IF TG_OP = 'INSERT' THEN
          IF NEW.state <> 'sent' OR NEW.read_until IS NOT NULL OR NEW.receiving_enrolment_id IS NOT NULL OR NEW.answered_by_user_id IS NOT NULL OR NEW.answered_at IS NOT NULL THEN
            RAISE EXCEPTION 'a hand-over starts as sent, unanswered' USING ERRCODE = 'insufficient_privilege';
          END IF;
          RETURN NEW;
        END IF;
        IF NEW.citizen_id IS DISTINCT FROM OLD.citizen_id AND NOT merged_pair(OLD.citizen_id, NEW.citizen_id) THEN
          RAISE EXCEPTION 'a hand-over moves to another citizen only with a merge of the two' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.municipality_id IS DISTINCT FROM OLD.municipality_id
           OR NEW.to_municipality_id IS DISTINCT FROM OLD.to_municipality_id OR NEW.read_until IS DISTINCT FROM OLD.read_until
           OR NEW.receiving_enrolment_id IS DISTINCT FROM OLD.receiving_enrolment_id OR NEW.answered_by_user_id IS DISTINCT FROM OLD.answered_by_user_id THEN
          RAISE EXCEPTION 'the receiving side of a hand-over is written only by handover_answer()' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.state IS DISTINCT FROM OLD.state AND NOT (OLD.state = 'sent' AND NEW.state = 'withdrawn') THEN
          RAISE EXCEPTION 'a hand-over is answered only by handover_answer()' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER handover_app_guard BEFORE INSERT OR UPDATE ON handover FOR EACH ROW EXECUTE FUNCTION handover_app_guard()`);

    await q.query(`DROP POLICY refused_emergency_log ON access_log`);
    await q.query(refusedEmergencyLog(true));
    await q.query(handoverIncoming(true));

    await q.query(`
      DO $$
      DECLARE f regprocedure;
      BEGIN
        FOR f IN SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname = 'public' AND p.prosecdef AND 'search_path=public' = ANY (p.proconfig)
        LOOP
          EXECUTE format('ALTER FUNCTION %s SET search_path = public, pg_temp', f);
        END LOOP;
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    // The search_path of the definer functions stays with pg_temp last: it only narrows what they see.
    await q.query(handoverIncoming(false));
    await q.query(`DROP POLICY refused_emergency_log ON access_log`);
    await q.query(refusedEmergencyLog(false));
    await q.query(`DROP TRIGGER handover_app_guard ON handover`);
    await q.query(`DROP FUNCTION handover_app_guard()`);
    await q.query(`DROP TRIGGER referral_app_guard ON referral`);
    await q.query(`DROP FUNCTION referral_app_guard()`);
    await q.query(`DROP FUNCTION merged_pair(uuid, uuid)`);
  }
}

function refusedEmergencyLog(plainReadOnly: boolean): string {
  return `
      CREATE POLICY refused_emergency_log ON access_log FOR INSERT TO outcomes_app
      WITH CHECK (access_log.user_id = app_user_id()
        AND access_log.outcome = 'refused'
        AND access_log.resource = 'emergency-accesses'
        ${plainReadOnly ? "AND access_log.action = 'read' AND access_log.citizen_ids IS NULL AND access_log.change IS NULL" : ''}
        AND app_role() = 'staff'
        AND EXISTS (
          SELECT 1 FROM emergency_access e
          WHERE e.id = access_log.record_id
            AND e.id = ANY (string_to_array(nullif(current_setting('app.emergency_access_ids', true), ''), ',')::uuid[])
            AND e.accessor_user_id = app_user_id()
            AND e.accessor_municipality_id = app_municipality_id()
            AND e.citizen_id = access_log.citizen_id
            AND e.municipality_id = access_log.municipality_id))`;
}

/** The receiving side's view of its incoming hand-overs (HandoversTenancy), for its staff only when `staffOnly`. */
function handoverIncoming(staffOnly: boolean): string {
  return `
      CREATE OR REPLACE FUNCTION handover_incoming(p_id uuid)
      RETURNS TABLE (id uuid, version int, created_at timestamptz, updated_at timestamptz, municipality_id uuid, to_municipality_id uuid,
                     message_encrypted text, identity_encrypted text, state varchar, answered_at timestamptz, reason_encrypted text,
                     read_until timestamptz, receiving_enrolment_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT h.id, h.version, h.created_at, h.updated_at, h.municipality_id, h.to_municipality_id, h.message_encrypted, h.identity_encrypted,
               h.state, h.answered_at, h.reason_encrypted, h.read_until, h.receiving_enrolment_id
        FROM handover h
        WHERE h.to_municipality_id = app_municipality_id() AND h.state IN ('sent', 'accepted') AND (p_id IS NULL OR h.id = p_id)
          ${staffOnly ? "AND app_role() = 'staff'" : ''}
        ORDER BY h.created_at DESC
      $$`;
}
