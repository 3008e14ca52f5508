import type { MigrationInterface, QueryRunner } from "typeorm";

export class Assessments1795613813614 implements MigrationInterface {
    name = 'Assessments1795613813614'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "assessment" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "enrolment_id" uuid NOT NULL,
                "citizen_id" uuid NOT NULL,
                "instrument" character varying(20) NOT NULL DEFAULT 'ASI',
                "instrument_version" character varying(20) NOT NULL DEFAULT '5',
                "timepoint" character varying(20) NOT NULL,
                "assessed_on" date NOT NULL,
                "interviewer_user_id" uuid NOT NULL,
                "items" jsonb NOT NULL,
                "medical" double precision,
                "employment" double precision,
                "alcohol" double precision,
                "drug" double precision,
                "legal" double precision,
                "family" double precision,
                "psychiatric" double precision,
                "missing" jsonb NOT NULL DEFAULT '{}',
                "drug_free" boolean,
                CONSTRAINT "assessment_timepoint_check" CHECK (
                    "timepoint" IN (
                        'intake',
                        'end',
                        'follow-up-3',
                        'follow-up-6',
                        'follow-up-9',
                        'follow-up-12',
                        'ad-hoc'
                    )
                ),
                CONSTRAINT "PK_c511a7dc128256876b6b1719401" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "assessment_citizen_date" ON "assessment" ("citizen_id", "assessed_on")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "assessment_one_per_timepoint" ON "assessment" ("enrolment_id", "timepoint")
            WHERE "timepoint" <> 'ad-hoc'
        `);
        await queryRunner.query(`
            CREATE TABLE "assessment_revision" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "municipality_id" uuid NOT NULL,
                "assessment_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "assessed_on" date NOT NULL,
                "items" jsonb NOT NULL,
                "composites" jsonb NOT NULL,
                "revised_by" uuid NOT NULL,
                "revised_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c660624078ccfd37fb60f9d6b31" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "assessment_revision_assessment" ON "assessment_revision" ("assessment_id", "revised_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "follow_up_attempt" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "municipality_id" uuid NOT NULL,
                "enrolment_id" uuid NOT NULL,
                "timepoint" character varying(20) NOT NULL,
                "attempted_on" date NOT NULL,
                "channel" character varying(20) NOT NULL,
                "reached" boolean NOT NULL,
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "follow_up_attempt_timepoint_check" CHECK (
                    "timepoint" IN (
                        'intake',
                        'end',
                        'follow-up-3',
                        'follow-up-6',
                        'follow-up-9',
                        'follow-up-12',
                        'ad-hoc'
                    )
                ),
                CONSTRAINT "follow_up_attempt_channel_check" CHECK (
                    "channel" IN ('phone', 'sms', 'e-mail', 'letter', 'visit')
                ),
                CONSTRAINT "PK_2b2c514a3c8ef5ef0d8377d757a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "follow_up_attempt_enrolment" ON "follow_up_attempt" ("enrolment_id", "timepoint")
        `);
        await queryRunner.query(`
            ALTER TABLE "assessment"
            ADD CONSTRAINT "FK_29afb94bbbd2b073933dc0d8f73" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "assessment_revision"
            ADD CONSTRAINT "FK_d78c9576bc33458595d7248694b" FOREIGN KEY ("assessment_id") REFERENCES "assessment"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "follow_up_attempt"
            ADD CONSTRAINT "FK_39bb66de2c457bb33c991b3fd59" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "follow_up_attempt" DROP CONSTRAINT "FK_39bb66de2c457bb33c991b3fd59"
        `);
        await queryRunner.query(`
            ALTER TABLE "assessment_revision" DROP CONSTRAINT "FK_d78c9576bc33458595d7248694b"
        `);
        await queryRunner.query(`
            ALTER TABLE "assessment" DROP CONSTRAINT "FK_29afb94bbbd2b073933dc0d8f73"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."follow_up_attempt_enrolment"
        `);
        await queryRunner.query(`
            DROP TABLE "follow_up_attempt"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."assessment_revision_assessment"
        `);
        await queryRunner.query(`
            DROP TABLE "assessment_revision"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."assessment_one_per_timepoint"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."assessment_citizen_date"
        `);
        await queryRunner.query(`
            DROP TABLE "assessment"
        `);
    }

}
