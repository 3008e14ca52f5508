import { MigrationInterface, QueryRunner } from "typeorm";

export class Retention1796541162735 implements MigrationInterface {
    name = 'Retention1796541162735'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "legal_hold" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "citizen_id" uuid NOT NULL,
                "reason" character varying(500) NOT NULL,
                "placed_by_user_id" uuid NOT NULL,
                "lifted_at" TIMESTAMP WITH TIME ZONE,
                "lifted_by_user_id" uuid,
                "lift_reason" character varying(500),
                CONSTRAINT "legal_hold_lifted_check" CHECK (
                    ("lifted_at" IS NULL) = ("lifted_by_user_id" IS NULL)
                    AND ("lifted_at" IS NULL) = ("lift_reason" IS NULL)
                ),
                CONSTRAINT "PK_edcd499db1f1c67a56c565c5e64" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "legal_hold_one_in_force" ON "legal_hold" ("citizen_id")
            WHERE "lifted_at" IS NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "retention_run" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "municipality_id" uuid NOT NULL,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "trigger" character varying(10) NOT NULL,
                "user_id" uuid,
                "citizens" integer NOT NULL,
                "erased" jsonb NOT NULL,
                "courses" jsonb NOT NULL,
                CONSTRAINT "retention_run_trigger_check" CHECK ("trigger" IN ('schedule', 'admin', 'erasure')),
                CONSTRAINT "PK_6ca0ca7552b6832d70c9c95a57d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "retention_run_municipality_at" ON "retention_run" ("municipality_id", "started_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality"
            ADD "retention_health_years" integer NOT NULL DEFAULT '10'
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality"
            ADD "retention_social_years" integer NOT NULL DEFAULT '5'
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality"
            ADD CONSTRAINT "municipality_retention_social_years_check" CHECK (
                    "retention_social_years" BETWEEN 1 AND 100
                )
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality"
            ADD CONSTRAINT "municipality_retention_health_years_check" CHECK (
                    "retention_health_years" BETWEEN 10 AND 100
                )
        `);
        await queryRunner.query(`
            ALTER TABLE "legal_hold"
            ADD CONSTRAINT "legal_hold_lifted_by_same_municipality" FOREIGN KEY ("municipality_id", "lifted_by_user_id") REFERENCES "app_user"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "legal_hold"
            ADD CONSTRAINT "legal_hold_placed_by_same_municipality" FOREIGN KEY ("municipality_id", "placed_by_user_id") REFERENCES "app_user"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "legal_hold"
            ADD CONSTRAINT "legal_hold_citizen_same_municipality" FOREIGN KEY ("municipality_id", "citizen_id") REFERENCES "citizen"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "retention_run"
            ADD CONSTRAINT "FK_318898f8aa995ca2bbd3ace5b6f" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "retention_run" DROP CONSTRAINT "FK_318898f8aa995ca2bbd3ace5b6f"
        `);
        await queryRunner.query(`
            ALTER TABLE "legal_hold" DROP CONSTRAINT "legal_hold_citizen_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "legal_hold" DROP CONSTRAINT "legal_hold_placed_by_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "legal_hold" DROP CONSTRAINT "legal_hold_lifted_by_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality" DROP CONSTRAINT "municipality_retention_health_years_check"
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality" DROP CONSTRAINT "municipality_retention_social_years_check"
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality" DROP COLUMN "retention_social_years"
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality" DROP COLUMN "retention_health_years"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."retention_run_municipality_at"
        `);
        await queryRunner.query(`
            DROP TABLE "retention_run"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."legal_hold_one_in_force"
        `);
        await queryRunner.query(`
            DROP TABLE "legal_hold"
        `);
    }

}
