import { MigrationInterface, QueryRunner } from "typeorm";

/** Personal API tokens (issue 24): the table, the municipality's `api_token_max_days` setting and the access log's `api_token_id`; policies, functions and the trigger in ApiTokensTenancy. */

export class ApiTokens1796541400300 implements MigrationInterface {
    name = 'ApiTokens1796541400300'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "api_token" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid,
                "user_id" uuid NOT NULL,
                "purpose" character varying(200) NOT NULL,
                "prefix" character varying(12) NOT NULL,
                "secret_hash" character(64) NOT NULL,
                "scope" text array NOT NULL,
                "role" character varying(20) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "last_used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revoked_by_user_id" uuid,
                "end_reason" character varying(20),
                CONSTRAINT "api_token_end_check" CHECK (
                    ("revoked_at" IS NULL) = ("end_reason" IS NULL)
                    AND "end_reason" IN ('revoked', 'role-changed', 'deactivated')
                ),
                CONSTRAINT "api_token_scope_check" CHECK (cardinality("scope") >= 1),
                CONSTRAINT "api_token_expires_check" CHECK (
                    "expires_at" > "created_at"
                    AND "expires_at" <= "created_at" + interval '366 days'
                ),
                CONSTRAINT "api_token_purpose_check" CHECK (
                    char_length(btrim("purpose")) BETWEEN 1 AND 200
                ),
                CONSTRAINT "PK_d862311c568d175c26f41bc6f98" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "api_token_secret_hash" ON "api_token" ("secret_hash")
        `);
        await queryRunner.query(`
            CREATE INDEX "api_token_municipality" ON "api_token" ("municipality_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "api_token_user" ON "api_token" ("user_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality"
            ADD "api_token_max_days" integer NOT NULL DEFAULT '365'
        `);
        await queryRunner.query(`
            ALTER TABLE "access_log"
            ADD "api_token_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality"
            ADD CONSTRAINT "municipality_api_token_max_days_check" CHECK (
                    "api_token_max_days" BETWEEN 1 AND 365
                )
        `);
        await queryRunner.query(`
            ALTER TABLE "api_token"
            ADD CONSTRAINT "api_token_revoker_same_municipality" FOREIGN KEY ("municipality_id", "revoked_by_user_id") REFERENCES "app_user"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "api_token"
            ADD CONSTRAINT "api_token_user_same_municipality" FOREIGN KEY ("municipality_id", "user_id") REFERENCES "app_user"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "api_token" DROP CONSTRAINT "api_token_user_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "api_token" DROP CONSTRAINT "api_token_revoker_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality" DROP CONSTRAINT "municipality_api_token_max_days_check"
        `);
        await queryRunner.query(`
            ALTER TABLE "access_log" DROP COLUMN "api_token_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality" DROP COLUMN "api_token_max_days"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."api_token_user"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."api_token_municipality"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."api_token_secret_hash"
        `);
        await queryRunner.query(`
            DROP TABLE "api_token"
        `);
    }

}
