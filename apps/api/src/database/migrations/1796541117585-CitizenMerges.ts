import { MigrationInterface, QueryRunner } from "typeorm";

export class CitizenMerges1796541117585 implements MigrationInterface {
    name = 'CitizenMerges1796541117585'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "citizen_merge" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "source_citizen_id" uuid NOT NULL,
                "target_citizen_id" uuid NOT NULL,
                "merged_by_user_id" uuid NOT NULL,
                "merged_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "reason_encrypted" text NOT NULL,
                "moved" jsonb NOT NULL,
                "undo_until" TIMESTAMP WITH TIME ZONE NOT NULL,
                "undone_at" TIMESTAMP WITH TIME ZONE,
                "undone_by_user_id" uuid,
                "undo_reason_encrypted" text,
                CONSTRAINT "citizen_merge_undone_check" CHECK (
                    ("undone_at" IS NULL) = ("undone_by_user_id" IS NULL)
                    AND ("undone_at" IS NULL) = ("undo_reason_encrypted" IS NULL)
                ),
                CONSTRAINT "citizen_merge_two_citizens_check" CHECK ("source_citizen_id" <> "target_citizen_id"),
                CONSTRAINT "PK_16088ddfd1b862acc34667d7674" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "citizen_merge_source" ON "citizen_merge" ("source_citizen_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "citizen_merge_target" ON "citizen_merge" ("target_citizen_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality"
            ADD "merge_undo_days" integer NOT NULL DEFAULT '30'
        `);
        await queryRunner.query(`
            ALTER TABLE "citizen"
            ADD "merged_into_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality"
            ADD CONSTRAINT "municipality_merge_undo_days_check" CHECK (
                    "merge_undo_days" BETWEEN 1 AND 365
                )
        `);
        await queryRunner.query(`
            ALTER TABLE "citizen"
            ADD CONSTRAINT "citizen_merged_into_same_municipality" FOREIGN KEY ("municipality_id", "merged_into_id") REFERENCES "citizen"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "citizen_merge"
            ADD CONSTRAINT "citizen_merge_undone_by_same_municipality" FOREIGN KEY ("municipality_id", "undone_by_user_id") REFERENCES "app_user"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "citizen_merge"
            ADD CONSTRAINT "citizen_merge_merged_by_same_municipality" FOREIGN KEY ("municipality_id", "merged_by_user_id") REFERENCES "app_user"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "citizen_merge"
            ADD CONSTRAINT "citizen_merge_target_same_municipality" FOREIGN KEY ("municipality_id", "target_citizen_id") REFERENCES "citizen"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "citizen_merge"
            ADD CONSTRAINT "citizen_merge_source_same_municipality" FOREIGN KEY ("municipality_id", "source_citizen_id") REFERENCES "citizen"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "citizen_merge" DROP CONSTRAINT "citizen_merge_source_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "citizen_merge" DROP CONSTRAINT "citizen_merge_target_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "citizen_merge" DROP CONSTRAINT "citizen_merge_merged_by_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "citizen_merge" DROP CONSTRAINT "citizen_merge_undone_by_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "citizen" DROP CONSTRAINT "citizen_merged_into_same_municipality"
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality" DROP CONSTRAINT "municipality_merge_undo_days_check"
        `);
        await queryRunner.query(`
            ALTER TABLE "citizen" DROP COLUMN "merged_into_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "municipality" DROP COLUMN "merge_undo_days"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."citizen_merge_target"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."citizen_merge_source"
        `);
        await queryRunner.query(`
            DROP TABLE "citizen_merge"
        `);
    }

}
