import { DEMO_IDS } from '@outcomes/seeds';
import { asAppRole, closeDb, db } from './support/http';

afterAll(closeDb);

describe('row-level security, in SQL, as the restricted role', () => {
  it('the role is restricted: no superuser, no BYPASSRLS, owns no table', async () => {
    const role = await db().query<{ rolsuper: boolean; rolbypassrls: boolean }>("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'outcomes_app'");
    expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = await db().query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = 'outcomes_app'");
    expect(owned.rows).toEqual([]);
  });

  // RLS enabled and forced, and no rows without a tenant: every tenant table, in tenant-tables.e2e-spec.ts.

  it('a tenant sees only its own users, and cannot write into another municipality', async () => {
    await asAppRole({ 'app.municipality_id': DEMO_IDS.municipalities.aarhus }, async (client) => {
      const municipalities = await client.query<{ municipality_id: string }>('SELECT DISTINCT municipality_id FROM app_user');
      expect(municipalities.rows).toEqual([{ municipality_id: DEMO_IDS.municipalities.aarhus }]);
      await expect(
        client.query(
          `INSERT INTO app_user (municipality_id, email, display_name, role, password_hash) VALUES ($1, 'x@odense.test', 'X', 'staff', 'x')`,
          [DEMO_IDS.municipalities.odense],
        ),
      ).rejects.toThrow(/row-level security/);
    });
  });

  it('the access log refuses UPDATE, DELETE and TRUNCATE, even to its owner', async () => {
    await asAppRole({ 'app.municipality_id': DEMO_IDS.municipalities.aarhus }, async (client) => {
      await expect(client.query('UPDATE access_log SET outcome = $1', ['ok'])).rejects.toThrow(/permission denied/);
    });
    for (const sql of ["UPDATE access_log SET outcome = 'ok'", 'DELETE FROM access_log', 'TRUNCATE access_log']) {
      const client = await db().connect();
      try {
        await client.query('BEGIN');
        await client.query(`INSERT INTO access_log (seq, at, user_id, role, municipality_id, action, resource, outcome, prev_hash, hash)
          VALUES (nextval('access_log_seq'), now(), $1, 'admin', $2, 'read', 'users', 'ok', repeat('0', 64), repeat('0', 64))`,
        [DEMO_IDS.users.aarhus.admin, DEMO_IDS.municipalities.aarhus]);
        await expect(client.query(sql)).rejects.toThrow(/append-only/);
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
    }
  });
});
