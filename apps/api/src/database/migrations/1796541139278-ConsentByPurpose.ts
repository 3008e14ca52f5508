import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Consent by purpose (issue 22, decisions 89-90): the purposes as a code list, each citizen's
 * append-only history, the old `evaluation_consent` flag moved into it, and the municipality's rule for
 * "not asked" in exports.
 */

export class ConsentByPurpose1796541139278 implements MigrationInterface {
    name = 'ConsentByPurpose1796541139278'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "consent_purpose" (
                "code" character varying(30) NOT NULL,
                "label_da" character varying(100) NOT NULL,
                "label_en" character varying(100) NOT NULL,
                "minors_only" boolean NOT NULL DEFAULT false,
                "sort_order" integer NOT NULL,
                CONSTRAINT "PK_973f9dcfbed11be9af2e1e7cc98" PRIMARY KEY ("code")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "citizen_consent" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "municipality_id" uuid NOT NULL,
                "citizen_id" uuid NOT NULL,
                "purpose" character varying(30) NOT NULL,
                "entry" integer NOT NULL,
                "event" character varying(10) NOT NULL,
                "on_date" date,
                "recorded_by_user_id" uuid,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "citizen_consent_recorded_check" CHECK (
                    "recorded_by_user_id" IS NULL
                    OR "on_date" IS NOT NULL
                ),
                CONSTRAINT "citizen_consent_entry_check" CHECK ("entry" >= 1),
                CONSTRAINT "citizen_consent_event_check" CHECK ("event" IN ('given', 'refused', 'withdrawn')),
                CONSTRAINT "PK_467b5c17a14e38e52496ecce7d6" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "citizen_consent_entry" ON "citizen_consent" ("citizen_id", "purpose", "entry")
        `);
        // The code list (decision 89): the purposes the product knows, in Danish and English.
        await queryRunner.query(`
            INSERT INTO consent_purpose (code, label_da, label_en, minors_only, sort_order) VALUES
            ('evaluation', 'Evaluering', 'Evaluation', false, 10),
            ('job-centre', 'Deling med jobcentret', 'Sharing with the job centre', false, 20),
            ('psychiatry', 'Deling med regionens psykiatri', 'Sharing with the region''s psychiatry', false, 30),
            ('relatives', 'Deling med pårørende', 'Sharing with relatives', false, 40),
            ('parents', 'Deling med forældre (under 18 år)', 'Sharing with the parents (under 18)', true, 50)
        `);
        // No data lost: every answer of the old flag becomes the first entry of the citizen's evaluation
        // history, with its date (null when none was entered) and no recorder (never stored).
        await queryRunner.query(`
            INSERT INTO citizen_consent (municipality_id, citizen_id, purpose, entry, event, on_date, recorded_by_user_id, recorded_at)
            SELECT municipality_id, id, 'evaluation', 1, CASE WHEN evaluation_consent THEN 'given' ELSE 'refused' END,
                   evaluation_consent_date, NULL, updated_at
            FROM citizen WHERE evaluation_consent IS NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "citizen" DROP COLUMN "evaluation_consent"
        `);
        await queryRunner.query(`
            ALTER TABLE "citizen" DROP COLUMN "evaluation_consent_date"
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality"
            ADD "consent_not_asked" character varying(10) NOT NULL DEFAULT 'included'
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality"
            ADD CONSTRAINT "municipality_consent_not_asked_check" CHECK ("consent_not_asked" IN ('included', 'excluded'))
        `);
        await queryRunner.query(`
            ALTER TABLE "citizen_consent"
            ADD CONSTRAINT "FK_342f5d02c20fc7d1f7cdd76ea15" FOREIGN KEY ("purpose") REFERENCES "consent_purpose"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "citizen_consent"
            ADD CONSTRAINT "citizen_consent_recorded_by_same_municipality" FOREIGN KEY ("municipality_id", "recorded_by_user_id") REFERENCES "app_user"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "citizen_consent"
            ADD CONSTRAINT "citizen_consent_citizen_same_municipality" FOREIGN KEY ("municipality_id", "citizen_id") REFERENCES "citizen"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "citizen_consent" DROP CONSTRAINT "citizen_consent_citizen_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "citizen_consent" DROP CONSTRAINT "citizen_consent_recorded_by_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "citizen_consent" DROP CONSTRAINT "FK_342f5d02c20fc7d1f7cdd76ea15"
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality" DROP CONSTRAINT "municipality_consent_not_asked_check"
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality" DROP COLUMN "consent_not_asked"
        `);
        await queryRunner.query(`
            ALTER TABLE "citizen"
            ADD "evaluation_consent_date" date
        `);
        await queryRunner.query(`
            ALTER TABLE "citizen"
            ADD "evaluation_consent" boolean
        `);
        // Back to the old flag: the latest evaluation entry (withdrawn and refused both read as false).
        await queryRunner.query(`
            UPDATE citizen c SET evaluation_consent = (l.event = 'given'), evaluation_consent_date = l.on_date
            FROM (SELECT DISTINCT ON (citizen_id) citizen_id, event, on_date FROM citizen_consent WHERE purpose = 'evaluation' ORDER BY citizen_id, entry DESC) l
            WHERE l.citizen_id = c.id
        `);
        await queryRunner.query(`
            DROP INDEX "public"."citizen_consent_entry"
        `);
        await queryRunner.query(`
            DROP TABLE "citizen_consent"
        `);
        await queryRunner.query(`
            DROP TABLE "consent_purpose"
        `);
    }

}
