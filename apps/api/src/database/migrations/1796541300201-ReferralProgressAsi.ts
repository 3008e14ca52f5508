import type { MigrationInterface, QueryRunner } from 'typeorm';

const BEFORE = `
  CREATE FUNCTION referral_progress(p_id uuid)
  RETURNS TABLE (state varchar, referral_date date, start_date date, end_date date, end_status varchar, sessions_attended int, sessions_recorded int)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT e.state, e.referral_date, e.start_date, e.end_date, e.end_status,
           (SELECT count(*) FROM treatment_session s WHERE s.enrolment_id = e.id AND s.entered_in_error_at IS NULL AND s.attendance = 'attended')::int,
           (SELECT count(*) FROM treatment_session s WHERE s.enrolment_id = e.id AND s.entered_in_error_at IS NULL)::int
    FROM referral r JOIN enrolment e ON e.id = r.receiving_enrolment_id AND e.municipality_id = r.to_municipality_id
    WHERE r.id = p_id AND r.municipality_id = app_municipality_id() AND r.state = 'accepted'
  $$`;

/**
 * The referring side sees the outcome of the course it referred to (docs/decisions.md 119): besides
 * the state, dates, end status and session counts, the latest ASI assessment of the receiving course,
 * as its date and its seven composite scores, and the dates of every ASI assessment of the course
 * (oldest first). Nothing else of the assessments (no items, no interviewer, no timepoint). The result
 * type changes, so the function is dropped and made again (same checks: the caller's own accepted
 * referral, the course at the receiving municipality).
 */
export class ReferralProgressAsi1796541300201 implements MigrationInterface {
  name = 'ReferralProgressAsi1796541300201';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION referral_progress(uuid)`);
    await q.query(`
      CREATE FUNCTION referral_progress(p_id uuid)
      RETURNS TABLE (state varchar, referral_date date, start_date date, end_date date, end_status varchar, sessions_attended int, sessions_recorded int,
                     asi_assessed_on date, asi_medical double precision, asi_employment double precision, asi_alcohol double precision, asi_drug double precision,
                     asi_legal double precision, asi_family double precision, asi_psychiatric double precision, asi_dates date[])
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT e.state, e.referral_date, e.start_date, e.end_date, e.end_status,
               (SELECT count(*) FROM treatment_session s WHERE s.enrolment_id = e.id AND s.entered_in_error_at IS NULL AND s.attendance = 'attended')::int,
               (SELECT count(*) FROM treatment_session s WHERE s.enrolment_id = e.id AND s.entered_in_error_at IS NULL)::int,
               a.assessed_on, a.medical, a.employment, a.alcohol, a.drug, a.legal, a.family, a.psychiatric,
               COALESCE((SELECT array_agg(x.assessed_on ORDER BY x.assessed_on, x.created_at) FROM assessment x WHERE x.enrolment_id = e.id AND x.municipality_id = e.municipality_id), '{}')
        FROM referral r JOIN enrolment e ON e.id = r.receiving_enrolment_id AND e.municipality_id = r.to_municipality_id
        LEFT JOIN LATERAL (
          SELECT l.assessed_on, l.medical, l.employment, l.alcohol, l.drug, l.legal, l.family, l.psychiatric
          FROM assessment l WHERE l.enrolment_id = e.id AND l.municipality_id = e.municipality_id
          ORDER BY l.assessed_on DESC, l.created_at DESC LIMIT 1
        ) a ON true
        WHERE r.id = p_id AND r.municipality_id = app_municipality_id() AND r.state = 'accepted'
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION referral_progress(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION referral_progress(uuid) TO outcomes_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION referral_progress(uuid)`);
    await q.query(BEFORE);
    await q.query(`REVOKE ALL ON FUNCTION referral_progress(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION referral_progress(uuid) TO outcomes_app`);
  }
}
