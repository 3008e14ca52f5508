import { MigrationInterface, QueryRunner } from "typeorm";

/** Treatment plan revisions (§ 101 stk. 8); the guarantees are in TreatmentPlansTenancy. */
export class TreatmentPlans1796520140638 implements MigrationInterface {
    name = 'TreatmentPlans1796520140638'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "treatment_plan_revision" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "municipality_id" uuid NOT NULL,
                "enrolment_id" uuid NOT NULL,
                "citizen_id" uuid NOT NULL,
                "revision" integer NOT NULL,
                "content_encrypted" text NOT NULL,
                "review_date" date NOT NULL,
                "made_with_citizen" boolean NOT NULL,
                "made_with_citizen_on" date,
                "revised_by" uuid NOT NULL,
                "revised_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "treatment_plan_revision_made_with_check" CHECK (
                    NOT "made_with_citizen"
                    OR "made_with_citizen_on" IS NOT NULL
                ),
                CONSTRAINT "treatment_plan_revision_number_check" CHECK ("revision" >= 1),
                CONSTRAINT "PK_94ac73473d1556600da5751dacf" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "treatment_plan_revision_review" ON "treatment_plan_revision" ("municipality_id", "review_date")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "treatment_plan_revision_number" ON "treatment_plan_revision" ("enrolment_id", "revision")
        `);
        await queryRunner.query(`
            ALTER TABLE "treatment_plan_revision"
            ADD CONSTRAINT "treatment_plan_revision_user_same_municipality" FOREIGN KEY ("municipality_id", "revised_by") REFERENCES "app_user"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "treatment_plan_revision"
            ADD CONSTRAINT "treatment_plan_revision_citizen_same_municipality" FOREIGN KEY ("municipality_id", "citizen_id") REFERENCES "citizen"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "treatment_plan_revision"
            ADD CONSTRAINT "treatment_plan_revision_enrolment_same_municipality" FOREIGN KEY ("municipality_id", "enrolment_id") REFERENCES "enrolment"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "treatment_plan_revision" DROP CONSTRAINT "treatment_plan_revision_enrolment_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "treatment_plan_revision" DROP CONSTRAINT "treatment_plan_revision_citizen_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "treatment_plan_revision" DROP CONSTRAINT "treatment_plan_revision_user_same_municipality"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."treatment_plan_revision_number"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."treatment_plan_revision_review"
        `);
        await queryRunner.query(`
            DROP TABLE "treatment_plan_revision"
        `);
    }

}
