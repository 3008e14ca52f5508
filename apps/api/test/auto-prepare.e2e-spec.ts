import { randomUUID } from 'node:crypto';
import { DEMO_IDS } from '@outcomes/seeds';
import { Client, Pool } from 'pg';
import type { PoolClient } from 'pg';
import { worklistQuery, worklistSql } from '../src/assessments/worklist-sql';
import { AutoPrepareClient, MAX_PREPARED_PER_CONNECTION } from '../src/database/auto-prepare-client';
import { activeEnrolment, createCitizen } from './support/fixtures';
import { asAppRole, closeDb } from './support/http';

/** pg's own query(), as the spy below calls it. */
const original = Client.prototype.query;

// Decision 188: the API's connections prepare the statements they send again and again. What that
// could break, attacked on a real PostgreSQL through the API's own client class: a plan kept across
// transactions must not keep the tenant it was made for; the connection must stay consistent when a
// statement is evicted, fails to parse, or meets an aborted transaction; the backend's memory stays
// bounded. The expected values come from the owner's own queries or from the test's arithmetic.

const { aarhus, odense } = DEMO_IDS.municipalities;
let pool: Pool;
let client: PoolClient;

beforeAll(async () => {
  // One connection, so every statement meets the statements the ones before it prepared.
  pool = new Pool({ connectionString: process.env['TEST_DATABASE_URL'], max: 1, Client: AutoPrepareClient });
  client = await pool.connect();
});

afterAll(async () => {
  client.release();
  await pool.end();
  await closeDb();
});

/** What this connection holds prepared (a text without parameters: never prepared itself). */
async function prepared(): Promise<{ name: string; statement: string; generic_plans: string }[]> {
  return (await client.query('SELECT name, statement, generic_plans::text FROM pg_prepared_statements ORDER BY name')).rows;
}

/** `text` with a marker no other test sends, so the process-wide count of sends starts at zero for it. */
const unique = (text: string): string => `${text} /* ${randomUUID()} */`;

describe('a parameterised statement sent again', () => {
  it('is prepared on its second send, and answers the same before and after', async () => {
    const text = unique('SELECT $1::int + 1 AS n');
    expect((await client.query(text, [41])).rows).toEqual([{ n: 42 }]);
    expect((await prepared()).filter((p) => p.statement === text)).toHaveLength(0);
    expect((await client.query(text, [1])).rows).toEqual([{ n: 2 }]);
    expect((await client.query(text, [2])).rows).toEqual([{ n: 3 }]);
    expect((await prepared()).filter((p) => p.statement === text)).toHaveLength(1);
  });

  it('is never prepared when it selects `*` (a column added by a migration would break its plan)', async () => {
    const text = unique('SELECT * FROM municipality WHERE id = $1');
    for (let i = 0; i < 3; i++) expect((await client.query(text, [aarhus])).rows).toHaveLength(1);
    expect((await prepared()).filter((p) => p.statement === text)).toHaveLength(0);
  });

  it('includes the worklist, every staff member’s first page, each filter shape its own text: its columns are named, never `*`', async () => {
    // Planned afresh with each request's values it took 14-18 ms at the municipality scale, against 3.6 ms prepared (docs/performance.md).
    const shapes = [false, true].flatMap((staff) => [false, true].map((centre) => ({ staff, centre })));
    const texts = shapes.map((shape) => worklistSql(shape));
    // One text for every shape let a connection's first runs (the whole municipality) choose the plan for one staff member's list.
    expect(new Set(texts).size).toBe(4);
    const today = new Date().toISOString().slice(0, 10);
    for (const [k, shape] of shapes.entries()) {
      const text = unique(texts[k] as string);
      const who = [shape.staff ? DEMO_IDS.users.aarhus.staff : null, shape.centre ? DEMO_IDS.centres.aarhusVest : null];
      for (let i = 0; i < 3; i++) await client.query(text, [today, ['completed', 'dropped_out'], ...who, null, 25, 0]);
      expect((await prepared()).filter((p) => p.statement === text)).toHaveLength(1);
    }
  });
});

describe('row-level security under a kept plan (the attacker: a plan made for one tenant serving another)', () => {
  it('answers each transaction with its own tenant only, alternating on one connection, with the generic plan forced', async () => {
    await createCitizen('aarhus');
    await createCitizen('odense');
    const text = unique('SELECT municipality_id::text AS m, count(*)::int AS n FROM citizen WHERE created_at < $1 GROUP BY 1');
    const tomorrow = new Date(Date.now() + 86_400_000);
    const settings = (municipality: string, staff: string): Record<string, string> => ({
      'app.user_id': staff,
      'app.role': 'staff',
      'app.municipality_id': municipality,
      'app.municipality_ids': municipality,
    });
    const tenants = [
      [aarhus, DEMO_IDS.users.aarhus.staff],
      [odense, DEMO_IDS.users.odense.staff],
    ] as const;
    // What each tenant sees without a kept plan: the same query on a plain pg client, planned for it alone.
    const expected = new Map<string, unknown>();
    for (const [municipality, staff] of tenants) expected.set(municipality, await asAppRole(settings(municipality, staff), async (plain) => (await plain.query(text, [tomorrow])).rows));
    expect(expected.get(aarhus)).toEqual([{ m: aarhus, n: expect.any(Number) }]);
    expect(expected.get(odense)).toEqual([{ m: odense, n: expect.any(Number) }]);
    // The plan PostgreSQL would otherwise choose only after five executions, from the first one on.
    await client.query('SET plan_cache_mode = force_generic_plan');
    try {
      for (let round = 0; round < 4; round++) {
        for (const [municipality, staff] of tenants) {
          await client.query('BEGIN');
          await client.query('SET LOCAL ROLE outcomes_app');
          for (const [key, value] of Object.entries(settings(municipality, staff))) await client.query(`SELECT set_config('${key}', '${value}', true)`);
          const rows = (await client.query(text, [tomorrow])).rows;
          await client.query('COMMIT');
          expect(rows).toEqual(expected.get(municipality));
        }
      }
    } finally {
      await client.query('RESET plan_cache_mode');
    }
    const [kept] = (await prepared()).filter((p) => p.statement === text);
    expect(Number(kept?.generic_plans)).toBeGreaterThan(0);
  });

  it("answers the worklist with each tenant's own enrolments only, on generic plans made for the other municipality, and never another municipality's staff member's or centre's", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const settings = (municipality: string, staff: string): Record<string, string> => ({
      'app.user_id': staff,
      'app.role': 'staff',
      'app.municipality_id': municipality,
      'app.municipality_ids': municipality,
    });
    const aarhusStaff = DEMO_IDS.users.aarhus.staff;
    const odenseStaff = DEMO_IDS.users.odense.staff;
    const { aarhusCentrum } = DEMO_IDS.centres;
    // Work for each municipality's staff member: an enrolment each, at Aarhus Centrum and Odense Syd, started three days ago, owes its intake.
    await activeEnrolment('aarhus');
    await activeEnrolment('odense');
    type Asked = { staff?: string; centre?: string };
    type WorklistRow = { enrolment_id: string | null; total: number };
    // [tenant, its staff member, what is asked for, whether it owns work]. Odense asking for Aarhus's staff member or centre is the attacker.
    const cases: [string, string, Asked, boolean][] = [
      [aarhus, aarhusStaff, { staff: aarhusStaff }, true],
      [odense, odenseStaff, { staff: odenseStaff }, true],
      [aarhus, aarhusStaff, {}, true],
      [odense, odenseStaff, {}, true],
      [aarhus, aarhusStaff, { centre: aarhusCentrum }, true],
      [aarhus, aarhusStaff, { staff: aarhusStaff, centre: aarhusCentrum }, true],
      [odense, odenseStaff, { staff: aarhusStaff }, false],
      [odense, odenseStaff, { centre: aarhusCentrum }, false],
      [odense, odenseStaff, { staff: aarhusStaff, centre: aarhusCentrum }, false],
    ];
    // The API's own text and values for the request (worklistQuery), the text marked below so the plans kept are this test's own.
    const request = (asked: Asked) => worklistQuery({ today, endedStates: ['completed', 'dropped_out'], staffUserId: asked.staff, centreId: asked.centre, limit: 500, offset: 0 });
    const run = async (c: PoolClient, text: string, asked: Asked): Promise<WorklistRow[]> => (await c.query<WorklistRow>(text, request(asked).values)).rows;
    // What each case answers without a kept plan: a plain pg client, planned for it alone.
    const answers: WorklistRow[][] = [];
    for (const [municipality, staff, asked] of cases) answers.push(await asAppRole(settings(municipality, staff), (plain) => run(plain, request(asked).text, asked)));
    // The owner (no row-level security) says which municipality each listed enrolment is in, and
    // refreshes the statistics first, so that no automatic ANALYZE replans a kept plan mid-test.
    const owner = new Client({ connectionString: process.env['TEST_DATABASE_URL'] });
    await owner.connect();
    try {
      await owner.query('ANALYZE enrolment, assessment, follow_up_attempt, programme');
      for (const [k, [municipality]] of cases.entries()) {
        const ids = (answers[k] ?? []).map((r) => r.enrolment_id).filter((id): id is string => id !== null);
        const { rows } = await owner.query<{ m: string }>('SELECT DISTINCT municipality_id::text AS m FROM enrolment WHERE id = ANY($1)', [ids]);
        expect(rows.every((r) => r.m === municipality)).toBe(true);
      }
    } finally {
      await owner.end();
    }
    // Each tenant's own cases list work; the attacker's list none (one row of nulls carrying the total 0).
    for (const [k, [, , , owns]] of cases.entries()) {
      if (owns) expect(answers[k]?.[0]?.enrolment_id).toEqual(expect.any(String));
      else expect(answers[k]).toEqual([expect.objectContaining({ enrolment_id: null, total: 0 })]);
    }
    const texts = new Map<string, string>();
    const marked = (asked: Asked): string => {
      const { text } = request(asked);
      if (!texts.has(text)) texts.set(text, unique(text));
      return texts.get(text) as string;
    };
    const plans = async (): Promise<Map<string, { generic: number; custom: number }>> =>
      new Map((await client.query<{ statement: string; generic_plans: string; custom_plans: string }>('SELECT statement, generic_plans::text, custom_plans::text FROM pg_prepared_statements')).rows.map((p) => [p.statement, { generic: Number(p.generic_plans), custom: Number(p.custom_plans) }]));
    const inTenant = async (municipality: string, staff: string, asked: Asked): Promise<WorklistRow[]> => {
      await client.query('BEGIN');
      try {
        await client.query('SET LOCAL ROLE outcomes_app');
        for (const [key, value] of Object.entries(settings(municipality, staff))) await client.query(`SELECT set_config('${key}', '${value}', true)`);
        const rows = await run(client, marked(asked), asked);
        await client.query('COMMIT');
        return rows;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    };
    await client.query('SET plan_cache_mode = force_generic_plan');
    try {
      // Each shape prepared, and its generic plan made, in an Aarhus transaction (a text is prepared on its second send).
      for (const asked of [{ staff: aarhusStaff }, {}, { centre: aarhusCentrum }, { staff: aarhusStaff, centre: aarhusCentrum }]) {
        await inTenant(aarhus, aarhusStaff, asked);
        await inTenant(aarhus, aarhusStaff, asked);
      }
      const primed = await plans();
      expect(texts.size).toBe(4);
      for (const text of texts.values()) expect(primed.get(text)).toEqual({ generic: 1, custom: 0 });
      for (let round = 0; round < 3; round++) {
        for (const [k, [municipality, staff, asked]] of cases.entries()) expect(await inTenant(municipality, staff, asked)).toEqual(answers[k]);
      }
    } finally {
      await client.query('RESET plan_cache_mode');
    }
    // Every case ran on its shape's kept generic plan: three rounds of each, no custom plan.
    const after = await plans();
    for (const [text, mark] of texts) {
      const runs = cases.filter(([, , asked]) => request(asked).text === text).length;
      expect({ shape: text.length, ...after.get(mark) }).toEqual({ shape: text.length, generic: 1 + 3 * runs, custom: 0 });
    }
  });
});

describe("the connection's prepared statements", () => {
  it(`are at most ${MAX_PREPARED_PER_CONNECTION}, the least recently used deallocated, and an evicted text answers again`, async () => {
    const texts = Array.from({ length: MAX_PREPARED_PER_CONNECTION + 25 }, (_, k) => unique(`SELECT $1::int + ${k} AS n`));
    for (const [k, text] of texts.entries()) {
      expect((await client.query(text, [1])).rows).toEqual([{ n: 1 + k }]);
      expect((await client.query(text, [2])).rows).toEqual([{ n: 2 + k }]);
    }
    expect((await prepared()).length).toBeLessThanOrEqual(MAX_PREPARED_PER_CONNECTION);
    const held = new Set((await prepared()).map((p) => p.statement));
    expect(held.has(texts[0] as string)).toBe(false);
    expect(held.has(texts[texts.length - 1] as string)).toBe(true);
    for (const [k, text] of texts.slice(0, 5).entries()) expect((await client.query(text, [10])).rows).toEqual([{ n: 10 + k }]);
    expect((await prepared()).length).toBeLessThanOrEqual(MAX_PREPARED_PER_CONNECTION);
  });

  it('stay consistent when an eviction meets an aborted transaction: after the rollback every text answers', async () => {
    const texts = Array.from({ length: MAX_PREPARED_PER_CONNECTION }, (_, k) => unique(`SELECT $1::int * ${k} AS n`));
    for (const text of texts) {
      await client.query(text, [1]);
      await client.query(text, [1]);
    }
    await client.query('BEGIN');
    await expect(client.query('SELECT 1 / 0')).rejects.toMatchObject({ code: '22012' });
    // A new text on its second send makes room (a DEALLOCATE), in a transaction that refuses every statement.
    const late = unique('SELECT $1::int - 1 AS n');
    await expect(client.query(late, [1])).rejects.toMatchObject({ code: '25P02' });
    await expect(client.query(late, [1])).rejects.toMatchObject({ code: '25P02' });
    await client.query('ROLLBACK');
    for (const [k, text] of [...texts, late].entries()) {
      const want = k === texts.length ? 6 : 7 * k;
      expect((await client.query(text, [7])).rows).toEqual([{ n: want }]);
    }
    expect((await prepared()).length).toBeLessThanOrEqual(MAX_PREPARED_PER_CONNECTION);
  });

  it('stay within the limit after many evictions inside aborted transactions (each deallocated once the connection is between transactions)', async () => {
    for (let i = 0; i < 20; i++) {
      await client.query('BEGIN');
      await expect(client.query('SELECT 1 / 0')).rejects.toMatchObject({ code: '22012' });
      const text = unique('SELECT $1::int AS n');
      await expect(client.query(text, [1])).rejects.toMatchObject({ code: '25P02' });
      await expect(client.query(text, [1])).rejects.toMatchObject({ code: '25P02' });
      await client.query('ROLLBACK');
      const healthy = unique('SELECT $1::int + 2 AS n');
      await client.query(healthy, [1]);
      expect((await client.query(healthy, [1])).rows).toEqual([{ n: 3 }]);
    }
    for (let i = 0; i < 150; i++) {
      const text = unique(`SELECT $1::int + ${i} AS n`);
      await client.query(text, [0]);
      expect((await client.query(text, [0])).rows).toEqual([{ n: i }]);
    }
    expect((await prepared()).length).toBeLessThanOrEqual(MAX_PREPARED_PER_CONNECTION);
  });

  it('are deallocated together, one query ahead of the statement, never queued behind another (pg 8 warns of that, pg 9 refuses it)', async () => {
    for (let i = 0; i < MAX_PREPARED_PER_CONNECTION; i++) {
      const text = unique(`SELECT $1::int - ${i} AS n`);
      await client.query(text, [0]);
      await client.query(text, [0]);
    }
    // pg's own condition for the warning (client.js): a query() while its queue holds another.
    const queuedAt: number[] = [];
    const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      queuedAt.push((this as unknown as { _queryQueue: unknown[] })._queryQueue.length);
      return (original as (...a: unknown[]) => never).apply(this, args);
    });
    try {
      // Five evictions inside one transaction: all wait for the connection to be between transactions.
      await client.query('BEGIN');
      for (let i = 0; i < 5; i++) {
        const text = unique(`SELECT $1::int * ${i + 2} AS n`);
        await client.query(text, [1]);
        expect((await client.query(text, [1])).rows).toEqual([{ n: i + 2 }]);
      }
      await client.query('COMMIT');
      expect((await client.query(unique('SELECT $1::int AS n'), [4])).rows).toEqual([{ n: 4 }]);
    } finally {
      spy.mockRestore();
    }
    expect(queuedAt.length).toBeGreaterThan(12);
    expect(queuedAt.filter((n) => n > 0)).toEqual([]);
    expect((await prepared()).length).toBeLessThanOrEqual(MAX_PREPARED_PER_CONNECTION);
  });

  it('do not include a text whose parse failed: it fails alike every time, and the connection answers after', async () => {
    const bad = unique('SELECT $1::int + no_such_column AS n');
    for (let i = 0; i < 3; i++) await expect(client.query(bad, [1])).rejects.toMatchObject({ code: '42703' });
    expect((await prepared()).filter((p) => p.statement === bad)).toHaveLength(0);
    expect((await client.query(unique('SELECT $1::int AS n'), [5])).rows).toEqual([{ n: 5 }]);
  });

  it('are forgotten when the server refuses them: a column type changed under a prepared statement fails once, then answers', async () => {
    // A temporary table: this connection's own, seen by no other test.
    await client.query('CREATE TEMP TABLE probe_type_change (id int PRIMARY KEY, v varchar(20))');
    await client.query("INSERT INTO probe_type_change VALUES (1, 'before')");
    const text = unique('SELECT v FROM probe_type_change WHERE id = $1');
    await client.query(text, [1]);
    expect((await client.query(text, [1])).rows).toEqual([{ v: 'before' }]);
    await client.query("ALTER TABLE probe_type_change ALTER COLUMN v TYPE varchar(200); UPDATE probe_type_change SET v = 'after'");
    await expect(client.query(text, [1])).rejects.toMatchObject({ code: '0A000' });
    expect((await client.query(text, [1])).rows).toEqual([{ v: 'after' }]);
    expect((await client.query(text, [1])).rows).toEqual([{ v: 'after' }]);
    await client.query('DROP TABLE probe_type_change');
  });

  it('are forgotten when pg cannot send a value (it closes the statement but still counts it parsed): the next send answers', async () => {
    const text = unique('SELECT $1::text AS v');
    await client.query(text, ['a']);
    expect((await client.query(text, ['b'])).rows).toEqual([{ v: 'b' }]);
    const unsendable = {
      toPostgres: (): string => {
        throw new Error('not sendable');
      },
    };
    await expect(client.query(text, [unsendable])).rejects.toThrow('not sendable');
    expect((await client.query(text, ['c'])).rows).toEqual([{ v: 'c' }]);
    expect((await client.query(text, ['d'])).rows).toEqual([{ v: 'd' }]);
  });
});

describe('what keeps a kept plan tenant-neutral', () => {
  it('no policy calls an IMMUTABLE function of ours (one would be folded into a generic plan with the first tenant in it)', async () => {
    const { rows } = await client.query<{ policy: string; fn: string; volatility: string }>(
      `SELECT DISTINCT c.relname || '.' || p.polname AS policy, f.proname AS fn, f.provolatile AS volatility
         FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
         CROSS JOIN LATERAL regexp_matches(coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' ' || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), ''), '([a-z_][a-z0-9_]*)\\(', 'g') AS m(name)
         JOIN pg_proc f ON f.proname = m.name[1]
         JOIN pg_namespace n ON n.oid = f.pronamespace AND n.nspname = 'public'`,
    );
    const called = new Set(rows.map((r) => r.fn));
    // The tenant's functions, named here by hand: the query must find them, or it checks nothing.
    for (const fn of ['app_municipality_id', 'app_municipality_ids', 'app_role', 'app_user_id']) expect(called).toContain(fn);
    expect(rows.filter((r) => r.volatility === 'i')).toEqual([]);
  });
});
