import type { MigrationInterface, QueryRunner } from 'typeorm';

const GENESIS = `'${'0'.repeat(64)}'`;

/**
 * A hash chain per municipality (decision 127): no global append lock.
 *
 * - A row's chain is its municipality (`municipality_id`), or 'national' when it has none. Rows
 *   written before this migration stay one global chain, 'legacy' (seq <= access_log_split.seq),
 *   verifiable exactly as they were; every new chain starts from the legacy head's hash (the
 *   genesis hash on a new database), so the split is tied: a cut legacy tail no longer links.
 * - access_log_reserve(chains, count) takes one advisory lock per chain, in the order of the lock
 *   keys (so two requests never wait on each other in a circle, even when two chains' keys collide),
 *   answers each chain's head and draws the seqs after the locks: within a chain, seq order is
 *   commit order. An emergency or hand-over read, logged in both municipalities, locks both.
 * - Retention is per chain: access_log_prune() cuts each chain's prefix older than the retention and
 *   moves that chain's anchor (access_log_chain_anchor; access_log_anchor stays the legacy chain's);
 *   the DELETE trigger lets through only rows under their own chain's anchor.
 * - access_log_heads() answers every chain's head for the signed anchors.
 */
export class AccessLogChains1796541400100 implements MigrationInterface {
  name = 'AccessLogChains1796541400100';

  public async up(q: QueryRunner): Promise<void> {
    // No append of the old kind may be in flight while the split is read (the old lock, to COMMIT).
    await q.query(`SELECT pg_advisory_xact_lock(815003)`);
    await q.query(`
            CREATE TABLE "access_log_split" (
                "id" integer NOT NULL DEFAULT '1',
                "seq" bigint NOT NULL,
                "hash" character(64) NOT NULL,
                CONSTRAINT "PK_14746b99c6bf93b13f6eb95bd76" PRIMARY KEY ("id")
            )
        `);
    await q.query(`
            CREATE TABLE "access_log_chain_anchor" (
                "chain" character varying(40) NOT NULL,
                "seq" bigint NOT NULL,
                "hash" character(64) NOT NULL,
                "pruned_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_ec96540684c4df499facd6c6ba5" PRIMARY KEY ("chain")
            )
        `);
    await q.query(`
            CREATE INDEX "access_log_municipality_seq" ON "access_log" ("municipality_id", "seq")
        `);
    await q.query(`
      INSERT INTO access_log_split (id, seq, hash)
      SELECT 1, coalesce(h.seq, 0), coalesce(h.hash, ${GENESIS}) FROM (SELECT 1) one LEFT JOIN access_log_head() h ON true`);
    await q.query(`GRANT SELECT ON access_log_split, access_log_chain_anchor TO outcomes_app`);

    await q.query(`DROP FUNCTION access_log_reserve(int)`);
    await q.query(`DROP FUNCTION access_log_head()`);

    // One chain's head: its last row, else its retention anchor, else where it starts.
    await q.query(`
      CREATE FUNCTION access_log_chain_head(p_chain text) RETURNS TABLE (seq bigint, hash text)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      #variable_conflict use_column
      DECLARE v_split access_log_split;
      BEGIN
        SELECT * INTO v_split FROM access_log_split s WHERE s.id = 1;
        IF p_chain = 'legacy' THEN
          RETURN QUERY SELECT l.seq, l.hash::text FROM access_log l WHERE l.seq <= v_split.seq ORDER BY l.seq DESC LIMIT 1;
          IF FOUND THEN RETURN; END IF;
          RETURN QUERY SELECT a.seq, a.hash::text FROM access_log_anchor a WHERE a.id = 1;
          IF FOUND THEN RETURN; END IF;
          RETURN QUERY SELECT 0::bigint, ${GENESIS}::text;
          RETURN;
        ELSIF p_chain = 'national' THEN
          RETURN QUERY SELECT l.seq, l.hash::text FROM access_log l
            WHERE l.municipality_id IS NULL AND l.seq > v_split.seq ORDER BY l.seq DESC LIMIT 1;
        ELSE
          RETURN QUERY SELECT l.seq, l.hash::text FROM access_log l
            WHERE l.municipality_id = p_chain::uuid AND l.seq > v_split.seq ORDER BY l.seq DESC LIMIT 1;
        END IF;
        IF FOUND THEN RETURN; END IF;
        RETURN QUERY SELECT a.seq, a.hash::text FROM access_log_chain_anchor a WHERE a.chain = p_chain;
        IF FOUND THEN RETURN; END IF;
        RETURN QUERY SELECT 0::bigint, v_split.hash::text;
      END $$`);

    // Every chain's head (those with a row or an anchor; 'national' always, so an empty log is anchored too).
    await q.query(`
      CREATE FUNCTION access_log_heads() RETURNS TABLE (chain text, seq bigint, hash text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT c.chain, h.seq, h.hash FROM (
          SELECT 'legacy'::text AS chain UNION ALL SELECT 'national' UNION ALL SELECT m.id::text FROM municipality m
        ) c CROSS JOIN LATERAL access_log_chain_head(c.chain) h
        WHERE h.seq > 0 OR c.chain = 'national'
        ORDER BY h.seq, c.chain
      $$`);

    await q.query(`
      CREATE FUNCTION access_log_reserve(p_chains text[], p_count int) RETURNS TABLE (chains text[], prev_hashes text[], seqs text[])
      LANGUAGE plpgsql SET search_path = public AS $$
      DECLARE v_chains text[]; v_heads text[] := '{}'; v_chain text;
      BEGIN
        -- In the order of the lock keys: two requests never hold one lock each and wait for the other's.
        SELECT array_agg(c ORDER BY hashtext(c), c) INTO v_chains FROM (SELECT DISTINCT unnest(p_chains) AS c) d;
        IF v_chains IS NULL OR p_count IS NULL OR p_count < 1 THEN
          RAISE EXCEPTION 'access_log_reserve needs at least one chain and one row' USING ERRCODE = 'invalid_parameter_value';
        END IF;
        FOREACH v_chain IN ARRAY v_chains LOOP
          IF v_chain IS NULL OR (v_chain <> 'national' AND v_chain !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') THEN
            RAISE EXCEPTION 'not an access-log chain: %', v_chain USING ERRCODE = 'invalid_parameter_value';
          END IF;
          -- Held until COMMIT: appends to this chain take their turn here; other chains do not wait.
          PERFORM pg_advisory_xact_lock(815003, hashtext(v_chain));
        END LOOP;
        FOREACH v_chain IN ARRAY v_chains LOOP
          v_heads := v_heads || (SELECT h.hash FROM access_log_chain_head(v_chain) h);
        END LOOP;
        RETURN QUERY SELECT v_chains, v_heads, ARRAY(SELECT nextval('access_log_seq')::text FROM generate_series(1, p_count));
      END $$`);

    await q.query(`
      CREATE OR REPLACE FUNCTION access_log_refuse_change() RETURNS trigger
      LANGUAGE plpgsql SET search_path = public AS $$
      DECLARE v_cutoff timestamptz; v_split bigint; v_anchored bigint;
      BEGIN
        IF TG_OP = 'DELETE' THEN
          SELECT now() - s.retention INTO v_cutoff FROM access_log_settings s WHERE s.id = 1;
          SELECT sp.seq INTO v_split FROM access_log_split sp WHERE sp.id = 1;
          IF OLD.seq <= v_split THEN
            SELECT a.seq INTO v_anchored FROM access_log_anchor a WHERE a.id = 1;
          ELSE
            SELECT a.seq INTO v_anchored FROM access_log_chain_anchor a WHERE a.chain = coalesce(OLD.municipality_id::text, 'national');
          END IF;
          IF OLD.at < v_cutoff AND OLD.seq <= v_anchored THEN
            RETURN OLD;
          END IF;
          RAISE EXCEPTION 'access_log is append-only: DELETE of seq % refused (only access_log_prune() removes rows, past the retention and under its chain''s anchor)', OLD.seq
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RAISE EXCEPTION 'access_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);

    await q.query(`DROP FUNCTION access_log_prune()`);
    await q.query(`
      CREATE FUNCTION access_log_prune()
      RETURNS TABLE (chain text, removed bigint, anchor_seq bigint, anchor_hash text, cutoff timestamptz)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      #variable_conflict use_column
      DECLARE v_cutoff timestamptz; v_split bigint; v_chain text; v_municipality uuid;
        v_first_kept bigint; v_seq bigint; v_hash text; v_removed bigint; v_any boolean := false;
      BEGIN
        -- One prune at a time, across replicas: the anchors only ever move forward.
        PERFORM pg_advisory_xact_lock(815004);
        SELECT now() - s.retention INTO v_cutoff FROM access_log_settings s WHERE s.id = 1;
        SELECT sp.seq INTO v_split FROM access_log_split sp WHERE sp.id = 1;
        -- The legacy chain: a prefix, up to the first row inside the retention (another replica's clock may differ).
        SELECT l.seq INTO v_first_kept FROM access_log l WHERE l.seq <= v_split AND l.at >= v_cutoff ORDER BY l.seq LIMIT 1;
        SELECT l.seq, l.hash INTO v_seq, v_hash FROM access_log l
        WHERE l.seq <= v_split AND l.at < v_cutoff AND (v_first_kept IS NULL OR l.seq < v_first_kept)
        ORDER BY l.seq DESC LIMIT 1;
        IF v_seq IS NOT NULL THEN
          -- The anchor first: the trigger lets through only rows it covers.
          INSERT INTO access_log_anchor AS a (id, seq, hash, pruned_at) VALUES (1, v_seq, v_hash, now())
          ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, pruned_at = EXCLUDED.pruned_at;
          DELETE FROM access_log l WHERE l.seq <= v_seq;
          GET DIAGNOSTICS v_removed = ROW_COUNT;
          v_any := true;
          RETURN QUERY SELECT 'legacy'::text, v_removed, v_seq, v_hash, v_cutoff;
        END IF;
        -- Each chain after the split: its own prefix, under its own anchor.
        FOR v_chain IN SELECT 'national' UNION ALL SELECT m.id::text FROM municipality m LOOP
          v_municipality := CASE WHEN v_chain = 'national' THEN NULL ELSE v_chain::uuid END;
          v_first_kept := NULL;
          v_seq := NULL;
          SELECT l.seq INTO v_first_kept FROM access_log l
          WHERE l.seq > v_split AND l.municipality_id IS NOT DISTINCT FROM v_municipality AND l.at >= v_cutoff ORDER BY l.seq LIMIT 1;
          SELECT l.seq, l.hash INTO v_seq, v_hash FROM access_log l
          WHERE l.seq > v_split AND l.municipality_id IS NOT DISTINCT FROM v_municipality AND l.at < v_cutoff
            AND (v_first_kept IS NULL OR l.seq < v_first_kept)
          ORDER BY l.seq DESC LIMIT 1;
          CONTINUE WHEN v_seq IS NULL;
          INSERT INTO access_log_chain_anchor AS a (chain, seq, hash, pruned_at) VALUES (v_chain, v_seq, v_hash, now())
          ON CONFLICT (chain) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, pruned_at = EXCLUDED.pruned_at;
          DELETE FROM access_log l WHERE l.seq > v_split AND l.seq <= v_seq AND l.municipality_id IS NOT DISTINCT FROM v_municipality;
          GET DIAGNOSTICS v_removed = ROW_COUNT;
          v_any := true;
          RETURN QUERY SELECT v_chain, v_removed, v_seq, v_hash, v_cutoff;
        END LOOP;
        IF NOT v_any THEN
          RETURN QUERY SELECT NULL::text, 0::bigint, NULL::bigint, NULL::text, v_cutoff;
        END IF;
      END $$`);

    for (const fn of ['access_log_prune()', 'access_log_reserve(text[], int)', 'access_log_chain_head(text)', 'access_log_heads()']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO outcomes_app`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    // Back to one chain only while no row was written after the split (a forked log cannot be joined).
    await q.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM access_log l, access_log_split s WHERE l.seq > s.seq) THEN
          RAISE EXCEPTION 'access_log has rows in per-municipality chains: it cannot go back to one chain';
        END IF;
      END $$`);
    await q.query(`DROP FUNCTION access_log_prune()`);
    await q.query(`DROP FUNCTION access_log_reserve(text[], int)`);
    await q.query(`DROP FUNCTION access_log_heads()`);
    await q.query(`DROP FUNCTION access_log_chain_head(text)`);
    await q.query(`
      CREATE FUNCTION access_log_head() RETURNS TABLE (seq bigint, hash text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT seq, hash FROM (
          SELECT l.seq, l.hash::text FROM access_log l ORDER BY l.seq DESC LIMIT 1
        ) last
        UNION ALL
        SELECT a.seq, a.hash::text FROM access_log_anchor a
        WHERE NOT EXISTS (SELECT 1 FROM access_log)
        LIMIT 1
      $$`);
    await q.query(`GRANT EXECUTE ON FUNCTION access_log_head() TO outcomes_app`);
    await q.query(`
      CREATE FUNCTION access_log_reserve(p_count int) RETURNS TABLE (prev_hash text, seqs text[])
      LANGUAGE plpgsql SET search_path = public AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(815003);
        RETURN QUERY SELECT (SELECT h.hash FROM access_log_head() h),
          ARRAY(SELECT nextval('access_log_seq')::text FROM generate_series(1, p_count));
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION access_log_reserve(int) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION access_log_reserve(int) TO outcomes_app`);
    await q.query(`
      CREATE FUNCTION access_log_prune()
      RETURNS TABLE (removed bigint, anchor_seq bigint, anchor_hash text, cutoff timestamptz)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE v_cutoff timestamptz; v_first_kept bigint; v_seq bigint; v_hash text; v_removed bigint;
      BEGIN
        PERFORM pg_advisory_xact_lock(815004);
        SELECT now() - s.retention INTO v_cutoff FROM access_log_settings s WHERE s.id = 1;
        SELECT l.seq INTO v_first_kept FROM access_log l WHERE l.at >= v_cutoff ORDER BY l.seq LIMIT 1;
        SELECT l.seq, l.hash INTO v_seq, v_hash FROM access_log l
        WHERE l.at < v_cutoff AND (v_first_kept IS NULL OR l.seq < v_first_kept)
        ORDER BY l.seq DESC LIMIT 1;
        IF v_seq IS NULL THEN
          RETURN QUERY SELECT 0::bigint, NULL::bigint, NULL::text, v_cutoff;
          RETURN;
        END IF;
        INSERT INTO access_log_anchor AS a (id, seq, hash, pruned_at) VALUES (1, v_seq, v_hash, now())
        ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, pruned_at = EXCLUDED.pruned_at;
        DELETE FROM access_log l WHERE l.seq <= v_seq;
        GET DIAGNOSTICS v_removed = ROW_COUNT;
        RETURN QUERY SELECT v_removed, v_seq, v_hash, v_cutoff;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION access_log_prune() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION access_log_prune() TO outcomes_app`);
    await q.query(`
      CREATE OR REPLACE FUNCTION access_log_refuse_change() RETURNS trigger
      LANGUAGE plpgsql SET search_path = public AS $$
      DECLARE v_cutoff timestamptz; v_anchored bigint;
      BEGIN
        IF TG_OP = 'DELETE' THEN
          SELECT now() - s.retention INTO v_cutoff FROM access_log_settings s WHERE s.id = 1;
          SELECT a.seq INTO v_anchored FROM access_log_anchor a WHERE a.id = 1;
          IF OLD.at < v_cutoff AND OLD.seq <= v_anchored THEN
            RETURN OLD;
          END IF;
          RAISE EXCEPTION 'access_log is append-only: DELETE of seq % refused (only access_log_prune() removes rows, past the retention and under its anchor)', OLD.seq
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RAISE EXCEPTION 'access_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`DROP INDEX "public"."access_log_municipality_seq"`);
    await q.query(`DROP TABLE "access_log_chain_anchor"`);
    await q.query(`DROP TABLE "access_log_split"`);
  }
}
