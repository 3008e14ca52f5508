import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * access_log_expect() waits for the append it was predicted on instead of refusing (decision 190).
 * Under load the API's pipelined appends (decision 183) reach the database out of the order the API
 * sent them in (two cores, dozens of backends): measured with 20 concurrent list requests, 14 of 20
 * fast appends took the chain's lock before their predecessor, were refused with OLA02, and cost a
 * ROLLBACK TO SAVEPOINT, a wait in the API and the same query again. Now the function lets go of the
 * lock (the block's subtransaction rolls back, which releases an advisory lock taken in it), lets a
 * predecessor that waits for the lock in first, and looks again: twice at once, then once a
 * millisecond, for at most 250 ms. Only then does it refuse with OLA02 as before, and the API falls
 * back as before. It never returns without the lock and the predicted head, so the check is the same.
 * 250 ms bounds what a request waits for a predecessor that never commits (its COMMIT failed): the
 * API's own wait for it in-process was one second (IN_PROCESS_WAIT_MS).
 */
export class AccessLogExpectWaits1796541401900 implements MigrationInterface {
  name = 'AccessLogExpectWaits1796541401900';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION access_log_expect(p_chain text, p_prev_hash text, p_prev_seq bigint, p_first_seq bigint) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_head record;
        v_tries int := 0;
        v_until timestamptz := clock_timestamp() + interval '250 milliseconds';
      BEGIN
        IF p_chain IS NULL OR (p_chain <> 'national' AND p_chain !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') THEN
          RAISE EXCEPTION 'not an access-log chain: %', p_chain USING ERRCODE = 'invalid_parameter_value';
        END IF;
        LOOP
          BEGIN
            -- access_log_reserve()'s lock: appends to this chain take their turn here, to COMMIT.
            PERFORM pg_advisory_xact_lock(815003, hashtext(p_chain));
            SELECT h.seq, h.hash INTO v_head FROM access_log_chain_head(p_chain) h;
            IF p_prev_hash IS NOT NULL AND p_first_seq IS NOT NULL AND v_head.hash = p_prev_hash AND p_first_seq > v_head.seq THEN
              RETURN;
            END IF;
            IF v_head.seq < p_prev_seq AND clock_timestamp() < v_until THEN
              -- The predicted head is not in yet: roll this block back, which lets go of the lock.
              RAISE EXCEPTION USING ERRCODE = 'OLA03';
            END IF;
          EXCEPTION WHEN SQLSTATE 'OLA03' THEN
            v_tries := v_tries + 1;
            IF v_tries > 2 THEN
              PERFORM pg_sleep(0.001);
            END IF;
            CONTINUE;
          END;
          IF v_head.seq < p_prev_seq THEN
            RAISE EXCEPTION 'access log: the chain''s head is older than the one expected' USING ERRCODE = 'OLA02';
          END IF;
          RAISE EXCEPTION 'access log: the chain''s head is not the one expected' USING ERRCODE = 'OLA01';
        END LOOP;
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION access_log_expect(p_chain text, p_prev_hash text, p_prev_seq bigint, p_first_seq bigint) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE v_head record;
      BEGIN
        IF p_chain IS NULL OR (p_chain <> 'national' AND p_chain !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') THEN
          RAISE EXCEPTION 'not an access-log chain: %', p_chain USING ERRCODE = 'invalid_parameter_value';
        END IF;
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
  }
}
