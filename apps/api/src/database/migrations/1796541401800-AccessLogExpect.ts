import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access log's pipelined append (decision 183): `access_log_expect(chain, prev_hash, prev_seq,
 * first_seq)` takes the chain's append lock (the same `pg_advisory_xact_lock(815003,
 * hashtext(chain))` as access_log_reserve(), to COMMIT) and checks that the chain's head is the one
 * the API predicted: its hash is `prev_hash` and its seq is below `first_seq` (so within a chain seq
 * order stays commit order). Otherwise it raises SQLSTATE OLA02 when the head's seq is below
 * `prev_seq` (the predicted head has not been committed, perhaps not yet: the API may wait for that
 * append and try again) and OLA01 else (the chain went elsewhere: the API falls back to
 * access_log_reserve() in the same transaction). `prev_seq` only chooses between the two refusals. It writes nothing and answers nothing but the check: the rows still come from the
 * API's INSERT, hashed with the key the database never sees, and verify checks them as before.
 */
export class AccessLogExpect1796541401800 implements MigrationInterface {
  name = 'AccessLogExpect1796541401800';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION access_log_expect(p_chain text, p_prev_hash text, p_prev_seq bigint, p_first_seq bigint) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE v_head record;
      BEGIN
        IF p_chain IS NULL OR (p_chain <> 'national' AND p_chain !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') THEN
          RAISE EXCEPTION 'not an access-log chain: %', p_chain USING ERRCODE = 'invalid_parameter_value';
        END IF;
        -- access_log_reserve()'s lock: appends to this chain take their turn here, to COMMIT.
        PERFORM pg_advisory_xact_lock(815003, hashtext(p_chain));
        SELECT h.seq, h.hash INTO v_head FROM access_log_chain_head(p_chain) h;
        IF p_prev_hash IS NOT NULL AND p_first_seq IS NOT NULL AND v_head.hash = p_prev_hash AND p_first_seq > v_head.seq THEN
          RETURN;
        END IF;
        IF v_head.seq < p_prev_seq THEN
          RAISE EXCEPTION 'access log: the chain''s head is older than the one expected' USING ERRCODE = 'OLA02';
        END IF;
        RAISE EXCEPTION 'access log: the chain''s head is not the one expected' USING ERRCODE = 'OLA01';
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION access_log_expect(text, text, bigint, bigint) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION access_log_expect(text, text, bigint, bigint) TO outcomes_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION access_log_expect(text, text, bigint, bigint)`);
  }
}
