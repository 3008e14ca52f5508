import type { MigrationInterface, QueryRunner } from "typeorm";

export class CitizenListIndex1795631563509 implements MigrationInterface {
    name = 'CitizenListIndex1795631563509'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE INDEX "citizen_municipality_created" ON "citizen" ("municipality_id", "created_at")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."citizen_municipality_created"
        `);
    }

}
