import { MigrationInterface, QueryRunner } from "typeorm";

export class YouthConsent1796518960020 implements MigrationInterface {
    name = 'YouthConsent1796518960020'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "youth_consent" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "enrolment_id" uuid NOT NULL,
                "citizen_id" uuid NOT NULL,
                "kind" character varying(20) NOT NULL,
                "given_by_encrypted" text,
                "given_on" date NOT NULL,
                "recorded_by_user_id" uuid NOT NULL,
                "withdrawn_on" date,
                CONSTRAINT "youth_consent_withdrawn_after_given_check" CHECK (
                    "withdrawn_on" IS NULL
                    OR "withdrawn_on" >= "given_on"
                ),
                CONSTRAINT "youth_consent_given_by_check" CHECK (
                    ("kind" = 'custodial-parent') = ("given_by_encrypted" IS NOT NULL)
                ),
                CONSTRAINT "youth_consent_kind_check" CHECK ("kind" IN ('custodial-parent', 'young-person')),
                CONSTRAINT "PK_2181dac68896d0776d60d7b5479" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "youth_consent_enrolment" ON "youth_consent" ("enrolment_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "youth_consent"
            ADD CONSTRAINT "youth_consent_recorded_by_same_municipality" FOREIGN KEY ("municipality_id", "recorded_by_user_id") REFERENCES "app_user"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "youth_consent"
            ADD CONSTRAINT "youth_consent_citizen_same_municipality" FOREIGN KEY ("municipality_id", "citizen_id") REFERENCES "citizen"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "youth_consent"
            ADD CONSTRAINT "youth_consent_enrolment_same_municipality" FOREIGN KEY ("municipality_id", "enrolment_id") REFERENCES "enrolment"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "youth_consent" DROP CONSTRAINT "youth_consent_enrolment_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "youth_consent" DROP CONSTRAINT "youth_consent_citizen_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "youth_consent" DROP CONSTRAINT "youth_consent_recorded_by_same_municipality"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."youth_consent_enrolment"
        `);
        await queryRunner.query(`
            DROP TABLE "youth_consent"
        `);
    }

}
