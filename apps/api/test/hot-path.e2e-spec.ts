import { randomUUID } from 'node:crypto';
import type { AccessLogVerification, Centre } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { createCitizen, createUser, login } from './support/fixtures';
import { call, closeDb, db, listPath } from './support/http';

afterAll(closeDb);

// Issue 23's lean hot path (decisions 179-181): the session check opens the request's transaction,
// a list's page and total are one statement, the access log's INSERT goes with the COMMIT as literals.
// Each test attacks what that could break; the expected values come from the database, counted apart.

const aarhus = DEMO_IDS.municipalities.aarhus;

describe("the access log's rows, written in with the COMMIT as literals (decision 181)", () => {
  it('stores a change whose text has quotes, backslashes, dollar signs and non-ASCII exactly as given, and the chain verifies', async () => {
    const name = `O'Brien \\ "citat" Æøå 💊 $1 E'\\x27' ${randomUUID().slice(0, 8)}`;
    const created = await call<Centre>('POST', '/api/centres', { municipalityId: aarhus, name });
    expect(created.status).toBe(201);
    expect(created.body.name).toBe(name);
    const { rows } = await db().query<{ name: string; criterion: string | null }>(
      `SELECT change->'after'->>'name' AS name, criterion FROM access_log WHERE resource = 'centres' AND record_id = $1 AND action = 'create'`,
      [created.body.id],
    );
    expect(rows).toEqual([{ name, criterion: null }]);
    const verified = await call<AccessLogVerification>('GET', '/api/access-log/verify');
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ ok: true, firstBrokenSeq: null });
  });

  it('a list of citizens carried in citizen_ids (an array literal) is stored as the ids of the page', async () => {
    await createCitizen('aarhus');
    await createCitizen('aarhus');
    const page = await call<{ id: string }[]>('GET', listPath('citizens', { range: [0, 4], sort: ['createdAt', 'DESC'] }), undefined, { as: 'staff@aarhus.demo' });
    expect(page.status).toBe(200);
    expect(page.body.length).toBeGreaterThan(0);
    const { rows } = await db().query<{ citizen_ids: string[] }>(
      `SELECT citizen_ids FROM access_log WHERE user_id = $1 AND resource = 'citizens' AND action = 'search' ORDER BY seq DESC LIMIT 1`,
      [DEMO_IDS.users.aarhus.staff],
    );
    expect([...(rows[0]?.citizen_ids ?? [])].sort()).toEqual(page.body.map((c) => c.id.toLowerCase()).sort());
  });
});

describe("a list's page and total in one statement (decision 180)", () => {
  const count = async (): Promise<number> => Number((await db().query<{ n: string }>('SELECT count(*) AS n FROM centre WHERE municipality_id = $1', [aarhus])).rows[0]?.n);

  it('answers the total of all matching rows with a page, with an empty page past the end, and 0 when nothing matches', async () => {
    const total = await count();
    expect(total).toBeGreaterThan(1);
    const first = await call<Centre[]>('GET', listPath('centres', { filter: { municipalityId: aarhus }, range: [0, 0], sort: ['name', 'ASC'] }));
    expect(first.headers.get('content-range')).toBe(`centres 0-0/${total}`);
    const past = await call<Centre[]>('GET', listPath('centres', { filter: { municipalityId: aarhus }, range: [1000, 1009] }));
    expect(past.body).toEqual([]);
    expect(past.headers.get('content-range')).toBe(`centres */${total}`);
    const none = await call<Centre[]>('GET', listPath('centres', { filter: { municipalityId: aarhus, q: `nothing-${randomUUID()}` } }));
    expect(none.headers.get('content-range')).toBe('centres */0');
  });
});

/**
 * The API's connections left idle for over two seconds in a transaction whose last statement was the
 * session check's: what a transaction the check opened and no request ended looks like (other
 * transactions, a test file's or an export worker's, have sent other statements since).
 */
async function heldTransactions(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  const { rows } = await db().query<{ n: string }>(
    `SELECT count(*) AS n FROM pg_stat_activity WHERE usename = 'outcomes_app' AND state LIKE 'idle in transaction%' AND state_change < now() - interval '2 seconds'
       AND query LIKE 'START TRANSACTION; SELECT s.*%'`,
  );
  return Number(rows[0]?.n);
}

describe('the transaction the session check opens (decision 179)', () => {
  it('is not kept by refused requests: more refusals at once than the pool has connections, then a list answers', async () => {
    const refused = await Promise.all(Array.from({ length: 30 }, () => call('GET', listPath('access-log'), undefined, { as: 'staff@aarhus.demo' })));
    expect(refused.map((r) => r.status)).toEqual(Array.from({ length: 30 }, () => 403));
    const started = Date.now();
    const list = await call('GET', listPath('centres', { filter: { municipalityId: aarhus } }), undefined, { as: 'staff@aarhus.demo' });
    expect(list.status).toBe(200);
    // Well within the pool's wait for a connection: no connection was left held by a refused request.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await heldTransactions()).toBe(0);
  });

  it('refuses a token whose session ended at once, and the refusal leaves no transaction open', async () => {
    const user = await createUser('aarhus', 'coordinator');
    const token = (await login(user.email, user.password)).body.token as string;
    expect((await call('GET', '/api/auth/me', undefined, { token })).status).toBe(200);
    expect((await call('POST', '/api/auth/logout', undefined, { token })).status).toBeLessThan(300);
    const after = await Promise.all(Array.from({ length: 20 }, () => call('GET', '/api/auth/me', undefined, { token })));
    expect(after.map((r) => r.status)).toEqual(Array.from({ length: 20 }, () => 401));
    expect(await heldTransactions()).toBe(0);
  });
});
