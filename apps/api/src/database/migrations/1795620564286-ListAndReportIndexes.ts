import { MigrationInterface, QueryRunner } from "typeorm";

export class ListAndReportIndexes1795620564286 implements MigrationInterface {
    name = 'ListAndReportIndexes1795620564286'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE INDEX "enrolment_staff_user" ON "enrolment" ("staff_user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "group_attendance_enrolment" ON "group_attendance" ("enrolment_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "assessment_enrolment" ON "assessment" ("enrolment_id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."assessment_enrolment"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."group_attendance_enrolment"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."enrolment_staff_user"
        `);
    }

}
