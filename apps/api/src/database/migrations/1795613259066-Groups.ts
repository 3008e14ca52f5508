import type { MigrationInterface, QueryRunner } from "typeorm";

export class Groups1795613259066 implements MigrationInterface {
    name = 'Groups1795613259066'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "treatment_group" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "programme_id" uuid NOT NULL,
                "centre_id" uuid NOT NULL,
                "kind" character varying(20) NOT NULL,
                "name" character varying(200) NOT NULL,
                "start_date" date,
                "start_time" character varying(5) NOT NULL,
                "place" character varying(300),
                CONSTRAINT "treatment_group_kind_check" CHECK ("kind" IN ('course', 'standing')),
                CONSTRAINT "PK_7a452098590f760f0ce85ab36da" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "group_member" (
                "group_id" uuid NOT NULL,
                "enrolment_id" uuid NOT NULL,
                "municipality_id" uuid NOT NULL,
                CONSTRAINT "PK_d2b802b02f3adc212760c1b53bc" PRIMARY KEY ("group_id", "enrolment_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "group_meeting" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "group_id" uuid NOT NULL,
                "number" integer,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "duration_minutes" integer NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'planned',
                "anonymous_headcount" integer,
                CONSTRAINT "group_meeting_duration_check" CHECK (
                    "duration_minutes" BETWEEN 1 AND 720
                ),
                CONSTRAINT "group_meeting_status_check" CHECK ("status" IN ('planned', 'held', 'cancelled')),
                CONSTRAINT "PK_d4b15c0bc65a245ab23f1569be9" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "group_meeting_number_unique" ON "group_meeting" ("group_id", "number")
            WHERE "number" IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "group_meeting_group_starts" ON "group_meeting" ("group_id", "starts_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "group_attendance" (
                "meeting_id" uuid NOT NULL,
                "enrolment_id" uuid NOT NULL,
                "municipality_id" uuid NOT NULL,
                "status" character varying(20) NOT NULL,
                CONSTRAINT "group_attendance_status_check" CHECK ("status" IN ('present', 'absent', 'excused')),
                CONSTRAINT "PK_b00532cb071b4373aeb348142b7" PRIMARY KEY ("meeting_id", "enrolment_id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "treatment_group"
            ADD CONSTRAINT "FK_70a52d0c7cd3e6dd64a31dfc45d" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "treatment_group"
            ADD CONSTRAINT "FK_ecb041be9f269c191597ef6354a" FOREIGN KEY ("centre_id") REFERENCES "centre"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "group_member"
            ADD CONSTRAINT "FK_e200cd6ff3e3903c5be5ae1400e" FOREIGN KEY ("group_id") REFERENCES "treatment_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "group_member"
            ADD CONSTRAINT "FK_0d793201e1a8f1f8d6dd8cbc535" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "group_meeting"
            ADD CONSTRAINT "FK_f5bf587c32a629ccf65cc80439f" FOREIGN KEY ("group_id") REFERENCES "treatment_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "group_attendance"
            ADD CONSTRAINT "FK_078b0cad3933a801eed3a0a39d1" FOREIGN KEY ("meeting_id") REFERENCES "group_meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "group_attendance"
            ADD CONSTRAINT "FK_7f145ebed507a96f9409bc0eabb" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "group_attendance" DROP CONSTRAINT "FK_7f145ebed507a96f9409bc0eabb"
        `);
        await queryRunner.query(`
            ALTER TABLE "group_attendance" DROP CONSTRAINT "FK_078b0cad3933a801eed3a0a39d1"
        `);
        await queryRunner.query(`
            ALTER TABLE "group_meeting" DROP CONSTRAINT "FK_f5bf587c32a629ccf65cc80439f"
        `);
        await queryRunner.query(`
            ALTER TABLE "group_member" DROP CONSTRAINT "FK_0d793201e1a8f1f8d6dd8cbc535"
        `);
        await queryRunner.query(`
            ALTER TABLE "group_member" DROP CONSTRAINT "FK_e200cd6ff3e3903c5be5ae1400e"
        `);
        await queryRunner.query(`
            ALTER TABLE "treatment_group" DROP CONSTRAINT "FK_ecb041be9f269c191597ef6354a"
        `);
        await queryRunner.query(`
            ALTER TABLE "treatment_group" DROP CONSTRAINT "FK_70a52d0c7cd3e6dd64a31dfc45d"
        `);
        await queryRunner.query(`
            DROP TABLE "group_attendance"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."group_meeting_group_starts"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."group_meeting_number_unique"
        `);
        await queryRunner.query(`
            DROP TABLE "group_meeting"
        `);
        await queryRunner.query(`
            DROP TABLE "group_member"
        `);
        await queryRunner.query(`
            DROP TABLE "treatment_group"
        `);
    }

}
