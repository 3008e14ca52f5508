import type { MigrationInterface, QueryRunner } from "typeorm";

export class Volunteers1795614039309 implements MigrationInterface {
    name = 'Volunteers1795614039309'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "organisation" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "name" character varying(200) NOT NULL,
                "contact_name" character varying(200),
                "phone" character varying(30),
                "email" character varying(254),
                "municipality_ids" uuid array NOT NULL DEFAULT '{}',
                CONSTRAINT "PK_c725ae234ef1b74cce43d2d00c1" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "volunteer" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "organisation_id" uuid NOT NULL,
                "first_name_encrypted" text NOT NULL,
                "last_name_encrypted" text NOT NULL,
                "phone_encrypted" text,
                "email_encrypted" text,
                "status" character varying(10) NOT NULL DEFAULT 'active',
                "criminal_record_checked_on" date,
                "notes_encrypted" text,
                CONSTRAINT "volunteer_status_check" CHECK ("status" IN ('active', 'paused', 'left')),
                CONSTRAINT "PK_76924da1998b3e07025e04c4d3c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "volunteer_municipality_status" ON "volunteer" ("municipality_id", "status")
        `);
        await queryRunner.query(`
            CREATE TABLE "training" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "volunteer_id" uuid NOT NULL,
                "kind" character varying(30) NOT NULL,
                "title" character varying(200) NOT NULL,
                "completed_on" date NOT NULL,
                "trainer" character varying(200),
                "certificate_ref" character varying(100),
                "renews_on" date,
                CONSTRAINT "training_kind_check" CHECK ("kind" IN ('smart-facilitator', 'other')),
                CONSTRAINT "PK_c436c96be3adf1aa439ef471427" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "training_volunteer" ON "training" ("volunteer_id", "completed_on")
        `);
        await queryRunner.query(`
            CREATE TABLE "facilitation" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "municipality_id" uuid NOT NULL,
                "group_id" uuid NOT NULL,
                "volunteer_id" uuid NOT NULL,
                "role" character varying(20) NOT NULL,
                "from_date" date NOT NULL,
                "to_date" date,
                CONSTRAINT "facilitation_role_check" CHECK ("role" IN ('facilitator', 'co-facilitator')),
                CONSTRAINT "PK_0828e140cdba934ea7aa8b0663d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "facilitation_group" ON "facilitation" ("group_id", "from_date")
        `);
        await queryRunner.query(`
            CREATE TABLE "meeting_facilitator" (
                "meeting_id" uuid NOT NULL,
                "volunteer_id" uuid NOT NULL,
                "municipality_id" uuid NOT NULL,
                "minutes" integer NOT NULL,
                CONSTRAINT "PK_90298ef23467f6f535f4e390399" PRIMARY KEY ("meeting_id", "volunteer_id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "group_meeting"
            ADD "untrained_reason" text
        `);
        await queryRunner.query(`
            ALTER TABLE "volunteer"
            ADD CONSTRAINT "FK_b1ec8818832f5f37c2d4fa8dadd" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "training"
            ADD CONSTRAINT "FK_9c9eea07bc2fe8948f011dd1dae" FOREIGN KEY ("volunteer_id") REFERENCES "volunteer"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "facilitation"
            ADD CONSTRAINT "FK_431541cb53275361e066e4422ac" FOREIGN KEY ("group_id") REFERENCES "treatment_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "facilitation"
            ADD CONSTRAINT "FK_91ba4bcb0e16a8159b35c610d6d" FOREIGN KEY ("volunteer_id") REFERENCES "volunteer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "meeting_facilitator"
            ADD CONSTRAINT "FK_c5c151f1e7c97b17c2ee9c6657e" FOREIGN KEY ("meeting_id") REFERENCES "group_meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "meeting_facilitator"
            ADD CONSTRAINT "FK_aae5d25f615743948b4af7e773f" FOREIGN KEY ("volunteer_id") REFERENCES "volunteer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "meeting_facilitator" DROP CONSTRAINT "FK_aae5d25f615743948b4af7e773f"
        `);
        await queryRunner.query(`
            ALTER TABLE "meeting_facilitator" DROP CONSTRAINT "FK_c5c151f1e7c97b17c2ee9c6657e"
        `);
        await queryRunner.query(`
            ALTER TABLE "facilitation" DROP CONSTRAINT "FK_91ba4bcb0e16a8159b35c610d6d"
        `);
        await queryRunner.query(`
            ALTER TABLE "facilitation" DROP CONSTRAINT "FK_431541cb53275361e066e4422ac"
        `);
        await queryRunner.query(`
            ALTER TABLE "training" DROP CONSTRAINT "FK_9c9eea07bc2fe8948f011dd1dae"
        `);
        await queryRunner.query(`
            ALTER TABLE "volunteer" DROP CONSTRAINT "FK_b1ec8818832f5f37c2d4fa8dadd"
        `);
        await queryRunner.query(`
            ALTER TABLE "group_meeting" DROP COLUMN "untrained_reason"
        `);
        await queryRunner.query(`
            DROP TABLE "meeting_facilitator"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."facilitation_group"
        `);
        await queryRunner.query(`
            DROP TABLE "facilitation"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."training_volunteer"
        `);
        await queryRunner.query(`
            DROP TABLE "training"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."volunteer_municipality_status"
        `);
        await queryRunner.query(`
            DROP TABLE "volunteer"
        `);
        await queryRunner.query(`
            DROP TABLE "organisation"
        `);
    }

}
