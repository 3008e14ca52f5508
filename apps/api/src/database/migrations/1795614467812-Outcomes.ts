import type { MigrationInterface, QueryRunner } from "typeorm";

export class Outcomes1795614467812 implements MigrationInterface {
    name = 'Outcomes1795614467812'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "published_result" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "programme_code" character varying(20) NOT NULL,
                "measure" character varying(30) NOT NULL,
                "timepoint" character varying(20) NOT NULL,
                "population" character varying(20) NOT NULL,
                "proportion" double precision NOT NULL,
                "source" text NOT NULL,
                CONSTRAINT "PK_008ad4f18505dc49b895d3a883d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality"
            ADD "hourly_rate" numeric(10, 2)
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "municipality" DROP COLUMN "hourly_rate"
        `);
        await queryRunner.query(`
            DROP TABLE "published_result"
        `);
    }

}
