import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who may see and revoke a token: its own user, and an admin of the token's municipality. */
const OWN_OR_ADMIN = `(user_id = app_user_id() OR (app_role() = 'admin' AND municipality_id = app_municipality_id()))`;

/**
 * Personal API tokens (issue 24; docs/decisions.md 137-141), held in the database:
 *
 * - `api_token` under row-level security: a user reads their own tokens, an admin also those of their
 *   municipality's users; a token is made only by its own user, in their own municipality (null for the
 *   operator) and role; revocation is an UPDATE of the revocation columns only; never deleted.
 * - `auth_api_token(hash)` (SECURITY DEFINER): runs before the tenant is known, like auth_session; it
 *   answers the token with that SHA-256 and records its last use, at most once a minute per token.
 * - `api_token_end_with_user` (trigger on app_user): a token ends when its user changes role or is
 *   deactivated, whoever does it (the admin's screen, the CLI, SQL); the API also compares the role
 *   stored with the token to the user's current one, so a token can never outlive a role.
 */
export class ApiTokensTenancy1796541400301 implements MigrationInterface {
  name = 'ApiTokensTenancy1796541400301';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT SELECT, INSERT ON api_token TO outcomes_app`);
    await q.query(`GRANT UPDATE (revoked_at, revoked_by_user_id, end_reason, version, updated_at) ON api_token TO outcomes_app`);
    await q.query(`ALTER TABLE api_token ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE api_token FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY own_or_admin_read ON api_token FOR SELECT TO outcomes_app USING ${OWN_OR_ADMIN}`);
    await q.query(`
      CREATE POLICY own_insert ON api_token FOR INSERT TO outcomes_app
      WITH CHECK (user_id = app_user_id() AND municipality_id IS NOT DISTINCT FROM app_municipality_id() AND role = app_role())`);
    await q.query(`CREATE POLICY own_or_admin_revoke ON api_token FOR UPDATE TO outcomes_app USING ${OWN_OR_ADMIN} WITH CHECK ${OWN_OR_ADMIN}`);
    await q.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY owner_all ON api_token TO %I USING (true) WITH CHECK (true)', current_user);
      END $$`);

    // The data-modifying CTE runs whether or not the SELECT reads it; the SELECT sees the row as it was.
    await q.query(`
      CREATE FUNCTION auth_api_token(p_hash text)
      RETURNS TABLE (id uuid, user_id uuid, scope text[], role text, expires_at timestamptz, revoked_at timestamptz, end_reason text)
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH used AS (
          UPDATE api_token t SET last_used_at = now()
          WHERE t.secret_hash = p_hash AND t.revoked_at IS NULL AND t.expires_at > now()
            AND (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute')
          RETURNING t.id
        )
        SELECT t.id, t.user_id, t.scope, t.role, t.expires_at, t.revoked_at, t.end_reason FROM api_token t WHERE t.secret_hash = p_hash
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION auth_api_token(text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION auth_api_token(text) TO outcomes_app`);

    await q.query(`
      CREATE FUNCTION api_token_end_with_user() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF NEW.role IS DISTINCT FROM OLD.role OR (OLD.active AND NOT NEW.active) THEN
          UPDATE api_token
          SET revoked_at = now(), end_reason = CASE WHEN NOT NEW.active THEN 'deactivated' ELSE 'role-changed' END,
              version = version + 1, updated_at = now()
          WHERE user_id = NEW.id AND revoked_at IS NULL;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION api_token_end_with_user() FROM PUBLIC`);
    await q.query(`CREATE TRIGGER api_token_end_with_user AFTER UPDATE OF role, active ON app_user FOR EACH ROW EXECUTE FUNCTION api_token_end_with_user()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS api_token_end_with_user ON app_user`);
    await q.query(`DROP FUNCTION IF EXISTS api_token_end_with_user()`);
    await q.query(`DROP FUNCTION IF EXISTS auth_api_token(text)`);
    for (const policy of ['owner_all', 'own_or_admin_revoke', 'own_insert', 'own_or_admin_read']) {
      await q.query(`DROP POLICY IF EXISTS ${policy} ON api_token`);
    }
    await q.query(`ALTER TABLE api_token NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE api_token DISABLE ROW LEVEL SECURITY`);
    await q.query(`REVOKE ALL ON api_token FROM outcomes_app`);
  }
}
