import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an access carried: `citizen_ids`, every citizen in the answer (a list's page, a group's
 * members, the citizen a duplicate CPR number or a lookup found), and `change`, a write's before and
 * after (reference data, users, grants, settings). Both are covered by the chain hash when present.
 *
 * "Who has seen this citizen" looks a citizen up in `citizen_id` OR `citizen_ids`. `@>` on an array is
 * not leakproof, so under row-level security PostgreSQL may not use the GIN index before the tenant
 * filter; access_log_citizen_seqs() (SECURITY DEFINER, with the tenant filter written out) answers the
 * rows' sequence numbers through both indexes, and the caller then reads those rows under RLS as usual.
 */
export class AccessLogContent1795642000000 implements MigrationInterface {
  name = 'AccessLogContent1795642000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE access_log ADD COLUMN citizen_ids uuid[]`);
    await q.query(`ALTER TABLE access_log ADD COLUMN change jsonb`);
    await q.query(`CREATE INDEX access_log_citizen_ids ON access_log USING gin (citizen_ids)`);
    await q.query(`
      CREATE FUNCTION access_log_citizen_seqs(p_citizen uuid) RETURNS SETOF bigint
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT l.seq FROM access_log l WHERE l.citizen_id = p_citizen AND l.municipality_id = app_municipality_id()
        UNION
        SELECT l.seq FROM access_log l WHERE l.citizen_ids @> ARRAY[p_citizen] AND l.municipality_id = app_municipality_id()
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION access_log_citizen_seqs(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION access_log_citizen_seqs(uuid) TO outcomes_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS access_log_citizen_seqs(uuid)`);
    await q.query(`DROP INDEX IF EXISTS access_log_citizen_ids`);
    await q.query(`ALTER TABLE access_log DROP COLUMN change`);
    await q.query(`ALTER TABLE access_log DROP COLUMN citizen_ids`);
  }
}
