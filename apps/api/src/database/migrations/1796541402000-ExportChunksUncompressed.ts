import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An export file's chunks are stored out of line without compression (decision 193). PostgreSQL
 * compressed each 48 KiB chunk with pglz as the job's transaction inserted it: measured on the
 * bench's 70,000-row export (386 chunks, 18 MB of CSV), inserting them took 270-283 ms compressed
 * against 129-134 ms uncompressed, on the database's core while the export's worker waited for each
 * chunk to be stored. The price is space for the hours a file is kept (EXPORT_RETENTION_HOURS): 19 MB
 * instead of 6.4 MB for that file, and as much more WAL. lz4, which would have cost less time, is
 * not built into every PostgreSQL this runs on (the embedded one has no lz4). Rows written before
 * keep their compression; new ones are stored plain.
 */
export class ExportChunksUncompressed1796541402000 implements MigrationInterface {
  name = 'ExportChunksUncompressed1796541402000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE export_file_chunk ALTER COLUMN data SET STORAGE EXTERNAL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE export_file_chunk ALTER COLUMN data SET STORAGE EXTENDED`);
  }
}
