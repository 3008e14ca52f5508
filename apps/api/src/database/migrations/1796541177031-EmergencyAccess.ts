import type { MigrationInterface, QueryRunner } from "typeorm";

/** Emergency access (issue 22): its table and the municipality's `emergency_access_hours` setting; policies and functions in EmergencyAccessTenancy. */

export class EmergencyAccess1796541177031 implements MigrationInterface {
    name = 'EmergencyAccess1796541177031'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "emergency_access" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "citizen_id" uuid NOT NULL,
                "accessor_municipality_id" uuid NOT NULL,
                "accessor_user_id" uuid NOT NULL,
                "accessor_name" character varying(200) NOT NULL,
                "reason" text NOT NULL,
                "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "review_state" character varying(20) NOT NULL DEFAULT 'pending',
                "reviewed_by_user_id" uuid,
                "reviewed_at" TIMESTAMP WITH TIME ZONE,
                "review_note" text,
                CONSTRAINT "emergency_access_review_check" CHECK (
                    ("review_state" = 'pending') = ("reviewed_at" IS NULL)
                    AND ("reviewed_at" IS NULL) = ("reviewed_by_user_id" IS NULL)
                ),
                CONSTRAINT "emergency_access_expires_check" CHECK ("expires_at" > "opened_at"),
                CONSTRAINT "emergency_access_reason_check" CHECK (
                    char_length(btrim("reason")) BETWEEN 20 AND 2000
                ),
                CONSTRAINT "emergency_access_other_municipality_check" CHECK ("accessor_municipality_id" <> "municipality_id"),
                CONSTRAINT "emergency_access_review_state_check" CHECK (
                    "review_state" IN ('pending', 'reviewed', 'raised')
                ),
                CONSTRAINT "PK_df6a3cc6b2bd3f218edb410a3f3" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "emergency_access_accessor_municipality" ON "emergency_access" ("accessor_municipality_id", "opened_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "emergency_access_accessor" ON "emergency_access" ("accessor_user_id", "citizen_id", "expires_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "emergency_access_queue" ON "emergency_access" ("municipality_id", "review_state", "opened_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality"
            ADD "emergency_access_hours" integer NOT NULL DEFAULT '24'
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality"
            ADD CONSTRAINT "municipality_emergency_access_hours_check" CHECK (
                    "emergency_access_hours" BETWEEN 1 AND 72
                )
        `);
        await queryRunner.query(`
            ALTER TABLE "emergency_access"
            ADD CONSTRAINT "emergency_access_reviewer_same_municipality" FOREIGN KEY ("municipality_id", "reviewed_by_user_id") REFERENCES "app_user"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "emergency_access"
            ADD CONSTRAINT "emergency_access_accessor_same_municipality" FOREIGN KEY ("accessor_municipality_id", "accessor_user_id") REFERENCES "app_user"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "emergency_access"
            ADD CONSTRAINT "emergency_access_citizen_same_municipality" FOREIGN KEY ("municipality_id", "citizen_id") REFERENCES "citizen"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "emergency_access" DROP CONSTRAINT "emergency_access_citizen_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "emergency_access" DROP CONSTRAINT "emergency_access_accessor_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "emergency_access" DROP CONSTRAINT "emergency_access_reviewer_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality" DROP CONSTRAINT "municipality_emergency_access_hours_check"
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality" DROP COLUMN "emergency_access_hours"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."emergency_access_queue"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."emergency_access_accessor"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."emergency_access_accessor_municipality"
        `);
        await queryRunner.query(`
            DROP TABLE "emergency_access"
        `);
    }

}
