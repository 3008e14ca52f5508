import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Authority over shared data (issue #17): the national operator (a user of no municipality), local
 * programmes beside the national catalogue, and evaluator grants made by the data owner. Grants held
 * in app_user.granted_municipality_ids are dropped, not carried over: they were made by the
 * evaluator's own admin, which is the hole this closes; the data owner's admin grants anew.
 * Row-level security and the functions that use these tables: NationalAuthorityTenancy.
 */
export class NationalAuthority1795640000000 implements MigrationInterface {
    name = 'NationalAuthority1795640000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "evaluator_grant" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "evaluator_user_id" uuid NOT NULL,
                "evaluator_email" character varying(254) NOT NULL,
                "evaluator_municipality_id" uuid NOT NULL,
                "municipality_id" uuid NOT NULL,
                "granted_by_user_id" uuid NOT NULL,
                "purpose" character varying(500) NOT NULL,
                "valid_from" date NOT NULL,
                "valid_until" date NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revoked_by_user_id" uuid,
                CONSTRAINT "PK_2b492968cb1c1fbbcf4c5f7991d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "evaluator_grant_municipality" ON "evaluator_grant" ("municipality_id", "valid_until")
        `);
        await queryRunner.query(`
            CREATE INDEX "evaluator_grant_evaluator" ON "evaluator_grant" ("evaluator_user_id")
        `);
        // Grants now come from evaluator_grant: active, not revoked, and for evaluators only (a grant
        // ends with the role). LEFT JOIN: the operator has no municipality.
        await queryRunner.query(`
            CREATE OR REPLACE FUNCTION auth_session(p_id uuid)
            RETURNS TABLE (id uuid, email text, display_name text, municipality_id uuid, municipality_name text,
                           role text, active boolean, token_version int, granted_municipality_ids uuid[])
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
              SELECT u.id, u.email, u.display_name, u.municipality_id, m.name, u.role, u.active, u.token_version,
                     CASE WHEN u.role = 'evaluator' THEN ARRAY(
                       SELECT DISTINCT g.municipality_id FROM evaluator_grant g
                       WHERE g.evaluator_user_id = u.id AND g.revoked_at IS NULL
                         AND (now() AT TIME ZONE 'Europe/Copenhagen')::date BETWEEN g.valid_from AND g.valid_until
                     ) ELSE '{}'::uuid[] END
              FROM app_user u LEFT JOIN municipality m ON m.id = u.municipality_id WHERE u.id = p_id
            $$
        `);
        await queryRunner.query(`
            ALTER TABLE "app_user" DROP COLUMN "granted_municipality_ids"
        `);
        await queryRunner.query(`
            ALTER TABLE "programme"
            ADD "municipality_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "programme" DROP CONSTRAINT "UQ_0cb721fe5a34b811494fb228d98"
        `);
        // One code per catalogue: the national one (NULL) and each municipality's own.
        await queryRunner.query(`
            CREATE UNIQUE INDEX "programme_code_unique" ON "programme" ("municipality_id", "code") NULLS NOT DISTINCT
        `);
        await queryRunner.query(`
            ALTER TABLE "access_log"
            ALTER COLUMN "municipality_id" DROP NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "app_user" DROP CONSTRAINT "FK_6cecf0f20a41280d83a2cbb7390"
        `);
        await queryRunner.query(`
            ALTER TABLE "app_user"
            ALTER COLUMN "municipality_id" DROP NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "app_user" DROP CONSTRAINT "app_user_role_check"
        `);
        await queryRunner.query(`
            ALTER TABLE "app_user"
            ADD CONSTRAINT "app_user_role_check" CHECK ("role" IN ('staff', 'coordinator', 'evaluator', 'admin', 'operator'))
        `);
        await queryRunner.query(`
            ALTER TABLE "app_user"
            ADD CONSTRAINT "app_user_operator_check" CHECK (
                    ("role" = 'operator') = ("municipality_id" IS NULL)
                )
        `);
        await queryRunner.query(`
            ALTER TABLE "programme"
            ADD CONSTRAINT "FK_34112f5e9b914a57b73f42940e9" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "app_user"
            ADD CONSTRAINT "FK_6cecf0f20a41280d83a2cbb7390" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "evaluator_grant"
            ADD CONSTRAINT "FK_c7c7e25cc49b9d3398fd9e5c1dc" FOREIGN KEY ("evaluator_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "evaluator_grant"
            ADD CONSTRAINT "FK_e03939d0edfc2d1f373e13a90a6" FOREIGN KEY ("evaluator_municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "evaluator_grant"
            ADD CONSTRAINT "FK_33cb6d576f0a4e022f5b5c7a90f" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "evaluator_grant" DROP CONSTRAINT "FK_33cb6d576f0a4e022f5b5c7a90f"
        `);
        await queryRunner.query(`
            ALTER TABLE "evaluator_grant" DROP CONSTRAINT "FK_e03939d0edfc2d1f373e13a90a6"
        `);
        await queryRunner.query(`
            ALTER TABLE "evaluator_grant" DROP CONSTRAINT "FK_c7c7e25cc49b9d3398fd9e5c1dc"
        `);
        await queryRunner.query(`
            ALTER TABLE "app_user" DROP CONSTRAINT "FK_6cecf0f20a41280d83a2cbb7390"
        `);
        await queryRunner.query(`
            ALTER TABLE "programme" DROP CONSTRAINT "FK_34112f5e9b914a57b73f42940e9"
        `);
        await queryRunner.query(`
            ALTER TABLE "app_user" DROP CONSTRAINT "app_user_operator_check"
        `);
        await queryRunner.query(`DELETE FROM app_user WHERE role = 'operator'`);
        await queryRunner.query(`
            ALTER TABLE "app_user" DROP CONSTRAINT "app_user_role_check"
        `);
        await queryRunner.query(`
            ALTER TABLE "app_user"
            ADD CONSTRAINT "app_user_role_check" CHECK ("role" IN ('staff', 'coordinator', 'evaluator', 'admin'))
        `);
        await queryRunner.query(`
            ALTER TABLE "app_user"
            ALTER COLUMN "municipality_id"
            SET NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "app_user"
            ADD CONSTRAINT "FK_6cecf0f20a41280d83a2cbb7390" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "access_log"
            ALTER COLUMN "municipality_id"
            SET NOT NULL
        `);
        await queryRunner.query(`DELETE FROM programme WHERE municipality_id IS NOT NULL`);
        await queryRunner.query(`DROP INDEX "public"."programme_code_unique"`);
        await queryRunner.query(`
            ALTER TABLE "programme"
            ADD CONSTRAINT "UQ_0cb721fe5a34b811494fb228d98" UNIQUE ("code")
        `);
        await queryRunner.query(`
            ALTER TABLE "programme" DROP COLUMN "municipality_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "app_user"
            ADD "granted_municipality_ids" uuid array NOT NULL DEFAULT '{}'
        `);
        await queryRunner.query(`
            CREATE OR REPLACE FUNCTION auth_session(p_id uuid)
            RETURNS TABLE (id uuid, email text, display_name text, municipality_id uuid, municipality_name text,
                           role text, active boolean, token_version int, granted_municipality_ids uuid[])
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
              SELECT u.id, u.email, u.display_name, u.municipality_id, m.name, u.role, u.active, u.token_version,
                     u.granted_municipality_ids
              FROM app_user u JOIN municipality m ON m.id = u.municipality_id WHERE u.id = p_id
            $$
        `);
        await queryRunner.query(`
            DROP INDEX "public"."evaluator_grant_evaluator"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."evaluator_grant_municipality"
        `);
        await queryRunner.query(`
            DROP TABLE "evaluator_grant"
        `);
    }

}
