import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Anchoring and pruning cover every chain the access log holds (decision 172), not only the chains of
 * the municipalities that still exist.
 *
 * access_log_heads() and access_log_prune() (migration AccessLogChains) listed the chains from the
 * `municipality` table. The log has no foreign key to it, on purpose: the log outlives what it names.
 * So a municipality removed after rows of its chain were written (by the operator, once nothing with
 * a foreign key names it any longer, or by the database owner, or absent from a partial restore) left
 * a chain that was never anchored again (a cut tail of it would not show against the anchors) and
 * never pruned (its rows stayed past the retention). The chains are now read from the log itself:
 * every distinct municipality_id (a loose index scan of access_log_municipality_seq, one probe per
 * chain, not a scan of the log), every chain with a retention anchor (a chain pruned to nothing keeps
 * its head there), and 'national' (the rows without a municipality) always.
 */
export class AccessLogEveryChain1796541401701 implements MigrationInterface {
  name = 'AccessLogEveryChain1796541401701';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION access_log_chains() RETURNS SETOF text
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH RECURSIVE ids(id) AS (
          (SELECT l.municipality_id FROM access_log l WHERE l.municipality_id IS NOT NULL ORDER BY l.municipality_id LIMIT 1)
          UNION ALL
          SELECT (SELECT l.municipality_id FROM access_log l WHERE l.municipality_id > ids.id ORDER BY l.municipality_id LIMIT 1)
          FROM ids WHERE ids.id IS NOT NULL
        )
        SELECT 'national'
        UNION SELECT ids.id::text FROM ids WHERE ids.id IS NOT NULL
        UNION SELECT a.chain::text FROM access_log_chain_anchor a
      $$`);
    // Called by the two definer functions only: the API's role needs no right to it.
    await q.query(`REVOKE ALL ON FUNCTION access_log_chains() FROM PUBLIC`);
    await q.query(heads(`SELECT c FROM access_log_chains() c`));
    await q.query(prune(`SELECT c FROM access_log_chains() c`));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(heads(`SELECT 'national' UNION ALL SELECT m.id::text FROM municipality m`));
    await q.query(prune(`SELECT 'national' UNION ALL SELECT m.id::text FROM municipality m`));
    await q.query(`DROP FUNCTION access_log_chains()`);
  }
}

/** access_log_heads() over the chains `chains` lists (besides 'legacy'). */
function heads(chains: string): string {
  return `
      CREATE OR REPLACE FUNCTION access_log_heads() RETURNS TABLE (chain text, seq bigint, hash text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT c.chain, h.seq, h.hash FROM (
          SELECT 'legacy'::text AS chain UNION SELECT x.c FROM (${chains}) x(c)
        ) c CROSS JOIN LATERAL access_log_chain_head(c.chain) h
        WHERE h.seq > 0 OR c.chain = 'national'
        ORDER BY h.seq, c.chain
      $$`;
}

/** access_log_prune() (as migration AccessLogChains wrote it) over the chains `chains` lists. */
function prune(chains: string): string {
  return `
      CREATE OR REPLACE FUNCTION access_log_prune()
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
        FOR v_chain IN ${chains} LOOP
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
      END $$`;
}
