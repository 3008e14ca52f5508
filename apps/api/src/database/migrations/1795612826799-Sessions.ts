import type { MigrationInterface, QueryRunner } from "typeorm";

export class Sessions1795612826799 implements MigrationInterface {
    name = 'Sessions1795612826799'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "treatment_session" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "enrolment_id" uuid NOT NULL,
                "citizen_id" uuid NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "duration_minutes" integer NOT NULL,
                "staff_user_id" uuid NOT NULL,
                "kind" character varying(50) NOT NULL,
                "session_number" integer,
                "attendance" character varying(20) NOT NULL,
                "note_encrypted" text,
                CONSTRAINT "treatment_session_duration_check" CHECK (
                    "duration_minutes" BETWEEN 1 AND 720
                ),
                CONSTRAINT "treatment_session_attendance_check" CHECK (
                    "attendance" IN ('attended', 'no-show', 'cancelled')
                ),
                CONSTRAINT "PK_12bd4f416fac3b475ca6e44a87b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "treatment_session_number_unique" ON "treatment_session" ("enrolment_id", "session_number")
            WHERE "session_number" IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "treatment_session_citizen_starts" ON "treatment_session" ("citizen_id", "starts_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "treatment_session_enrolment_starts" ON "treatment_session" ("enrolment_id", "starts_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "treatment_session"
            ADD CONSTRAINT "FK_ed51f9b8f6947c4fe70dae556fa" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "treatment_session" DROP CONSTRAINT "FK_ed51f9b8f6947c4fe70dae556fa"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."treatment_session_enrolment_starts"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."treatment_session_citizen_starts"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."treatment_session_number_unique"
        `);
        await queryRunner.query(`
            DROP TABLE "treatment_session"
        `);
    }

}
