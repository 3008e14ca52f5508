import { MigrationInterface, QueryRunner } from "typeorm";

/** Moves between municipalities (issue 22, decisions 110-114): the hand-over table, the transferred course's destination and the municipality's `handover_read_days`; policies and functions in HandoversTenancy. */

export class Handovers1796541300100 implements MigrationInterface {
    name = 'Handovers1796541300100'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "handover" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "citizen_id" uuid NOT NULL,
                "enrolment_id" uuid,
                "to_municipality_id" uuid NOT NULL,
                "message_encrypted" text,
                "identity_encrypted" text NOT NULL,
                "state" character varying(10) NOT NULL DEFAULT 'sent',
                "answered_at" TIMESTAMP WITH TIME ZONE,
                "reason_encrypted" text,
                "answered_by_user_id" uuid,
                "receiving_enrolment_id" uuid,
                "read_until" TIMESTAMP WITH TIME ZONE,
                "created_by_user_id" uuid NOT NULL,
                CONSTRAINT "handover_receiving_enrolment_check" CHECK (
                    "receiving_enrolment_id" IS NULL
                    OR "state" = 'accepted'
                ),
                CONSTRAINT "handover_accepted_check" CHECK (
                    ("state" = 'accepted') = ("read_until" IS NOT NULL)
                ),
                CONSTRAINT "handover_elsewhere_check" CHECK ("to_municipality_id" <> "municipality_id"),
                CONSTRAINT "handover_state_check" CHECK (
                    "state" IN ('sent', 'accepted', 'declined', 'withdrawn')
                ),
                CONSTRAINT "PK_15e64c0391cf9fb9278f297691f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "handover_enrolment" ON "handover" ("enrolment_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "handover_citizen" ON "handover" ("citizen_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "handover_to_municipality_state" ON "handover" ("to_municipality_id", "state")
        `);
        await queryRunner.query(`
            CREATE INDEX "handover_municipality_created" ON "handover" ("municipality_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality"
            ADD "handover_read_days" integer NOT NULL DEFAULT '90'
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment"
            ADD "transferred_to_municipality_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality"
            ADD CONSTRAINT "municipality_handover_read_days_check" CHECK (
                    "handover_read_days" BETWEEN 1 AND 365
                )
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment"
            ADD CONSTRAINT "enrolment_transferred_to_check" CHECK (
                    "transferred_to_municipality_id" IS NULL
                    OR (
                        "state" = 'transferred'
                        AND "transferred_to_municipality_id" <> "municipality_id"
                    )
                )
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment"
            ADD CONSTRAINT "enrolment_transferred_to_municipality" FOREIGN KEY ("transferred_to_municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "handover"
            ADD CONSTRAINT "handover_receiving_enrolment" FOREIGN KEY ("receiving_enrolment_id") REFERENCES "enrolment"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "handover"
            ADD CONSTRAINT "handover_to_municipality" FOREIGN KEY ("to_municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "handover"
            ADD CONSTRAINT "handover_enrolment_same_municipality" FOREIGN KEY ("municipality_id", "enrolment_id") REFERENCES "enrolment"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "handover"
            ADD CONSTRAINT "handover_created_by_same_municipality" FOREIGN KEY ("municipality_id", "created_by_user_id") REFERENCES "app_user"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "handover"
            ADD CONSTRAINT "handover_citizen_same_municipality" FOREIGN KEY ("municipality_id", "citizen_id") REFERENCES "citizen"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "handover" DROP CONSTRAINT "handover_citizen_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "handover" DROP CONSTRAINT "handover_created_by_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "handover" DROP CONSTRAINT "handover_enrolment_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "handover" DROP CONSTRAINT "handover_to_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "handover" DROP CONSTRAINT "handover_receiving_enrolment"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment" DROP CONSTRAINT "enrolment_transferred_to_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment" DROP CONSTRAINT "enrolment_transferred_to_check"
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality" DROP CONSTRAINT "municipality_handover_read_days_check"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment" DROP COLUMN "transferred_to_municipality_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality" DROP COLUMN "handover_read_days"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."handover_municipality_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."handover_to_municipality_state"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."handover_citizen"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."handover_enrolment"
        `);
        await queryRunner.query(`
            DROP TABLE "handover"
        `);
    }

}
