import type { MigrationInterface, QueryRunner } from "typeorm";

export class Exports1795619300330 implements MigrationInterface {
    name = 'Exports1795619300330'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "export_project" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "evaluator_id" uuid NOT NULL,
                "name" text NOT NULL,
                "purpose" text NOT NULL,
                "municipality_ids" uuid array NOT NULL,
                "programme_ids" uuid array NOT NULL,
                "period_from" date NOT NULL,
                "period_to" date NOT NULL,
                "pseudonym_key_encrypted" text NOT NULL,
                CONSTRAINT "export_project_period_check" CHECK ("period_to" >= "period_from"),
                CONSTRAINT "PK_3e80ff4af60b791e8971038b109" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_20924cb1c8d4f36e06c6d8351f" ON "export_project" ("evaluator_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "export_job" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "municipality_id" uuid NOT NULL,
                "project_id" uuid NOT NULL,
                "requested_by" uuid NOT NULL,
                "dataset" character varying(20) NOT NULL,
                "format" character varying(10) NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'queued',
                "progress" integer NOT NULL DEFAULT '0',
                "row_count" integer,
                "byte_size" bigint,
                "error" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "started_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                "expires_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "export_job_progress_check" CHECK (
                    "progress" BETWEEN 0 AND 100
                ),
                CONSTRAINT "export_job_status_check" CHECK (
                    "status" IN ('queued', 'running', 'done', 'failed', 'expired')
                ),
                CONSTRAINT "PK_2edcb6f1780d22e5a9f2f29f466" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_25eed7f786557d01e5fd8a3a60" ON "export_job" ("project_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "export_job_one_running_per_project" ON "export_job" ("project_id")
            WHERE "status" IN ('queued', 'running')
        `);
        await queryRunner.query(`
            CREATE TABLE "export_file_chunk" (
                "job_id" uuid NOT NULL,
                "seq" integer NOT NULL,
                "municipality_id" uuid NOT NULL,
                "data" bytea NOT NULL,
                CONSTRAINT "PK_dfc7f6d6fa7e4fbbd9609ddd328" PRIMARY KEY ("job_id", "seq")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "export_project"
            ADD CONSTRAINT "FK_b0e1c084a5e84e60a9df3943313" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "export_job"
            ADD CONSTRAINT "FK_25eed7f786557d01e5fd8a3a60e" FOREIGN KEY ("project_id") REFERENCES "export_project"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "export_file_chunk"
            ADD CONSTRAINT "FK_c6002d4ada6084005a2d1744a4b" FOREIGN KEY ("job_id") REFERENCES "export_job"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "export_file_chunk" DROP CONSTRAINT "FK_c6002d4ada6084005a2d1744a4b"
        `);
        await queryRunner.query(`
            ALTER TABLE "export_job" DROP CONSTRAINT "FK_25eed7f786557d01e5fd8a3a60e"
        `);
        await queryRunner.query(`
            ALTER TABLE "export_project" DROP CONSTRAINT "FK_b0e1c084a5e84e60a9df3943313"
        `);
        await queryRunner.query(`
            DROP TABLE "export_file_chunk"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."export_job_one_running_per_project"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_25eed7f786557d01e5fd8a3a60"
        `);
        await queryRunner.query(`
            DROP TABLE "export_job"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_20924cb1c8d4f36e06c6d8351f"
        `);
        await queryRunner.query(`
            DROP TABLE "export_project"
        `);
    }

}
