import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenant isolation and the append-only access log, in the database itself.
 *
 * - `outcomes_app` is the role the API runs as: it owns nothing, has no BYPASSRLS, and gets only the
 *   privileges granted here. The migration runner (the owner) keeps full rights.
 * - Row-level security (ENABLE and FORCE) on every table with personal data: a row is visible to
 *   `outcomes_app` only when its municipality is the one the request's transaction set with
 *   set_config('app.municipality_id', …, true). A query that forgets the tenant sees no rows.
 * - Login and session checks happen before a tenant is known: SECURITY DEFINER functions, owned by
 *   the owner, expose exactly the columns they need.
 * - access_log: INSERT and SELECT only for the API; triggers refuse UPDATE, DELETE and TRUNCATE,
 *   except the retention function's own deletions of rows older than the retention period.
 */
export class TenantIsolation1795610900000 implements MigrationInterface {
  name = 'TenantIsolation1795610900000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'outcomes_app') THEN
          CREATE ROLE outcomes_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
        END IF;
      END $$`);
    await q.query(`REVOKE ALL ON SCHEMA public FROM PUBLIC`);
    await q.query(`GRANT USAGE ON SCHEMA public TO outcomes_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON municipality, centre, programme, app_user TO outcomes_app`);
    await q.query(`GRANT SELECT ON seed_run TO outcomes_app`);
    await q.query(`GRANT SELECT, INSERT ON access_log TO outcomes_app`);
    await q.query(`GRANT SELECT ON access_log_anchor TO outcomes_app`);

    // The request's tenant, as the API's transaction set it (NULL when unset: then nothing matches).
    await q.query(`
      CREATE FUNCTION app_municipality_id() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT nullif(current_setting('app.municipality_id', true), '')::uuid $$`);
    await q.query(`
      CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$`);

    // Users: each municipality sees and manages its own.
    await q.query(`CREATE UNIQUE INDEX app_user_email_unique ON app_user (lower(email))`);
    await q.query(`ALTER TABLE app_user ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE app_user FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY tenant_isolation ON app_user TO outcomes_app
      USING (municipality_id = app_municipality_id()) WITH CHECK (municipality_id = app_municipality_id())`);

    // Centres: reference data everyone may read; only the centre's municipality may change it.
    await q.query(`ALTER TABLE centre ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE centre FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY read_all ON centre FOR SELECT TO outcomes_app USING (true)`);
    await q.query(`
      CREATE POLICY tenant_insert ON centre FOR INSERT TO outcomes_app WITH CHECK (municipality_id = app_municipality_id())`);
    await q.query(`
      CREATE POLICY tenant_update ON centre FOR UPDATE TO outcomes_app
      USING (municipality_id = app_municipality_id()) WITH CHECK (municipality_id = app_municipality_id())`);
    await q.query(`CREATE POLICY tenant_delete ON centre FOR DELETE TO outcomes_app USING (municipality_id = app_municipality_id())`);

    // The access log: each municipality reads its own rows; rows are written for the own municipality only.
    await q.query(`ALTER TABLE access_log ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE access_log FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY tenant_isolation ON access_log TO outcomes_app
      USING (municipality_id = app_municipality_id()) WITH CHECK (municipality_id = app_municipality_id())`);

    // The owner (migrations, SECURITY DEFINER functions, retention, verification) sees every row.
    await q.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY owner_all ON app_user TO %I USING (true) WITH CHECK (true)', current_user);
        EXECUTE format('CREATE POLICY owner_all ON centre TO %I USING (true) WITH CHECK (true)', current_user);
        EXECUTE format('CREATE POLICY owner_all ON access_log TO %I USING (true) WITH CHECK (true)', current_user);
      END $$`);

    await q.query(`
      CREATE FUNCTION access_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND current_setting('app.access_log_retention', true) = 'on' THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'access_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
      FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change()`);
    await q.query(`
      CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
      FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change()`);
    await q.query(`
      CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
      FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change()`);

    // The chain's head across all municipalities (the API's own role sees only its tenant's rows).
    await q.query(`
      CREATE FUNCTION access_log_head() RETURNS TABLE (seq bigint, hash text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT seq, hash FROM (
          SELECT l.seq, l.hash::text FROM access_log l ORDER BY l.seq DESC LIMIT 1
        ) last
        UNION ALL
        SELECT a.seq, a.hash::text FROM access_log_anchor a
        WHERE NOT EXISTS (SELECT 1 FROM access_log)
        LIMIT 1
      $$`);
    // Every row, for verification of the whole chain (the verdict leaves the API, the rows do not).
    await q.query(`
      CREATE FUNCTION access_log_rows(p_after bigint, p_limit int)
      RETURNS SETOF access_log LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT * FROM access_log WHERE seq > p_after ORDER BY seq LIMIT p_limit
      $$`);
    await q.query(`CREATE SEQUENCE access_log_seq OWNED BY access_log.seq`);
    await q.query(`GRANT USAGE ON SEQUENCE access_log_seq TO outcomes_app`);

    // Retention: removes rows older than the cut-off and moves the anchor to the last removed row,
    // so verification of what remains starts from a known hash.
    await q.query(`
      CREATE FUNCTION access_log_prune(p_before timestamptz) RETURNS bigint
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE last_seq bigint; last_hash text; removed bigint;
      BEGIN
        PERFORM pg_advisory_xact_lock(815002);
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

    // Authentication before a tenant is known.
    await q.query(`
      CREATE FUNCTION auth_user_by_email(p_email text)
      RETURNS TABLE (id uuid, municipality_id uuid, role text, password_hash text, active boolean,
                     token_version int, locked_until timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT id, municipality_id, role, password_hash, active, token_version, locked_until
        FROM app_user WHERE lower(email) = lower(p_email)
      $$`);
    await q.query(`
      CREATE FUNCTION auth_session(p_id uuid)
      RETURNS TABLE (id uuid, email text, display_name text, municipality_id uuid, municipality_name text,
                     role text, active boolean, token_version int, granted_municipality_ids uuid[])
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT u.id, u.email, u.display_name, u.municipality_id, m.name, u.role, u.active, u.token_version,
               u.granted_municipality_ids
        FROM app_user u JOIN municipality m ON m.id = u.municipality_id WHERE u.id = p_id
      $$`);
    await q.query(`
      CREATE FUNCTION auth_login_failed(p_id uuid, p_max int, p_lock interval) RETURNS void
      LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
        UPDATE app_user SET
          failed_logins = CASE WHEN failed_logins + 1 >= p_max THEN 0 ELSE failed_logins + 1 END,
          locked_until = CASE WHEN failed_logins + 1 >= p_max THEN now() + p_lock ELSE locked_until END
        WHERE id = p_id
      $$`);
    await q.query(`
      CREATE FUNCTION auth_login_succeeded(p_id uuid) RETURNS void
      LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
        UPDATE app_user SET failed_logins = 0, locked_until = NULL, last_login_at = now() WHERE id = p_id
      $$`);
    await q.query(`
      CREATE FUNCTION auth_end_sessions(p_id uuid) RETURNS void
      LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
        UPDATE app_user SET token_version = token_version + 1 WHERE id = p_id
      $$`);
    for (const fn of [
      'auth_user_by_email(text)',
      'auth_session(uuid)',
      'auth_login_failed(uuid, int, interval)',
      'auth_login_succeeded(uuid)',
      'auth_end_sessions(uuid)',
      'access_log_head()',
      'access_log_rows(bigint, int)',
    ]) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO outcomes_app`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const fn of [
      'auth_end_sessions(uuid)',
      'auth_login_succeeded(uuid)',
      'auth_login_failed(uuid, int, interval)',
      'auth_session(uuid)',
      'auth_user_by_email(text)',
      'access_log_prune(timestamptz)',
      'access_log_rows(bigint, int)',
      'access_log_head()',
    ]) {
      await q.query(`DROP FUNCTION IF EXISTS ${fn}`);
    }
    await q.query(`DROP SEQUENCE IF EXISTS access_log_seq`);
    await q.query(`DROP TRIGGER IF EXISTS access_log_no_truncate ON access_log`);
    await q.query(`DROP TRIGGER IF EXISTS access_log_no_delete ON access_log`);
    await q.query(`DROP TRIGGER IF EXISTS access_log_no_update ON access_log`);
    await q.query(`DROP FUNCTION IF EXISTS access_log_refuse_change()`);
    for (const table of ['access_log', 'centre', 'app_user']) {
      await q.query(`DROP POLICY IF EXISTS owner_all ON ${table}`);
      await q.query(`DROP POLICY IF EXISTS tenant_isolation ON ${table}`);
      await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    for (const policy of ['read_all', 'tenant_insert', 'tenant_update', 'tenant_delete']) {
      await q.query(`DROP POLICY IF EXISTS ${policy} ON centre`);
    }
    await q.query(`DROP INDEX IF EXISTS app_user_email_unique`);
    await q.query(`DROP FUNCTION IF EXISTS app_user_id()`);
    await q.query(`DROP FUNCTION IF EXISTS app_municipality_id()`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM outcomes_app`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM outcomes_app`);
    await q.query(`GRANT USAGE ON SCHEMA public TO PUBLIC`);
  }
}
