import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One round trip where an access-log append took three (lock, chain head, sequence numbers): every
 * personal-data request holds the append lock from here to its COMMIT, so each round trip saved
 * under it is throughput for all of them. The hash itself is still computed in the API, which alone
 * holds the key. SECURITY INVOKER: the caller's own rights (access_log_head, the sequence) apply.
 */
export class AccessLogReserve1795622000000 implements MigrationInterface {
  name = 'AccessLogReserve1795622000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION access_log_reserve(p_count int) RETURNS TABLE (prev_hash text, seqs text[])
      LANGUAGE plpgsql SET search_path = public AS $$
      BEGIN
        -- Held until COMMIT: appends across requests and replicas take their turn here.
        PERFORM pg_advisory_xact_lock(815003);
        RETURN QUERY SELECT (SELECT h.hash FROM access_log_head() h),
          ARRAY(SELECT nextval('access_log_seq')::text FROM generate_series(1, p_count));
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION access_log_reserve(int) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION access_log_reserve(int) TO outcomes_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS access_log_reserve(int)`);
  }
}
