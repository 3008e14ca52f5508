import type { MigrationInterface, QueryRunner } from 'typeorm';

const REASONS_BEFORE = `'revoked', 'role-changed', 'deactivated'`;
const REASONS_AFTER = `'revoked', 'role-changed', 'deactivated', 'password-changed'`;

/**
 * A new password ends the user's personal API tokens (docs/decisions.md 157; issue 24's review): a
 * password reset is what an admin does when an account may be in someone else's hands, and a token
 * made in a stolen session would otherwise outlive the reset. The trigger api_token_end_with_user
 * (ApiTokensTenancy) now also fires on `password_hash`, whoever sets it (the admin's screen, the CLI,
 * SQL), with the reason `password-changed`; when a deactivation or a role change comes in the same
 * update, that reason wins (it says more).
 */
export class ApiTokenEndsWithPassword1796541401300 implements MigrationInterface {
  name = 'ApiTokenEndsWithPassword1796541401300';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_token DROP CONSTRAINT api_token_end_check`);
    await q.query(`ALTER TABLE api_token ADD CONSTRAINT api_token_end_check CHECK (("revoked_at" IS NULL) = ("end_reason" IS NULL) AND "end_reason" IN (${REASONS_AFTER}))`);
    await q.query(`DROP TRIGGER api_token_end_with_user ON app_user`);
    await q.query(`
      CREATE OR REPLACE FUNCTION api_token_end_with_user() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF NEW.role IS DISTINCT FROM OLD.role OR (OLD.active AND NOT NEW.active) OR NEW.password_hash IS DISTINCT FROM OLD.password_hash THEN
          UPDATE api_token
          SET revoked_at = now(),
              end_reason = CASE WHEN NOT NEW.active THEN 'deactivated'
                                WHEN NEW.role IS DISTINCT FROM OLD.role THEN 'role-changed'
                                ELSE 'password-changed' END,
              version = version + 1, updated_at = now()
          WHERE user_id = NEW.id AND revoked_at IS NULL;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION api_token_end_with_user() FROM PUBLIC`);
    await q.query(`CREATE TRIGGER api_token_end_with_user AFTER UPDATE OF role, active, password_hash ON app_user FOR EACH ROW EXECUTE FUNCTION api_token_end_with_user()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER api_token_end_with_user ON app_user`);
    await q.query(`
      CREATE OR REPLACE FUNCTION api_token_end_with_user() RETURNS trigger
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
    await q.query(`CREATE TRIGGER api_token_end_with_user AFTER UPDATE OF role, active ON app_user FOR EACH ROW EXECUTE FUNCTION api_token_end_with_user()`);
    // Tokens ended by a password keep their end as a plain revocation: the old check knows no other reason.
    await q.query(`ALTER TABLE api_token DROP CONSTRAINT api_token_end_check`);
    await q.query(`UPDATE api_token SET end_reason = 'revoked' WHERE end_reason = 'password-changed'`);
    await q.query(`ALTER TABLE api_token ADD CONSTRAINT api_token_end_check CHECK (("revoked_at" IS NULL) = ("end_reason" IS NULL) AND "end_reason" IN (${REASONS_BEFORE}))`);
  }
}
