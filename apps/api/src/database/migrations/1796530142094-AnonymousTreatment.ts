import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Anonymous treatment (Serviceloven § 101 a) as its own kind of course: `course_kind` on case_request
 * and enrolment ('sel-101' by default, so every existing course stays a § 101 course), and the key
 * that gives an enrolment its request's kind.
 */
export class AnonymousTreatment1796530142094 implements MigrationInterface {
    name = 'AnonymousTreatment1796530142094'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "case_request"
            ADD "course_kind" character varying(10) NOT NULL DEFAULT 'sel-101'
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment"
            ADD "course_kind" character varying(10) NOT NULL DEFAULT 'sel-101'
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "case_request_id_course_kind" ON "case_request" ("id", "course_kind")
        `);
        await queryRunner.query(`
            ALTER TABLE "case_request"
            ADD CONSTRAINT "case_request_course_kind_check" CHECK ("course_kind" IN ('sel-101', 'sel-101a'))
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment"
            ADD CONSTRAINT "enrolment_course_kind_check" CHECK ("course_kind" IN ('sel-101', 'sel-101a'))
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment"
            ADD CONSTRAINT "enrolment_case_request_course_kind" FOREIGN KEY ("case_request_id", "course_kind") REFERENCES "case_request"("id", "course_kind") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "enrolment" DROP CONSTRAINT "enrolment_case_request_course_kind"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment" DROP CONSTRAINT "enrolment_course_kind_check"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_request" DROP CONSTRAINT "case_request_course_kind_check"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."case_request_id_course_kind"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment" DROP COLUMN "course_kind"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_request" DROP COLUMN "course_kind"
        `);
    }

}
