import { MigrationInterface, QueryRunner } from "typeorm";

export class Referrals1796541197698 implements MigrationInterface {
    name = 'Referrals1796541197698'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "referral" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "citizen_id" uuid NOT NULL,
                "case_request_id" uuid NOT NULL,
                "to_municipality_id" uuid NOT NULL,
                "to_centre_id" uuid NOT NULL,
                "referred_on" date NOT NULL,
                "citizen_choice_on" date,
                "message_encrypted" text,
                "identity_encrypted" text NOT NULL,
                "state" character varying(10) NOT NULL DEFAULT 'sent',
                "answered_on" date,
                "reason_encrypted" text,
                "answered_by_user_id" uuid,
                "receiving_enrolment_id" uuid,
                "created_by_user_id" uuid NOT NULL,
                CONSTRAINT "referral_receiving_enrolment_check" CHECK (
                    "receiving_enrolment_id" IS NULL
                    OR "state" = 'accepted'
                ),
                CONSTRAINT "referral_elsewhere_check" CHECK ("to_municipality_id" <> "municipality_id"),
                CONSTRAINT "referral_state_check" CHECK (
                    "state" IN ('sent', 'accepted', 'declined', 'withdrawn')
                ),
                CONSTRAINT "PK_a2d3e935a6591168066defec5ad" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "referral_citizen" ON "referral" ("citizen_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "referral_to_municipality_state" ON "referral" ("to_municipality_id", "state")
        `);
        await queryRunner.query(`
            CREATE INDEX "referral_municipality_created" ON "referral" ("municipality_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "referral"
            ADD CONSTRAINT "referral_receiving_enrolment" FOREIGN KEY ("receiving_enrolment_id") REFERENCES "enrolment"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "referral"
            ADD CONSTRAINT "referral_to_municipality" FOREIGN KEY ("to_municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "referral"
            ADD CONSTRAINT "referral_to_centre_of_municipality" FOREIGN KEY ("to_municipality_id", "to_centre_id") REFERENCES "centre"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "referral"
            ADD CONSTRAINT "referral_created_by_same_municipality" FOREIGN KEY ("municipality_id", "created_by_user_id") REFERENCES "app_user"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "referral"
            ADD CONSTRAINT "referral_case_request_same_municipality" FOREIGN KEY ("municipality_id", "case_request_id") REFERENCES "case_request"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "referral"
            ADD CONSTRAINT "referral_citizen_same_municipality" FOREIGN KEY ("municipality_id", "citizen_id") REFERENCES "citizen"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "referral" DROP CONSTRAINT "referral_citizen_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "referral" DROP CONSTRAINT "referral_case_request_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "referral" DROP CONSTRAINT "referral_created_by_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "referral" DROP CONSTRAINT "referral_to_centre_of_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "referral" DROP CONSTRAINT "referral_to_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "referral" DROP CONSTRAINT "referral_receiving_enrolment"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."referral_municipality_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."referral_to_municipality_state"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."referral_citizen"
        `);
        await queryRunner.query(`
            DROP TABLE "referral"
        `);
    }

}
