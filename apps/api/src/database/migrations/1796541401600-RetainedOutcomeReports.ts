import { MigrationInterface, QueryRunner } from "typeorm";

export class RetainedOutcomeReports1796541401600 implements MigrationInterface {
    name = 'RetainedOutcomeReports1796541401600'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "retained_outcome_report" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "municipality_id" uuid NOT NULL,
                "programme_id" uuid NOT NULL,
                "year" integer NOT NULL,
                "kept_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "retention_run_id" uuid NOT NULL,
                "report" jsonb NOT NULL,
                CONSTRAINT "retained_outcome_report_year_check" CHECK ("year" BETWEEN 1900 AND 2999),
                CONSTRAINT "PK_0d122ee41fe9c0fd60a1a674a92" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "retained_outcome_report_year" ON "retained_outcome_report" ("municipality_id", "programme_id", "year")
        `);
        await queryRunner.query(`
            ALTER TABLE "retained_outcome_report"
            ADD CONSTRAINT "FK_7b12869cbd61ba6dfaad0a59162" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "retained_outcome_report"
            ADD CONSTRAINT "FK_3f8690b19568c0363964881b8c6" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "retained_outcome_report"
            ADD CONSTRAINT "FK_fd8947be718ccb503958b6ff9c4" FOREIGN KEY ("retention_run_id") REFERENCES "retention_run"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "retained_outcome_report" DROP CONSTRAINT "FK_fd8947be718ccb503958b6ff9c4"
        `);
        await queryRunner.query(`
            ALTER TABLE "retained_outcome_report" DROP CONSTRAINT "FK_3f8690b19568c0363964881b8c6"
        `);
        await queryRunner.query(`
            ALTER TABLE "retained_outcome_report" DROP CONSTRAINT "FK_7b12869cbd61ba6dfaad0a59162"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."retained_outcome_report_year"
        `);
        await queryRunner.query(`
            DROP TABLE "retained_outcome_report"
        `);
    }

}
