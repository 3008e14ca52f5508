import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The API role's failed statements are logged without their text (decision 187): the access log's
 * rows go to PostgreSQL inside the statement's text (decision 181), and since the append is
 * pipelined (decision 183) a refused prediction is a routine error of that statement. Under the
 * default `log_min_error_statement = error` each would write the rows' user and citizen ids, the
 * address and a change's JSON into the server's log. `panic` keeps the error line and drops the
 * statement, for the role's every new session.
 *
 * The parameter is a superuser's; an owner that is not one, and has not been granted SET on it
 * (PostgreSQL 15+), cannot change it: the migration then says so (a WARNING, in the server's log and
 * to the migrating client) and docs/deployment.md tells the operator to set it, rather than fail the
 * migration of a managed database.
 */
export class AppRoleErrorStatementsUnlogged1796541401900 implements MigrationInterface {
  name = 'AppRoleErrorStatementsUnlogged1796541401900';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      BEGIN
        IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) OR has_parameter_privilege('log_min_error_statement', 'SET') THEN
          ALTER ROLE outcomes_app SET log_min_error_statement = panic;
        ELSE
          RAISE WARNING 'outcomes_app: log_min_error_statement left as it is (not a superuser); set it to panic as docs/deployment.md says, or failed statements log access-log rows';
        END IF;
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      BEGIN
        IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) OR has_parameter_privilege('log_min_error_statement', 'SET') THEN
          ALTER ROLE outcomes_app RESET log_min_error_statement;
        END IF;
      END $$`);
  }
}
