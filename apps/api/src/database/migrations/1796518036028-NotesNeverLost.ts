import { MigrationInterface, QueryRunner } from "typeorm";

/** Note versions (note_version) and "entered in error" on sessions; the guarantees are in NotesNeverLostTenancy. */
export class NotesNeverLost1796518036028 implements MigrationInterface {
    name = 'NotesNeverLost1796518036028'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "note_version" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "municipality_id" uuid NOT NULL,
                "record_kind" character varying(30) NOT NULL,
                "record_id" uuid NOT NULL,
                "citizen_id" uuid NOT NULL,
                "field" character varying(40) NOT NULL,
                "text_encrypted" text,
                "kind" character varying(12) NOT NULL,
                "reason" text,
                "written_by" uuid NOT NULL,
                "written_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "note_version_correction_has_reason" CHECK (
                    "kind" <> 'correction'
                    OR (
                        "reason" IS NOT NULL
                        AND length(btrim("reason")) > 0
                    )
                ),
                CONSTRAINT "note_version_record_kind_check" CHECK ("record_kind" IN ('session')),
                CONSTRAINT "note_version_kind_check" CHECK ("kind" IN ('original', 'correction', 'typo')),
                CONSTRAINT "PK_80b466e81dc9cb640df6054c657" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "note_version_citizen" ON "note_version" ("citizen_id", "written_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "note_version_record" ON "note_version" ("record_kind", "record_id", "written_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "treatment_session"
            ADD "entered_in_error_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "treatment_session"
            ADD "entered_in_error_by" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "treatment_session"
            ADD "entered_in_error_reason" text
        `);
        await queryRunner.query(`
            ALTER TABLE "treatment_session"
            ADD CONSTRAINT "treatment_session_entered_in_error_check" CHECK (
                    ("entered_in_error_at" IS NULL) = ("entered_in_error_by" IS NULL)
                    AND ("entered_in_error_at" IS NULL) = ("entered_in_error_reason" IS NULL)
                )
        `);
        // A session entered in error frees its protocol number for the session that replaces it.
        await queryRunner.query(`
            DROP INDEX "public"."treatment_session_number_unique"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "treatment_session_number_unique" ON "treatment_session" ("enrolment_id", "session_number")
            WHERE "session_number" IS NOT NULL AND "entered_in_error_at" IS NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "note_version"
            ADD CONSTRAINT "note_version_user_same_municipality" FOREIGN KEY ("municipality_id", "written_by") REFERENCES "app_user"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "note_version"
            ADD CONSTRAINT "note_version_citizen_same_municipality" FOREIGN KEY ("municipality_id", "citizen_id") REFERENCES "citizen"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "note_version" DROP CONSTRAINT "note_version_citizen_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "note_version" DROP CONSTRAINT "note_version_user_same_municipality"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."treatment_session_number_unique"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "treatment_session_number_unique" ON "treatment_session" ("enrolment_id", "session_number")
            WHERE "session_number" IS NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "treatment_session" DROP CONSTRAINT "treatment_session_entered_in_error_check"
        `);
        await queryRunner.query(`
            ALTER TABLE "treatment_session" DROP COLUMN "entered_in_error_reason"
        `);
        await queryRunner.query(`
            ALTER TABLE "treatment_session" DROP COLUMN "entered_in_error_by"
        `);
        await queryRunner.query(`
            ALTER TABLE "treatment_session" DROP COLUMN "entered_in_error_at"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."note_version_record"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."note_version_citizen"
        `);
        await queryRunner.query(`
            DROP TABLE "note_version"
        `);
    }

}
