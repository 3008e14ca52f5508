import { MigrationInterface, QueryRunner } from "typeorm";

export class TreatmentProviders1796541300000 implements MigrationInterface {
    name = 'TreatmentProviders1796541300000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "treatment_provider" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "name" character varying(200) NOT NULL,
                "cvr" character varying(8) NOT NULL,
                "address" character varying(300) NOT NULL,
                "municipality_code" character varying(3) NOT NULL,
                "kind" character varying(20) NOT NULL,
                "approved_by" character varying(200) NOT NULL,
                "approval_reference" character varying(100),
                "approved_from" date NOT NULL,
                "approved_until" date,
                CONSTRAINT "treatment_provider_approval_check" CHECK (
                    "approved_until" IS NULL
                    OR "approved_from" <= "approved_until"
                ),
                CONSTRAINT "treatment_provider_municipality_code_check" CHECK ("municipality_code" ~ '^[0-9]{3}$'),
                CONSTRAINT "treatment_provider_cvr_check" CHECK ("cvr" ~ '^[1-9][0-9]{7}$'),
                CONSTRAINT "treatment_provider_kind_check" CHECK ("kind" IN ('outpatient', 'day', 'residential')),
                CONSTRAINT "PK_3536ade9fc706ed659d4ba08483" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "treatment_provider_name" ON "treatment_provider" ("name")
        `);
        await queryRunner.query(`
            ALTER TABLE "centre"
            ADD "kind" character varying(20)
        `);
        await queryRunner.query(`
            ALTER TABLE "case_decision"
            ADD "treatment_kind" character varying(20)
        `);
        await queryRunner.query(`
            ALTER TABLE "referral"
            ADD "provider_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "referral"
            ADD "outcome_end_date" date
        `);
        await queryRunner.query(`
            ALTER TABLE "referral"
            ADD "outcome_end_status" character varying(30)
        `);
        await queryRunner.query(`
            ALTER TABLE "referral" DROP CONSTRAINT "referral_to_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "referral" DROP CONSTRAINT "referral_to_centre_of_municipality"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."referral_to_municipality_state"
        `);
        await queryRunner.query(`
            ALTER TABLE "referral"
            ALTER COLUMN "to_municipality_id" DROP NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "referral"
            ALTER COLUMN "to_centre_id" DROP NOT NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "referral_provider_id" ON "referral" ("provider_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "referral_to_municipality_state" ON "referral" ("to_municipality_id", "state")
        `);
        await queryRunner.query(`
            ALTER TABLE "centre"
            ADD CONSTRAINT "centre_kind_check" CHECK (
                    "kind" IS NULL
                    OR "kind" IN ('outpatient', 'day', 'residential')
                )
        `);
        await queryRunner.query(`
            ALTER TABLE "case_decision"
            ADD CONSTRAINT "case_decision_treatment_kind_check" CHECK (
                    "treatment_kind" IS NULL
                    OR "treatment_kind" IN ('outpatient', 'day', 'residential')
                )
        `);
        await queryRunner.query(`
            ALTER TABLE "referral"
            ADD CONSTRAINT "referral_outcome_check" CHECK (
                    ("outcome_end_date" IS NULL) = ("outcome_end_status" IS NULL)
                    AND (
                        "outcome_end_date" IS NULL
                        OR (
                            "provider_id" IS NOT NULL
                            AND "state" = 'accepted'
                        )
                    )
                )
        `);
        await queryRunner.query(`
            ALTER TABLE "referral"
            ADD CONSTRAINT "referral_place_check" CHECK (
                    ("provider_id" IS NULL) = ("to_centre_id" IS NOT NULL)
                    AND ("to_centre_id" IS NULL) = ("to_municipality_id" IS NULL)
                )
        `);
        await queryRunner.query(`
            ALTER TABLE "referral"
            ADD CONSTRAINT "referral_outcome_end_status" FOREIGN KEY ("outcome_end_status") REFERENCES "register_end_status"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "referral"
            ADD CONSTRAINT "referral_provider" FOREIGN KEY ("provider_id") REFERENCES "treatment_provider"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "referral"
            ADD CONSTRAINT "referral_to_municipality" FOREIGN KEY ("to_municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "referral"
            ADD CONSTRAINT "referral_to_centre_of_municipality" FOREIGN KEY ("to_municipality_id", "to_centre_id") REFERENCES "centre"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "referral" DROP CONSTRAINT "referral_to_centre_of_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "referral" DROP CONSTRAINT "referral_to_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "referral" DROP CONSTRAINT "referral_provider"
        `);
        await queryRunner.query(`
            ALTER TABLE "referral" DROP CONSTRAINT "referral_outcome_end_status"
        `);
        await queryRunner.query(`
            ALTER TABLE "referral" DROP CONSTRAINT "referral_place_check"
        `);
        await queryRunner.query(`
            ALTER TABLE "referral" DROP CONSTRAINT "referral_outcome_check"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_decision" DROP CONSTRAINT "case_decision_treatment_kind_check"
        `);
        await queryRunner.query(`
            ALTER TABLE "centre" DROP CONSTRAINT "centre_kind_check"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."referral_to_municipality_state"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."referral_provider_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "referral"
            ALTER COLUMN "to_centre_id"
            SET NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "referral"
            ALTER COLUMN "to_municipality_id"
            SET NOT NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "referral_to_municipality_state" ON "referral" USING btree ("state", "to_municipality_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "referral"
            ADD CONSTRAINT "referral_to_centre_of_municipality" FOREIGN KEY ("to_municipality_id", "to_centre_id") REFERENCES "centre"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "referral"
            ADD CONSTRAINT "referral_to_municipality" FOREIGN KEY ("to_municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "referral" DROP COLUMN "outcome_end_status"
        `);
        await queryRunner.query(`
            ALTER TABLE "referral" DROP COLUMN "outcome_end_date"
        `);
        await queryRunner.query(`
            ALTER TABLE "referral" DROP COLUMN "provider_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_decision" DROP COLUMN "treatment_kind"
        `);
        await queryRunner.query(`
            ALTER TABLE "centre" DROP COLUMN "kind"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."treatment_provider_name"
        `);
        await queryRunner.query(`
            DROP TABLE "treatment_provider"
        `);
    }

}
