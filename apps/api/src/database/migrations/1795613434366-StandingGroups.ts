import type { MigrationInterface, QueryRunner } from "typeorm";

export class StandingGroups1795613434366 implements MigrationInterface {
    name = 'StandingGroups1795613434366'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "treatment_group"
            ADD "weekday" integer
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "treatment_group" DROP COLUMN "weekday"
        `);
    }

}
