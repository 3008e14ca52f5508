import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention that no session can open, and row hashes for the anchor check.
 *
 * Before: the guard trigger let any DELETE through once the session had run
 * `set_config('app.access_log_retention', 'on', true)`, and `access_log_prune(p_before)` let its
 * caller (the API's role) choose the cut-off, so `access_log_prune(now())` emptied the log.
 *
 * Now:
 * - The retention lives in `access_log_settings`, a table only the owner can read or write (set
 *   from AUDIT_RETENTION_DAYS by the owner's start-up or `cli.js migrate`, never by the API's role).
 * - The trigger lets a DELETE through only for a row that is older than that retention AND covered
 *   by the retention anchor (`access_log_anchor.seq`), which `access_log_prune()` moves first. No
 *   session setting, role or depth is consulted: there is nothing a session can switch on.
 * - `access_log_prune()` takes no argument: it removes the oldest rows, as one prefix of the chain,
 *   up to the last row older than the retention, and answers what it removed (the new anchor's seq
 *   and hash, the cut-off) so that the API signs that anchor into the anchor sink before it commits.
 *
 * Why this holds against the API's role (outcomes_app): it has no DELETE, UPDATE or TRUNCATE
 * privilege on access_log, and no privilege at all on access_log_settings or to write
 * access_log_anchor; the one door, access_log_prune(), decides the cut-off itself.
 *
 * What it does not do: stop the owner (or a superuser). The owner can change the settings, move the
 * anchor, disable the trigger. That is detected outside the database instead: the API's signed
 * anchors name the chain's head every minute (a cut tail or a rewritten chain shows), and every
 * prune is signed by the API, so a retention anchor the API did not sign, or a cut-off younger than
 * AUDIT_RETENTION_DAYS, shows in `cli.js audit-verify`.
 */
export class AccessLogRetentionLock1795641000000 implements MigrationInterface {
  name = 'AccessLogRetentionLock1795641000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE access_log_settings (
        id int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        retention interval NOT NULL CHECK (retention >= interval '1 day'),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO access_log_settings (id, retention) VALUES (1, interval '183 days')`);
    await q.query(`REVOKE ALL ON access_log_settings FROM PUBLIC`);

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

    await q.query(`DROP FUNCTION access_log_prune(timestamptz)`);
    await q.query(`
      CREATE FUNCTION access_log_prune()
      RETURNS TABLE (removed bigint, anchor_seq bigint, anchor_hash text, cutoff timestamptz)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE v_cutoff timestamptz; v_first_kept bigint; v_seq bigint; v_hash text; v_removed bigint;
      BEGIN
        -- One prune at a time, across replicas: the anchor only ever moves forward.
        PERFORM pg_advisory_xact_lock(815004);
        SELECT now() - s.retention INTO v_cutoff FROM access_log_settings s WHERE s.id = 1;
        -- A prefix of the chain: stop at the first row inside the retention, even if a later row
        -- (another replica's clock) is older; walks the primary key from the oldest row.
        SELECT l.seq INTO v_first_kept FROM access_log l WHERE l.at >= v_cutoff ORDER BY l.seq LIMIT 1;
        SELECT l.seq, l.hash INTO v_seq, v_hash FROM access_log l
        WHERE l.at < v_cutoff AND (v_first_kept IS NULL OR l.seq < v_first_kept)
        ORDER BY l.seq DESC LIMIT 1;
        IF v_seq IS NULL THEN
          RETURN QUERY SELECT 0::bigint, NULL::bigint, NULL::text, v_cutoff;
          RETURN;
        END IF;
        -- The anchor first: the trigger lets through only rows it covers.
        INSERT INTO access_log_anchor AS a (id, seq, hash, pruned_at) VALUES (1, v_seq, v_hash, now())
        ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, pruned_at = EXCLUDED.pruned_at;
        DELETE FROM access_log l WHERE l.seq <= v_seq;
        GET DIAGNOSTICS v_removed = ROW_COUNT;
        RETURN QUERY SELECT v_removed, v_seq, v_hash, v_cutoff;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION access_log_prune() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION access_log_prune() TO outcomes_app`);

    // The stored hashes of the rows that anchors name, across municipalities (a hash is no personal data).
    await q.query(`
      CREATE FUNCTION access_log_hashes(p_seqs bigint[]) RETURNS TABLE (seq bigint, hash text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT l.seq, l.hash::text FROM access_log l WHERE l.seq = ANY(p_seqs)
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION access_log_hashes(bigint[]) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION access_log_hashes(bigint[]) TO outcomes_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS access_log_hashes(bigint[])`);
    await q.query(`DROP FUNCTION IF EXISTS access_log_prune()`);
    await q.query(`
      CREATE FUNCTION access_log_prune(p_before timestamptz) RETURNS bigint
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE last_seq bigint; last_hash text; removed bigint;
      BEGIN
        SELECT seq, hash INTO last_seq, last_hash FROM access_log WHERE at < p_before ORDER BY seq DESC LIMIT 1;
        IF last_seq IS NULL THEN RETURN 0; END IF;
        PERFORM set_config('app.access_log_retention', 'on', true);
        DELETE FROM access_log WHERE seq <= last_seq;
        GET DIAGNOSTICS removed = ROW_COUNT;
        PERFORM set_config('app.access_log_retention', 'off', true);
        INSERT INTO access_log_anchor (id, seq, hash, pruned_at) VALUES (1, last_seq, last_hash, now())
        ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, pruned_at = EXCLUDED.pruned_at;
        RETURN removed;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION access_log_prune(timestamptz) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION access_log_prune(timestamptz) TO outcomes_app`);
    await q.query(`
      CREATE OR REPLACE FUNCTION access_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND current_setting('app.access_log_retention', true) = 'on' THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'access_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`DROP TABLE IF EXISTS access_log_settings`);
  }
}
