import { MigrationInterface, QueryRunner } from "typeorm";

export class ExportDisclosure1795651000000 implements MigrationInterface {
    name = 'ExportDisclosure1795651000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "export_project"
            ADD "k" integer NOT NULL DEFAULT '5'
        `);
        await queryRunner.query(`
            ALTER TABLE "export_project"
            ADD "pseudonym_key_salt" text
        `);
        await queryRunner.query(`
            ALTER TABLE "export_job"
            ADD "disclosure" jsonb
        `);
        await queryRunner.query(`
            ALTER TABLE "export_project"
            ADD CONSTRAINT "export_project_k_check" CHECK (
                    "k" BETWEEN 5 AND 100
                )
        `);
        // Periods are whole calendar months now. A project with a day-level bound is widened to the
        // months it touches, and gets a new pseudonym key (a salt: a migration has no key to encrypt
        // a new one with), so that its next files do not link to those made under the narrow bound.
        await queryRunner.query(`
            UPDATE "export_project"
            SET "period_from" = date_trunc('month', "period_from")::date,
                "period_to" = (date_trunc('month', "period_to") + interval '1 month' - interval '1 day')::date,
                "pseudonym_key_salt" = gen_random_uuid()::text || gen_random_uuid()::text,
                "version" = "version" + 1, "updated_at" = now()
            WHERE "period_from" <> date_trunc('month', "period_from")::date
               OR "period_to" <> (date_trunc('month', "period_to") + interval '1 month' - interval '1 day')::date
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "export_project" DROP CONSTRAINT "export_project_k_check"
        `);
        await queryRunner.query(`
            ALTER TABLE "export_job" DROP COLUMN "disclosure"
        `);
        await queryRunner.query(`
            ALTER TABLE "export_project" DROP COLUMN "pseudonym_key_salt"
        `);
        await queryRunner.query(`
            ALTER TABLE "export_project" DROP COLUMN "k"
        `);
    }

}
