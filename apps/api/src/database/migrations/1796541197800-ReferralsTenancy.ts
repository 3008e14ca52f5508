import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Referrals under free choice (decision 101): the row is the referring municipality's, under the
 * ordinary tenant policy. The receiving municipality gets no policy on it, and nothing of the
 * referring municipality's other tables: three SECURITY DEFINER functions answer exactly what each
 * side is entitled to, and no more.
 *
 * - `referral_incoming(p_id)`: the referrals addressed to the caller's municipality that are `sent` or
 *   `accepted` (declined and withdrawn ones give nothing), as the referral shows them: its own columns,
 *   never the referring side's citizen, request or user ids.
 * - `referral_answer(...)`: the receiving side accepts (naming its own enrolment, at the referral's
 *   centre, of its own municipality) or declines (with a reason) a `sent` referral of the version it
 *   saw; answers the rows changed (0: not theirs, not `sent`, or stale).
 * - `referral_progress(p_id)`: for the referring side, the course an accepted referral of its own led
 *   to: state, dates, the register's end status and counts of sessions; nothing else of the receiving
 *   municipality.
 *
 * Each function checks the caller's municipality itself (app_municipality_id(), set by the tenant
 * transaction), so the API's role may call them with any id and learns nothing of other rows.
 */
export class ReferralsTenancy1796541197800 implements MigrationInterface {
  name = 'ReferralsTenancy1796541197800';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT SELECT, INSERT, UPDATE ON referral TO outcomes_app`);
    await q.query(`ALTER TABLE referral ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE referral FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY tenant_isolation ON referral TO outcomes_app
      USING (municipality_id = app_municipality_id()) WITH CHECK (municipality_id = app_municipality_id())`);
    await q.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY owner_all ON referral TO %I USING (true) WITH CHECK (true)', current_user);
      END $$`);

    await q.query(`
      CREATE FUNCTION referral_incoming(p_id uuid)
      RETURNS TABLE (id uuid, version int, created_at timestamptz, updated_at timestamptz, municipality_id uuid, to_municipality_id uuid,
                     to_centre_id uuid, referred_on date, citizen_choice_on date, message_encrypted text, identity_encrypted text,
                     state varchar, answered_on date, reason_encrypted text, receiving_enrolment_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT r.id, r.version, r.created_at, r.updated_at, r.municipality_id, r.to_municipality_id, r.to_centre_id, r.referred_on,
               r.citizen_choice_on, r.message_encrypted, r.identity_encrypted, r.state, r.answered_on, r.reason_encrypted, r.receiving_enrolment_id
        FROM referral r
        WHERE r.to_municipality_id = app_municipality_id() AND r.state IN ('sent', 'accepted') AND (p_id IS NULL OR r.id = p_id)
        ORDER BY r.created_at DESC
      $$`);
    await q.query(`
      CREATE FUNCTION referral_answer(p_id uuid, p_version int, p_state text, p_answered_on date, p_reason_encrypted text, p_enrolment_id uuid)
      RETURNS int
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        changed int;
      BEGIN
        IF p_state NOT IN ('accepted', 'declined') THEN RETURN 0; END IF;
        IF (p_state = 'accepted') <> (p_enrolment_id IS NOT NULL) THEN RETURN 0; END IF;
        IF (p_state = 'declined') <> (p_reason_encrypted IS NOT NULL) THEN RETURN 0; END IF;
        UPDATE referral r SET state = p_state, answered_on = p_answered_on, reason_encrypted = p_reason_encrypted,
               answered_by_user_id = app_user_id(), receiving_enrolment_id = p_enrolment_id, version = r.version + 1, updated_at = now()
        WHERE r.id = p_id AND r.to_municipality_id = app_municipality_id() AND r.state = 'sent' AND r.version = p_version
          AND (p_enrolment_id IS NULL OR EXISTS (
                SELECT 1 FROM enrolment e WHERE e.id = p_enrolment_id AND e.municipality_id = app_municipality_id() AND e.centre_id = r.to_centre_id));
        GET DIAGNOSTICS changed = ROW_COUNT;
        RETURN changed;
      END
      $$`);
    await q.query(`
      CREATE FUNCTION referral_progress(p_id uuid)
      RETURNS TABLE (state varchar, referral_date date, start_date date, end_date date, end_status varchar, sessions_attended int, sessions_recorded int)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT e.state, e.referral_date, e.start_date, e.end_date, e.end_status,
               (SELECT count(*) FROM treatment_session s WHERE s.enrolment_id = e.id AND s.entered_in_error_at IS NULL AND s.attendance = 'attended')::int,
               (SELECT count(*) FROM treatment_session s WHERE s.enrolment_id = e.id AND s.entered_in_error_at IS NULL)::int
        FROM referral r JOIN enrolment e ON e.id = r.receiving_enrolment_id AND e.municipality_id = r.to_municipality_id
        WHERE r.id = p_id AND r.municipality_id = app_municipality_id() AND r.state = 'accepted'
      $$`);
    for (const signature of ['referral_incoming(uuid)', 'referral_answer(uuid, int, text, date, text, uuid)', 'referral_progress(uuid)']) {
      await q.query(`REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${signature} TO outcomes_app`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS referral_progress(uuid)`);
    await q.query(`DROP FUNCTION IF EXISTS referral_answer(uuid, int, text, date, text, uuid)`);
    await q.query(`DROP FUNCTION IF EXISTS referral_incoming(uuid)`);
    await q.query(`DROP POLICY IF EXISTS owner_all ON referral`);
    await q.query(`DROP POLICY IF EXISTS tenant_isolation ON referral`);
    await q.query(`ALTER TABLE referral NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE referral DISABLE ROW LEVEL SECURITY`);
    await q.query(`REVOKE ALL ON referral FROM outcomes_app`);
  }
}
