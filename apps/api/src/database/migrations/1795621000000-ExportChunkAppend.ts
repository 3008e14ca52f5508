import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The export file's chunks belong to the evaluator's own municipality, but they are written while
 * the job's transaction reads another municipality of the project (the tenant setting has moved
 * there, so RLS would refuse the row). This function appends a chunk for the job's own
 * municipality, and only for a job the calling user requested.
 */
export class ExportChunkAppend1795621000000 implements MigrationInterface {
  name = 'ExportChunkAppend1795621000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION export_chunk_append(p_job uuid, p_seq int, p_data bytea) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE owner_municipality uuid;
      BEGIN
        SELECT municipality_id INTO owner_municipality FROM export_job
        WHERE id = p_job AND requested_by = nullif(current_setting('app.user_id', true), '')::uuid AND status = 'running';
        IF owner_municipality IS NULL THEN
          RAISE EXCEPTION 'export job % is not a running job of this user', p_job USING ERRCODE = '42501';
        END IF;
        INSERT INTO export_file_chunk (job_id, seq, municipality_id, data) VALUES (p_job, p_seq, owner_municipality, p_data);
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION export_chunk_append(uuid, int, bytea) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION export_chunk_append(uuid, int, bytea) TO outcomes_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS export_chunk_append(uuid, int, bytea)`);
  }
}
