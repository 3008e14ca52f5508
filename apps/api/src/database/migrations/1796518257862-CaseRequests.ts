import { MigrationInterface, QueryRunner } from "typeorm";

export class CaseRequests1796518257862 implements MigrationInterface {
    name = 'CaseRequests1796518257862'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "case_request" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "citizen_id" uuid NOT NULL,
                "requested_on" date NOT NULL,
                "channel" character varying(30) NOT NULL,
                "received_by_centre_id" uuid,
                "assessment_encrypted" text,
                "status" character varying(10) NOT NULL DEFAULT 'open',
                "closed_on" date,
                "waiver_on" date,
                "missed_reason_encrypted" text,
                "doctor_conversation_on" date,
                "joined_requests" jsonb NOT NULL DEFAULT '[]',
                "created_by_user_id" uuid NOT NULL,
                CONSTRAINT "case_request_municipality_id_id_unique" UNIQUE ("municipality_id", "id"),
                CONSTRAINT "case_request_channel_check" CHECK (
                    "channel" IN (
                        'personal',
                        'phone',
                        'written',
                        'digital',
                        'via-treatment-place'
                    )
                ),
                CONSTRAINT "case_request_status_check" CHECK ("status" IN ('open', 'closed')),
                CONSTRAINT "PK_77647df14fa8cd51004a88ae646" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "case_request_municipality_requested" ON "case_request" ("municipality_id", "requested_on")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "case_request_one_open_per_citizen" ON "case_request" ("citizen_id")
            WHERE "status" = 'open'
        `);
        await queryRunner.query(`
            CREATE TABLE "case_decision" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "municipality_id" uuid NOT NULL,
                "case_request_id" uuid NOT NULL,
                "citizen_id" uuid NOT NULL,
                "decided_on" date NOT NULL,
                "outcome" character varying(10) NOT NULL,
                "programme_id" uuid,
                "centre_id" uuid,
                "reasons_encrypted" text NOT NULL,
                "legal_basis" text NOT NULL,
                "complaint_guidance" text NOT NULL,
                "supersedes_id" uuid,
                "decided_by_user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "case_decision_municipality_id_id_unique" UNIQUE ("municipality_id", "id"),
                CONSTRAINT "case_decision_texts_check" CHECK (
                    length(btrim("legal_basis")) > 0
                    AND length(btrim("complaint_guidance")) > 0
                ),
                CONSTRAINT "case_decision_outcome_check" CHECK ("outcome" IN ('granted', 'refused')),
                CONSTRAINT "PK_bae10668fd3cebd996d497f535d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "case_decision_request" ON "case_decision" ("case_request_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment"
            ADD "case_request_id" uuid
        `);
        await queryRunner.query(`
            CREATE INDEX "enrolment_case_request" ON "enrolment" ("case_request_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "case_request"
            ADD CONSTRAINT "case_request_received_by_centre" FOREIGN KEY ("received_by_centre_id") REFERENCES "centre"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "case_request"
            ADD CONSTRAINT "case_request_created_by_same_municipality" FOREIGN KEY ("municipality_id", "created_by_user_id") REFERENCES "app_user"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "case_request"
            ADD CONSTRAINT "case_request_citizen_same_municipality" FOREIGN KEY ("municipality_id", "citizen_id") REFERENCES "citizen"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "case_decision"
            ADD CONSTRAINT "case_decision_programme" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "case_decision"
            ADD CONSTRAINT "case_decision_centre" FOREIGN KEY ("centre_id") REFERENCES "centre"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "case_decision"
            ADD CONSTRAINT "case_decision_supersedes_same_municipality" FOREIGN KEY ("municipality_id", "supersedes_id") REFERENCES "case_decision"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "case_decision"
            ADD CONSTRAINT "case_decision_decided_by_same_municipality" FOREIGN KEY ("municipality_id", "decided_by_user_id") REFERENCES "app_user"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "case_decision"
            ADD CONSTRAINT "case_decision_citizen_same_municipality" FOREIGN KEY ("municipality_id", "citizen_id") REFERENCES "citizen"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "case_decision"
            ADD CONSTRAINT "case_decision_request_same_municipality" FOREIGN KEY ("municipality_id", "case_request_id") REFERENCES "case_request"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment"
            ADD CONSTRAINT "enrolment_case_request_same_municipality" FOREIGN KEY ("municipality_id", "case_request_id") REFERENCES "case_request"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "enrolment" DROP CONSTRAINT "enrolment_case_request_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_decision" DROP CONSTRAINT "case_decision_request_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_decision" DROP CONSTRAINT "case_decision_citizen_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_decision" DROP CONSTRAINT "case_decision_decided_by_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_decision" DROP CONSTRAINT "case_decision_supersedes_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_decision" DROP CONSTRAINT "case_decision_centre"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_decision" DROP CONSTRAINT "case_decision_programme"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_request" DROP CONSTRAINT "case_request_citizen_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_request" DROP CONSTRAINT "case_request_created_by_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_request" DROP CONSTRAINT "case_request_received_by_centre"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."enrolment_case_request"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment" DROP COLUMN "case_request_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."case_decision_request"
        `);
        await queryRunner.query(`
            DROP TABLE "case_decision"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."case_request_one_open_per_citizen"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."case_request_municipality_requested"
        `);
        await queryRunner.query(`
            DROP TABLE "case_request"
        `);
    }

}
