import { MigrationInterface, QueryRunner } from "typeorm";

export class RegisterReadiness1796530148248 implements MigrationInterface {
    name = 'RegisterReadiness1796530148248'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "register_end_status" (
                "code" character varying(30) NOT NULL,
                "label_da" character varying(100) NOT NULL,
                "label_en" character varying(100) NOT NULL,
                "published_group" character varying(30) NOT NULL,
                "sort_order" integer NOT NULL,
                CONSTRAINT "register_end_status_group_check" CHECK (
                    "published_group" IN ('drug_free', 'reduced_or_stabilised', 'other')
                ),
                CONSTRAINT "PK_42ef42287c53ce427c5f5e575af" PRIMARY KEY ("code")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment"
            ADD "end_status" character varying(30)
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment"
            ADD CONSTRAINT "FK_5dfffb7163671c375a5b5441d29" FOREIGN KEY ("end_status") REFERENCES "register_end_status"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "enrolment" DROP CONSTRAINT "FK_5dfffb7163671c375a5b5441d29"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment" DROP COLUMN "end_status"
        `);
        await queryRunner.query(`
            DROP TABLE "register_end_status"
        `);
    }

}
