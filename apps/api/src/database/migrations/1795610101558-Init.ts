import type { MigrationInterface, QueryRunner } from "typeorm";

export class Init1795610101558 implements MigrationInterface {
    name = 'Init1795610101558'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "municipality" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "code" character varying(3) NOT NULL,
                "name" character varying(100) NOT NULL,
                CONSTRAINT "UQ_f01eb47e7b81481ca5a146a786d" UNIQUE ("code"),
                CONSTRAINT "PK_281ad341f20df7c41b83a182e2a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "centre" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "municipality_id" uuid NOT NULL,
                "name" character varying(200) NOT NULL,
                "address" character varying(300),
                "phone" character varying(30),
                "email" character varying(254),
                "active" boolean NOT NULL DEFAULT true,
                CONSTRAINT "PK_935b270f171eab8dc96443baeb3" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_353ed3f3337fc9acaa65aed118" ON "centre" ("municipality_id", "name")
        `);
        await queryRunner.query(`
            CREATE TABLE "programme" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "code" character varying(20) NOT NULL,
                "name" character varying(200) NOT NULL,
                "description" text,
                "format" character varying(30) NOT NULL,
                "expected_sessions" integer,
                "session_minutes" integer,
                "course_weeks" integer,
                "follow_up_months" integer array NOT NULL DEFAULT '{}',
                "follow_up_window_days" integer NOT NULL DEFAULT '30',
                "min_age" integer,
                "max_age" integer,
                "target_group" text,
                "active" boolean NOT NULL DEFAULT true,
                CONSTRAINT "UQ_0cb721fe5a34b811494fb228d98" UNIQUE ("code"),
                CONSTRAINT "programme_age_range_check" CHECK (
                    "min_age" IS NULL
                    OR "max_age" IS NULL
                    OR "min_age" <= "max_age"
                ),
                CONSTRAINT "programme_format_check" CHECK (
                    "format" IN (
                        'open-group',
                        'closed-group',
                        'outreach',
                        'individual',
                        'case-management'
                    )
                ),
                CONSTRAINT "PK_76ff6b30b74f213944d1ac0a660" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "seed_run" (
                "name" character varying(50) NOT NULL,
                "rows" integer NOT NULL,
                "ran_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_59a6e9cf76f8ea3c01e2d992f0c" PRIMARY KEY ("name")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "centre"
            ADD CONSTRAINT "FK_927e6bfa210d16125066cd34d27" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "centre" DROP CONSTRAINT "FK_927e6bfa210d16125066cd34d27"
        `);
        await queryRunner.query(`
            DROP TABLE "seed_run"
        `);
        await queryRunner.query(`
            DROP TABLE "programme"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_353ed3f3337fc9acaa65aed118"
        `);
        await queryRunner.query(`
            DROP TABLE "centre"
        `);
        await queryRunner.query(`
            DROP TABLE "municipality"
        `);
    }

}
