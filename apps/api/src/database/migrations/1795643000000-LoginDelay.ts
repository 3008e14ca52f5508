import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The account lock-out (five wrong passwords locked the account for 15 minutes: anyone could lock any
 * colleague out) becomes a per-account delay (issue 17; OWASP's authentication cheat sheet): after n
 * failures in a row, the next attempt is answered only once min(2^(n-1), 10) seconds have passed since
 * the last one; earlier attempts are refused (429) without the password being looked at. A correct
 * password after the delay always signs in.
 *
 * - auth_login_admit decides, under the row's lock, whether an attempt is looked at, and counts it as a
 *   failure before the password is checked: of concurrent attempts only the first is looked at.
 * - auth_login_failed starts the delay again when the refusal is answered and records its time for
 *   the admin; auth_login_succeeded resets the count.
 * - E-mail addresses that name no account are counted the same way, by a keyed hash, in
 *   auth_unknown_login (only these functions reach it): otherwise the delay would tell an existing
 *   account from an unknown one. A series of failures more than 30 days after the previous attempt
 *   starts again at one, for both, so unknown rows can be pruned after 30 days without telling.
 * - locked_until is dropped: nothing sets or reads it any more.
 */
export class LoginDelay1795643000000 implements MigrationInterface {
  name = 'LoginDelay1795643000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION auth_user_by_email(text)`);
    await q.query(`DROP FUNCTION auth_login_failed(uuid, int, interval)`);
    await q.query(`DROP FUNCTION auth_login_succeeded(uuid)`);
    await q.query(`ALTER TABLE app_user DROP COLUMN locked_until`);
    // The old counter ran to five and back to zero; the new one starts clean.
    await q.query(`UPDATE app_user SET failed_logins = 0`);
    await q.query(`ALTER TABLE app_user ADD COLUMN last_failed_login_at timestamptz`);
    await q.query(`ALTER TABLE app_user ADD COLUMN login_attempt_at timestamptz`);
    await q.query(`
      CREATE TABLE auth_unknown_login (
        email_hash text PRIMARY KEY,
        failed_logins int NOT NULL DEFAULT 0,
        login_attempt_at timestamptz
      )`);
    await q.query(`CREATE INDEX auth_unknown_login_attempt ON auth_unknown_login (login_attempt_at)`);
    // outcomes_app has no privilege on the table: only the SECURITY DEFINER functions below reach it.
    await q.query(`REVOKE ALL ON auth_unknown_login FROM PUBLIC`);

    // Milliseconds until an attempt may be looked at, after n failures in a row, the last attempt at p_at.
    await q.query(`
      CREATE FUNCTION auth_login_wait_ms(p_failures int, p_at timestamptz) RETURNS int
      LANGUAGE sql STABLE SET search_path = public AS $$
        SELECT CASE
          WHEN p_failures <= 0 OR p_at IS NULL OR p_at < clock_timestamp() - interval '30 days' THEN 0
          ELSE greatest(0, ceil(extract(epoch FROM
                 p_at + make_interval(secs => least(power(2, least(p_failures, 5) - 1), 10)) - clock_timestamp()) * 1000))::int
        END
      $$`);
    await q.query(`
      CREATE FUNCTION auth_login_admit(p_email text, p_email_hash text)
      RETURNS TABLE (id uuid, role text, password_hash text, active boolean, retry_after_ms int)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      #variable_conflict use_column
      DECLARE
        u app_user%ROWTYPE;
        n int;
        last_at timestamptz;
        wait_ms int;
      BEGIN
        SELECT * INTO u FROM app_user a WHERE lower(a.email) = lower(p_email) FOR UPDATE;
        IF FOUND THEN
          n := u.failed_logins;
          last_at := u.login_attempt_at;
        ELSE
          IF random() < 0.01 THEN
            DELETE FROM auth_unknown_login l WHERE l.login_attempt_at < clock_timestamp() - interval '30 days';
          END IF;
          INSERT INTO auth_unknown_login (email_hash) VALUES (p_email_hash) ON CONFLICT (email_hash) DO NOTHING;
          SELECT l.failed_logins, l.login_attempt_at INTO n, last_at FROM auth_unknown_login l WHERE l.email_hash = p_email_hash FOR UPDATE;
        END IF;
        wait_ms := auth_login_wait_ms(n, last_at);
        IF wait_ms = 0 THEN
          -- Counted before the password is checked: a concurrent attempt now waits its turn.
          n := CASE WHEN last_at IS NULL OR last_at < clock_timestamp() - interval '30 days' THEN 0 ELSE n END + 1;
          IF u.id IS NOT NULL THEN
            UPDATE app_user a SET failed_logins = n, login_attempt_at = clock_timestamp() WHERE a.id = u.id;
          ELSE
            UPDATE auth_unknown_login l SET failed_logins = n, login_attempt_at = clock_timestamp() WHERE l.email_hash = p_email_hash;
          END IF;
        END IF;
        RETURN QUERY SELECT u.id, u.role::text, CASE WHEN wait_ms = 0 THEN u.password_hash END, u.active, wait_ms;
      END $$`);
    // A refused attempt (wrong password, unknown e-mail, deactivated account): the delay runs from now.
    await q.query(`
      CREATE FUNCTION auth_login_failed(p_id uuid, p_email_hash text) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        IF p_id IS NOT NULL THEN
          UPDATE app_user SET login_attempt_at = clock_timestamp(), last_failed_login_at = clock_timestamp() WHERE id = p_id;
        ELSE
          UPDATE auth_unknown_login SET login_attempt_at = clock_timestamp() WHERE email_hash = p_email_hash;
        END IF;
      END $$`);
    await q.query(`
      CREATE FUNCTION auth_login_succeeded(p_id uuid) RETURNS void
      LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
        UPDATE app_user SET failed_logins = 0, last_login_at = now() WHERE id = p_id
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION auth_login_wait_ms(int, timestamptz) FROM PUBLIC`);
    for (const fn of ['auth_login_admit(text, text)', 'auth_login_failed(uuid, text)', 'auth_login_succeeded(uuid)']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO outcomes_app`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const fn of ['auth_login_succeeded(uuid)', 'auth_login_failed(uuid, text)', 'auth_login_admit(text, text)', 'auth_login_wait_ms(int, timestamptz)']) {
      await q.query(`DROP FUNCTION IF EXISTS ${fn}`);
    }
    await q.query(`DROP TABLE IF EXISTS auth_unknown_login`);
    await q.query(`ALTER TABLE app_user DROP COLUMN login_attempt_at`);
    await q.query(`ALTER TABLE app_user DROP COLUMN last_failed_login_at`);
    await q.query(`ALTER TABLE app_user ADD COLUMN locked_until timestamptz`);
    await q.query(`
      CREATE FUNCTION auth_user_by_email(p_email text)
      RETURNS TABLE (id uuid, municipality_id uuid, role text, password_hash text, active boolean,
                     token_version int, locked_until timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT id, municipality_id, role, password_hash, active, token_version, locked_until
        FROM app_user WHERE lower(email) = lower(p_email)
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
    for (const fn of ['auth_user_by_email(text)', 'auth_login_failed(uuid, int, interval)', 'auth_login_succeeded(uuid)']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO outcomes_app`);
    }
  }
}
