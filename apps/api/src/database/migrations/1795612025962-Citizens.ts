import type { MigrationInterface, QueryRunner } from "typeorm";

export class Citizens1795612025962 implements MigrationInterface {
    name = 'Citizens1795612025962'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "citizen" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "cpr_encrypted" text,
                "cpr_hash" character(64),
                "cpr_replacement" boolean NOT NULL DEFAULT false,
                "first_name_encrypted" text NOT NULL,
                "last_name_encrypted" text NOT NULL,
                "name_tokens" text array NOT NULL DEFAULT '{}',
                "birth_year" integer,
                "sex" character varying(10),
                "phone_encrypted" text,
                "email_encrypted" text,
                "address_encrypted" text,
                "preferred_language" character varying(10),
                "evaluation_consent" boolean,
                "evaluation_consent_date" date,
                CONSTRAINT "citizen_sex_check" CHECK (
                    "sex" IS NULL
                    OR "sex" IN ('male', 'female')
                ),
                CONSTRAINT "PK_0e19d9fdbdd0d185ce72fe62a04" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "citizen_cpr_unique" ON "citizen" ("municipality_id", "cpr_hash")
            WHERE "cpr_hash" IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "enrolment" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "citizen_id" uuid NOT NULL,
                "programme_id" uuid NOT NULL,
                "centre_id" uuid NOT NULL,
                "staff_user_id" uuid,
                "referral_date" date NOT NULL,
                "referral_source" character varying(200),
                "start_date" date,
                "end_date" date,
                "end_reason" text,
                "state" character varying(20) NOT NULL DEFAULT 'referred',
                "attestations" text array NOT NULL DEFAULT '{}',
                "eligibility_override" text,
                CONSTRAINT "enrolment_state_check" CHECK (
                    "state" IN (
                        'referred',
                        'active',
                        'completed',
                        'dropped_out',
                        'transferred',
                        'cancelled'
                    )
                ),
                CONSTRAINT "PK_5d2679f6c891d77c58aa0e05f2b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "enrolment_municipality_state" ON "enrolment" ("municipality_id", "state")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "enrolment_one_open_per_programme" ON "enrolment" ("citizen_id", "programme_id")
            WHERE "state" IN ('referred', 'active')
        `);
        await queryRunner.query(`
            CREATE TABLE "enrolment_transition" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "municipality_id" uuid NOT NULL,
                "enrolment_id" uuid NOT NULL,
                "from_state" character varying(20),
                "to_state" character varying(20) NOT NULL,
                "on_date" date NOT NULL,
                "reason" text,
                "user_id" uuid NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b22a188c4c2a407369feeba9835" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "enrolment_transition_enrolment" ON "enrolment_transition" ("enrolment_id", "at")
        `);
        await queryRunner.query(`
            ALTER TABLE "programme"
            ADD "required_attestations" text array NOT NULL DEFAULT '{}'
        `);
        await queryRunner.query(`
            ALTER TABLE "citizen"
            ADD CONSTRAINT "FK_ac066cd3ea4e6895e40f1e1ac23" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment"
            ADD CONSTRAINT "FK_79b3a08e6dc0b909a4e6f8d9a00" FOREIGN KEY ("citizen_id") REFERENCES "citizen"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment"
            ADD CONSTRAINT "FK_a680aa1bc443abb2512f0e241fd" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment"
            ADD CONSTRAINT "FK_63b62aa4fe4b03189f9e92a2a5d" FOREIGN KEY ("centre_id") REFERENCES "centre"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment_transition"
            ADD CONSTRAINT "FK_a9d5600e118af3a7b390e1ffae5" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "enrolment_transition" DROP CONSTRAINT "FK_a9d5600e118af3a7b390e1ffae5"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment" DROP CONSTRAINT "FK_63b62aa4fe4b03189f9e92a2a5d"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment" DROP CONSTRAINT "FK_a680aa1bc443abb2512f0e241fd"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment" DROP CONSTRAINT "FK_79b3a08e6dc0b909a4e6f8d9a00"
        `);
        await queryRunner.query(`
            ALTER TABLE "citizen" DROP CONSTRAINT "FK_ac066cd3ea4e6895e40f1e1ac23"
        `);
        await queryRunner.query(`
            ALTER TABLE "programme" DROP COLUMN "required_attestations"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."enrolment_transition_enrolment"
        `);
        await queryRunner.query(`
            DROP TABLE "enrolment_transition"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."enrolment_one_open_per_programme"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."enrolment_municipality_state"
        `);
        await queryRunner.query(`
            DROP TABLE "enrolment"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."citizen_cpr_unique"
        `);
        await queryRunner.query(`
            DROP TABLE "citizen"
        `);
    }

}
