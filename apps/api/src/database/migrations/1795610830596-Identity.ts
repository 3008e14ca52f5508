import type { MigrationInterface, QueryRunner } from "typeorm";

export class Identity1795610830596 implements MigrationInterface {
    name = 'Identity1795610830596'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "access_log" (
                "seq" bigint NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "user_id" uuid NOT NULL,
                "role" character varying(20) NOT NULL,
                "municipality_id" uuid NOT NULL,
                "action" character varying(20) NOT NULL,
                "resource" character varying(50) NOT NULL,
                "record_id" uuid,
                "citizen_id" uuid,
                "criterion" text,
                "address" character varying(64),
                "outcome" character varying(20) NOT NULL,
                "prev_hash" character(64) NOT NULL,
                "hash" character(64) NOT NULL,
                CONSTRAINT "PK_3ebdb60af3599a57a1fd7f4bc30" PRIMARY KEY ("seq")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "access_log_user_at" ON "access_log" ("user_id", "at")
        `);
        await queryRunner.query(`
            CREATE INDEX "access_log_citizen_at" ON "access_log" ("citizen_id", "at")
        `);
        await queryRunner.query(`
            CREATE INDEX "access_log_municipality_at" ON "access_log" ("municipality_id", "at")
        `);
        await queryRunner.query(`
            CREATE TABLE "access_log_anchor" (
                "id" integer NOT NULL DEFAULT '1',
                "seq" bigint NOT NULL,
                "hash" character(64) NOT NULL,
                "pruned_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_db1a7f501171d771e00034b8176" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "app_user" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "email" character varying(254) NOT NULL,
                "display_name" character varying(200) NOT NULL,
                "role" character varying(20) NOT NULL,
                "password_hash" text NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "token_version" integer NOT NULL DEFAULT '0',
                "failed_logins" integer NOT NULL DEFAULT '0',
                "locked_until" TIMESTAMP WITH TIME ZONE,
                "last_login_at" TIMESTAMP WITH TIME ZONE,
                "granted_municipality_ids" uuid array NOT NULL DEFAULT '{}',
                CONSTRAINT "app_user_role_check" CHECK (
                    "role" IN ('staff', 'coordinator', 'evaluator', 'admin')
                ),
                CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "app_user"
            ADD CONSTRAINT "FK_6cecf0f20a41280d83a2cbb7390" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "app_user" DROP CONSTRAINT "FK_6cecf0f20a41280d83a2cbb7390"
        `);
        await queryRunner.query(`
            DROP TABLE "app_user"
        `);
        await queryRunner.query(`
            DROP TABLE "access_log_anchor"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."access_log_municipality_at"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."access_log_citizen_at"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."access_log_user_at"
        `);
        await queryRunner.query(`
            DROP TABLE "access_log"
        `);
    }

}
