import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the API's own database role may do to a token (decision 139; the session's attacker review).
 * The policies checked only whose token a row is, so the app role's SQL, with the user's own
 * settings, could have made a token with a scope the API never offers (a token that makes tokens or
 * sets passwords), dated it ahead to outlive the 366-day limit, or taken back an admin's revocation
 * (`revoked_at = NULL`). For the app role only (the definer functions run as the owner and pass): a
 * new token starts unrevoked, unused and made now, with no scope only a session may hold; the one
 * change of a stored token is its revocation, once.
 */
export class ApiTokenGuards1796541400901 implements MigrationInterface {
  name = 'ApiTokenGuards1796541400901';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION api_token_app_guard() RETURNS trigger LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
      BEGIN
        IF current_user <> 'outcomes_app' THEN RETURN NEW; END IF;
        IF TG_OP = 'INSERT' THEN
          IF NEW.revoked_at IS NOT NULL OR NEW.end_reason IS NOT NULL OR NEW.revoked_by_user_id IS NOT NULL OR NEW.last_used_at IS NOT NULL THEN
            RAISE EXCEPTION 'api_token: a token starts unrevoked and unused' USING ERRCODE = 'check_violation';
          END IF;
          IF NEW.scope && ARRAY[${SESSION_ONLY.map((entry) => `'${entry}'`).join(', ')}]::text[] THEN
            RAISE EXCEPTION 'api_token: a token may not carry what only a session may do' USING ERRCODE = 'check_violation';
          END IF;
          -- Made now: the expiry's limit (366 days after created_at) then counts from today.
          NEW.created_at := now();
          RETURN NEW;
        END IF;
        IF OLD.revoked_at IS NOT NULL OR NEW.revoked_at IS NULL THEN
          RAISE EXCEPTION 'api_token: the only change of a token is its revocation, once' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER api_token_app_guard BEFORE INSERT OR UPDATE ON api_token FOR EACH ROW EXECUTE FUNCTION api_token_app_guard()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS api_token_app_guard ON api_token`);
    await q.query(`DROP FUNCTION IF EXISTS api_token_app_guard()`);
  }
}

/** The token routes and what only a signed-in person may do (libs/contracts api-token.ts). */
const SESSION_ONLY = ['api-tokens:list', 'api-tokens:create', 'api-tokens:delete', 'users:create', 'users:update', 'users:delete', 'emergency-accesses:create', 'retention:create'];
