import { MigrationInterface, QueryRunner } from "typeorm";

export class Imports1796541401200 implements MigrationInterface {
    name = 'Imports1796541401200'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "import_job" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "municipality_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "kind" character varying(20) NOT NULL,
                "format" character varying(10) NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'uploaded',
                "phase" character varying(10),
                "mode" character varying(20),
                "progress" integer NOT NULL DEFAULT '0',
                "columns" jsonb NOT NULL,
                "row_count" integer NOT NULL,
                "rows_encrypted" text,
                "mapping" jsonb,
                "results" jsonb,
                "created" integer NOT NULL DEFAULT '0',
                "updated" integer NOT NULL DEFAULT '0',
                "failed" integer NOT NULL DEFAULT '0',
                "rolled_back" boolean NOT NULL DEFAULT false,
                "error" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_65b4c7eccb8120972a7b8da7682" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_f0d61e73e5934bd0a030924745" ON "import_job" ("municipality_id", "user_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "import_mapping" (
                "user_id" uuid NOT NULL,
                "kind" character varying(20) NOT NULL,
                "municipality_id" uuid NOT NULL,
                "mapping" jsonb NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_cd980897a87731c021a9e3bf772" PRIMARY KEY ("user_id", "kind")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "import_job"
            ADD CONSTRAINT "import_job_municipality_fk" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "import_job"
            ADD CONSTRAINT "import_job_user_same_municipality" FOREIGN KEY ("municipality_id", "user_id") REFERENCES "app_user"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "import_mapping"
            ADD CONSTRAINT "import_mapping_municipality_fk" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "import_mapping"
            ADD CONSTRAINT "import_mapping_user_same_municipality" FOREIGN KEY ("municipality_id", "user_id") REFERENCES "app_user"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "import_mapping" DROP CONSTRAINT "import_mapping_user_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "import_mapping" DROP CONSTRAINT "import_mapping_municipality_fk"
        `);
        await queryRunner.query(`
            ALTER TABLE "import_job" DROP CONSTRAINT "import_job_user_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "import_job" DROP CONSTRAINT "import_job_municipality_fk"
        `);
        await queryRunner.query(`
            DROP TABLE "import_mapping"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_f0d61e73e5934bd0a030924745"
        `);
        await queryRunner.query(`
            DROP TABLE "import_job"
        `);
    }

}
