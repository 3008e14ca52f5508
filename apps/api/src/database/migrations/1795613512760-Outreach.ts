import type { MigrationInterface, QueryRunner } from "typeorm";

export class Outreach1795613512760 implements MigrationInterface {
    name = 'Outreach1795613512760'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "outreach_contact" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "contact_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "staff_user_id" uuid NOT NULL,
                "place_type" character varying(30) NOT NULL,
                "duration_minutes" integer NOT NULL,
                "contact_type" character varying(30) NOT NULL,
                "citizen_id" uuid,
                "alias_encrypted" text,
                "alias_hash" character(64),
                "referred_programme_id" uuid,
                "referral_started" boolean,
                "referral_started_date" date,
                CONSTRAINT "outreach_contact_type_check" CHECK (
                    "contact_type" IN (
                        'first-contact',
                        'follow-up',
                        'practical-help',
                        'accompaniment',
                        'referral'
                    )
                ),
                CONSTRAINT "outreach_contact_place_check" CHECK (
                    "place_type" IN (
                        'street',
                        'shelter',
                        'drop-in-centre',
                        'home',
                        'partner-organisation',
                        'treatment-centre'
                    )
                ),
                CONSTRAINT "outreach_contact_duration_check" CHECK (
                    "duration_minutes" BETWEEN 1 AND 720
                ),
                CONSTRAINT "outreach_contact_person_check" CHECK (("citizen_id" IS NULL) <> ("alias_hash" IS NULL)),
                CONSTRAINT "PK_7e310506fd287f4306f39f05738" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "outreach_contact_municipality_at" ON "outreach_contact" ("municipality_id", "contact_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "outreach_contact_alias" ON "outreach_contact" ("municipality_id", "alias_hash")
        `);
        await queryRunner.query(`
            CREATE INDEX "outreach_contact_citizen_at" ON "outreach_contact" ("citizen_id", "contact_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "outreach_contact"
            ADD CONSTRAINT "FK_c025db0614c1fbb3439b0bce390" FOREIGN KEY ("citizen_id") REFERENCES "citizen"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "outreach_contact" DROP CONSTRAINT "FK_c025db0614c1fbb3439b0bce390"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."outreach_contact_citizen_at"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."outreach_contact_alias"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."outreach_contact_municipality_at"
        `);
        await queryRunner.query(`
            DROP TABLE "outreach_contact"
        `);
    }

}
