import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Disclosure control of the outcome report (issue 18, docs/disclosure.md):
 *
 * - enrolment.record_key: the cell key method's secret record key, uniform in [0, 1). random() is
 *   volatile, so PostgreSQL draws it for each existing row as the column is added, and for each new
 *   row as it is inserted.
 * - report_query: an evaluator's distinct report queries per Danish day, for the daily budget.
 * - published_result says when its figure was measured as the source says it (months after the start
 *   or the end) instead of as one of our timepoints, and may count those assessed. MOVE's 50 % is nine
 *   months after the start, of all who started; HCS's 34.1 % is at the end, of those who completed.
 */
export class DisclosureControl1795650000000 implements MigrationInterface {
  name = 'DisclosureControl1795650000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "enrolment" ADD "record_key" double precision NOT NULL DEFAULT random()`);

    await q.query(`
      CREATE TABLE "report_query" (
        "user_id" uuid NOT NULL,
        "day" date NOT NULL,
        "query_hash" character varying(64) NOT NULL,
        "municipality_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_1ed30d8190e66cdbbe7704ab659" PRIMARY KEY ("user_id", "day", "query_hash")
      )`);
    await q.query(`
      ALTER TABLE "report_query" ADD CONSTRAINT "FK_e0e7c35724b7cfe7d91f2ae3064"
      FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`
      ALTER TABLE "report_query" ADD CONSTRAINT "FK_fe6a7a80f6b905064c3aa3de8b0"
      FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

    await q.query(`ALTER TABLE "published_result" ADD "published_months" integer`);
    await q.query(`ALTER TABLE "published_result" ADD "published_from" text`);
    await q.query(`UPDATE "published_result" SET "published_months" = 9, "published_from" = 'start', "population" = 'all' WHERE "programme_code" = 'MOVE'`);
    await q.query(`UPDATE "published_result" SET "published_months" = 0, "published_from" = 'end', "population" = 'completers' WHERE "programme_code" = 'HCS'`);
    // Any other row (none is known) keeps its old timepoint's meaning, counted from the end.
    await q.query(`
      UPDATE "published_result" SET "published_from" = 'end',
        "published_months" = CASE "timepoint" WHEN 'follow-up-3' THEN 3 WHEN 'follow-up-6' THEN 6 WHEN 'follow-up-9' THEN 9 WHEN 'follow-up-12' THEN 12 ELSE 0 END
      WHERE "published_from" IS NULL`);
    await q.query(`ALTER TABLE "published_result" ALTER COLUMN "published_months" SET NOT NULL`);
    await q.query(`ALTER TABLE "published_result" ALTER COLUMN "published_from" SET NOT NULL`);
    await q.query(`ALTER TABLE "published_result" DROP COLUMN "timepoint"`);
    await q.query(`
      ALTER TABLE "published_result" ADD CONSTRAINT "published_result_from_check"
      CHECK ("published_from" IN ('start', 'end') AND "published_months" >= 0)`);
    await q.query(`
      ALTER TABLE "published_result" ADD CONSTRAINT "published_result_population_check"
      CHECK ("population" IN ('all', 'completers', 'assessed'))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "published_result" DROP CONSTRAINT "published_result_population_check"`);
    await q.query(`ALTER TABLE "published_result" DROP CONSTRAINT "published_result_from_check"`);
    await q.query(`ALTER TABLE "published_result" ADD "timepoint" character varying(20)`);
    await q.query(`
      UPDATE "published_result" SET "timepoint" = CASE
        WHEN "programme_code" = 'MOVE' THEN 'follow-up-6'
        WHEN "published_from" = 'end' AND "published_months" IN (3, 6, 9, 12) THEN 'follow-up-' || "published_months"
        ELSE 'end' END`);
    await q.query(`UPDATE "published_result" SET "population" = 'all' WHERE "population" = 'assessed'`);
    await q.query(`ALTER TABLE "published_result" ALTER COLUMN "timepoint" SET NOT NULL`);
    await q.query(`ALTER TABLE "published_result" DROP COLUMN "published_from"`);
    await q.query(`ALTER TABLE "published_result" DROP COLUMN "published_months"`);
    await q.query(`DROP TABLE "report_query"`);
    await q.query(`ALTER TABLE "enrolment" DROP COLUMN "record_key"`);
  }
}
