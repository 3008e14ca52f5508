import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An uploaded file not imported within seven days is emptied (decision 165): its rows (names, CPR
 * numbers, notes, encrypted) were otherwise kept for good when nobody pressed "import". The job
 * stays, marked `expired`, with its counts and row-level results (row numbers, rules, ids: no
 * data), so the user's list still tells what happened. A file under a dry run or an import is left
 * alone. Run by the API's ten-minute purge (the exports' schedule), as the definer: the row-level
 * policies let the API's role see one municipality's imports at a time.
 */
export class ImportUploadsExpire1796541401501 implements MigrationInterface {
  name = 'ImportUploadsExpire1796541401501';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION purge_stale_imports() RETURNS int
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE purged int;
      BEGIN
        UPDATE import_job SET rows_encrypted = NULL, status = 'expired', finished_at = coalesce(finished_at, now())
        WHERE rows_encrypted IS NOT NULL AND status NOT IN ('checking', 'running') AND created_at < now() - interval '7 days';
        GET DIAGNOSTICS purged = ROW_COUNT;
        RETURN purged;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION purge_stale_imports() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION purge_stale_imports() TO outcomes_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS purge_stale_imports()`);
  }
}
