import { createHash, randomUUID } from 'node:crypto';
import type { AccessLogVerification, ApiToken, CreatedApiToken } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { admins, createUser, staff } from './support/fixtures';
import type { Answer } from './support/http';
import { asAppRole, baseUrl, call, closeDb, db, forgetToken, tokenFor } from './support/http';
import { EVALUATOR } from './support/exports';

afterAll(closeDb);

/**
 * Personal API tokens (issue 24; docs/api-tokens.md) over HTTP against the built API: each rule has its
 * test, and each guarantee its attacker. Expected values are written here by hand (SHA-256 computed
 * here, the error codes, the scope strings), never read from the code under test.
 */

const AARHUS = DEMO_IDS.municipalities.aarhus;
const ODENSE = DEMO_IDS.municipalities.odense;
const EVALUATOR_SCOPE = ['export-jobs:create', 'export-jobs:list', 'export-jobs:read', 'export-projects:list', 'export-projects:read', 'outcomes:list'];

type Body<T> = T & { code?: string; message?: string; errors?: Record<string, string> };

/** `as` a demo user's e-mail, or a session token (a user made by the test signs in with its own password). */
const make = (body: unknown, as: string = EVALUATOR) => call<Body<CreatedApiToken>>('POST', '/api/api-tokens', body, as.includes('@') ? { as } : { token: as });
const withToken = <T = unknown>(method: string, path: string, token: string, body?: unknown): Promise<Answer<Body<T>>> => call<Body<T>>(method, path, body, { token });
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

async function evaluatorToken(extra: Record<string, unknown> = {}, as: string = EVALUATOR): Promise<CreatedApiToken> {
  const res = await make({ purpose: 'Udtræk til R', expiresInDays: 30, scope: EVALUATOR_SCOPE, ...extra }, as);
  expect(res.status).toBe(201);
  return res.body;
}

interface LogRow { user_id: string; action: string; resource: string; outcome: string; api_token_id: string | null }
const logOfToken = async (tokenId: string): Promise<LogRow[]> =>
  (await db().query<LogRow>('SELECT user_id, action, resource, outcome, api_token_id FROM access_log WHERE api_token_id = $1 ORDER BY seq', [tokenId])).rows;

describe('making a personal API token', () => {
  it('shows the token once, stores only its SHA-256 and a short prefix, and lists it without the secret', async () => {
    const created = await evaluatorToken();
    expect(created.token).toMatch(/^otk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.token.slice(0, 12));
    expect(created).toMatchObject({ purpose: 'Udtræk til R', scope: EVALUATOR_SCOPE, lastUsedAt: null, revokedAt: null, endReason: null, userId: DEMO_IDS.users.aarhus.evaluator });
    const days = (Date.parse(created.expiresAt) - Date.parse(created.createdAt)) / 86_400_000;
    expect(Math.round(days)).toBe(30);

    const [stored] = (await db().query('SELECT * FROM api_token WHERE id = $1', [created.id])).rows as Record<string, unknown>[];
    expect(stored?.['secret_hash']).toBe(sha256(created.token));
    expect(JSON.stringify(stored)).not.toContain(created.token.slice(13));
    expect(stored).toMatchObject({ municipality_id: AARHUS, role: 'evaluator' });

    const list = await call<ApiToken[]>('GET', '/api/api-tokens', undefined, { as: EVALUATOR });
    expect(list.status).toBe(200);
    const listed = list.body.find((t) => t.id === created.id);
    expect(listed).toMatchObject({ prefix: created.prefix, purpose: 'Udtræk til R' });
    expect(JSON.stringify(list.body)).not.toContain(created.token);
    expect(listed).not.toHaveProperty('token');
    // The access log has the making, without the secret.
    const made = (await db().query('SELECT change::text AS change FROM access_log WHERE resource = $1 AND record_id = $2', ['api-tokens', created.id])).rows as { change: string }[];
    expect(made).toHaveLength(1);
    expect(made[0]?.change).not.toContain(created.token.slice(13));
    expect(made[0]?.change).not.toContain(sha256(created.token));
  });

  it('refuses a scope beyond the user’s own role with 400 naming scope, and writes nothing', async () => {
    const before = Number((await db().query('SELECT count(*) AS n FROM api_token')).rows[0].n);
    for (const scope of [['citizens:read'], [...EVALUATOR_SCOPE, 'export-projects:delete'], ['api-tokens:create'], [], 'outcomes:list', ['nonsense']]) {
      const res = await make({ purpose: 'For meget', expiresInDays: 30, scope });
      expect(res.status).toBe(400);
      expect(res.body.errors).toHaveProperty('scope');
    }
    expect(Number((await db().query('SELECT count(*) AS n FROM api_token')).rows[0].n)).toBe(before);
  });

  it('refuses an expiry over a year, or over the municipality’s setting, with 400 naming expiresInDays', async () => {
    for (const days of [0, 366, 400, 1.5, '30']) {
      const res = await make({ purpose: 'Lang levetid', expiresInDays: days, scope: ['outcomes:list'] });
      expect(res.status).toBe(400);
      expect(res.body.errors).toHaveProperty('expiresInDays');
    }
    expect((await make({ purpose: 'Et år', expiresInDays: 365, scope: ['outcomes:list'] })).status).toBe(201);
    // The municipality's admin sets the limit on the municipality's settings (1-365 days).
    const setLimit = async (days: unknown) => {
      const m = (await call<{ code: string; name: string; hourlyRate: number | null; version: number }>('GET', `/api/municipalities/${AARHUS}`, undefined, { as: admins.aarhus })).body;
      return call<Body<{ apiTokenMaxDays: number }>>('PUT', `/api/municipalities/${AARHUS}`, { code: m.code, name: m.name, hourlyRate: m.hourlyRate, apiTokenMaxDays: days, version: m.version }, { as: admins.aarhus });
    };
    for (const days of [0, 366, 'a year']) {
      const refused = await setLimit(days);
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toHaveProperty('apiTokenMaxDays');
    }
    const limited = await setLimit(30);
    expect(limited.status).toBe(200);
    expect(limited.body.apiTokenMaxDays).toBe(30);
    try {
      const res = await make({ purpose: 'Over kommunens grænse', expiresInDays: 31, scope: ['outcomes:list'] });
      expect(res.status).toBe(400);
      expect(res.body.errors?.['expiresInDays']).toContain('30');
      expect((await make({ purpose: 'Inden for grænsen', expiresInDays: 30, scope: ['outcomes:list'] })).status).toBe(201);
    } finally {
      expect((await setLimit(365)).status).toBe(200);
    }
  });

  it('refuses a purpose that is empty or too long, with 400 naming purpose', async () => {
    for (const purpose of ['', '   ', 'x'.repeat(201), 5]) {
      const res = await make({ purpose, expiresInDays: 30, scope: ['outcomes:list'] });
      expect(res.status).toBe(400);
      expect(res.body.errors).toHaveProperty('purpose');
    }
  });
});

describe('calling with a personal API token', () => {
  it('acts as its user within its scope, every call in the access log marked with the token; outside the scope 403 naming it', async () => {
    const created = await evaluatorToken();
    const projects = await withToken<unknown[]>('GET', '/api/export-projects', created.token);
    expect(projects.status).toBe(200);
    const outcomes = await withToken('GET', '/api/outcomes/budget', created.token);
    expect(outcomes.status).not.toBe(401);
    expect(outcomes.status).not.toBe(403);

    const refused = await withToken('POST', '/api/export-projects', created.token, { name: 'x' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('TOKEN_SCOPE');
    expect(refused.body.errors?.['scope']).toContain('export-projects:create');
    // The user's role allows it; the token's scope does not (a session of the same user may).
    expect((await call('POST', '/api/export-projects', {}, { as: EVALUATOR })).status).toBe(400);

    const rows = await logOfToken(created.id);
    expect(rows.map((r) => [r.user_id, r.action, r.resource, r.outcome])).toEqual([
      [DEMO_IDS.users.aarhus.evaluator, 'search', 'export-projects', 'ok'],
      [DEMO_IDS.users.aarhus.evaluator, 'search', 'outcomes', 'ok'],
      [DEMO_IDS.users.aarhus.evaluator, 'create', 'export-projects', 'refused'],
    ]);
    // A session's rows carry no token: the making of this token was by the user's session.
    const made = (await db().query(`SELECT api_token_id FROM access_log WHERE resource = 'api-tokens' AND record_id = $1`, [created.id])).rows;
    expect(made).toEqual([{ api_token_id: null }]);
    // The chain still verifies with the new field in it.
    const verify = await call<AccessLogVerification>('GET', '/api/access-log/verify', undefined, { as: admins.aarhus });
    expect(verify.body).toMatchObject({ ok: true, firstBrokenSeq: null });
  });

  it('never takes a token from a query string or a body, and refuses an unknown one with 401', async () => {
    const created = await evaluatorToken();
    const inQuery = await call<Body<unknown>>('GET', `/api/export-projects?access_token=${created.token}`, undefined, { as: null });
    expect(inQuery.status).toBe(401);
    const inBody = await call<Body<unknown>>('POST', '/api/export-jobs', { access_token: created.token }, { as: null });
    expect(inBody.status).toBe(401);
    const unknown = await withToken('GET', '/api/export-projects', `${created.token.slice(0, -4)}AAAA`);
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe('UNAUTHORIZED');
    expect(unknown.body.message).toContain('not valid');
  });

  it('makes no token and revokes none with a token, and does not sign the user out', async () => {
    const created = await evaluatorToken();
    const another = await withToken('POST', '/api/api-tokens', created.token, { purpose: 'Ny', expiresInDays: 365, scope: ['outcomes:list'] });
    expect(another.status).toBe(403);
    expect(another.body.code).toBe('TOKEN_SCOPE');
    expect((await withToken('DELETE', `/api/api-tokens/${created.id}`, created.token)).status).toBe(403);
    const logout = await withToken('POST', '/api/auth/logout', created.token);
    expect(logout.status).toBe(403);
    expect(logout.body.code).toBe('TOKEN_SCOPE');
    // The user's session still works.
    expect((await call('GET', '/api/auth/me', undefined, { as: EVALUATOR })).status).toBe(200);
    const me = await withToken<{ id: string }>('GET', '/api/auth/me', created.token);
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(DEMO_IDS.users.aarhus.evaluator);
  });

  it('refuses an expired token with 401 naming the expiry', async () => {
    const created = await evaluatorToken();
    await db().query(`UPDATE api_token SET created_at = now() - interval '31 days', expires_at = now() - interval '1 minute' WHERE id = $1`, [created.id]);
    const res = await withToken('GET', '/api/export-projects', created.token);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('TOKEN_EXPIRED');
    expect(res.body.message).toContain('expired');
  });

  it('records the last use at most once a minute', async () => {
    const created = await evaluatorToken();
    expect((await withToken('GET', '/api/export-projects', created.token)).status).toBe(200);
    const first = (await db().query('SELECT last_used_at FROM api_token WHERE id = $1', [created.id])).rows[0].last_used_at as Date;
    expect(first).toBeInstanceOf(Date);
    expect((await withToken('GET', '/api/export-projects', created.token)).status).toBe(200);
    const second = (await db().query('SELECT last_used_at FROM api_token WHERE id = $1', [created.id])).rows[0].last_used_at as Date;
    expect(second.getTime()).toBe(first.getTime());
    await db().query(`UPDATE api_token SET last_used_at = now() - interval '2 minutes' WHERE id = $1`, [created.id]);
    expect((await withToken('GET', '/api/export-projects', created.token)).status).toBe(200);
    const third = (await db().query('SELECT last_used_at FROM api_token WHERE id = $1', [created.id])).rows[0].last_used_at as Date;
    expect(Date.now() - third.getTime()).toBeLessThan(60_000);
    const listed = (await call<ApiToken[]>('GET', '/api/api-tokens', undefined, { as: EVALUATOR })).body.find((t) => t.id === created.id);
    expect(listed?.lastUsedAt).toBe(third.toISOString());
  });
});

describe('ending a token', () => {
  it('is revoked by its user: 401 naming the revocation after', async () => {
    const created = await evaluatorToken();
    expect((await withToken('GET', '/api/export-projects', created.token)).status).toBe(200);
    const revoked = await call<ApiToken>('DELETE', `/api/api-tokens/${created.id}`, undefined, { as: EVALUATOR });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ endReason: 'revoked' });
    expect(revoked.body.revokedAt).not.toBeNull();
    const res = await withToken('GET', '/api/export-projects', created.token);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('TOKEN_REVOKED');
    expect(res.body.message).toContain('revoked');
  });

  it('is seen and revoked by the user’s admin, and by no one else (another user, another municipality’s admin, the app role)', async () => {
    const created = await evaluatorToken();
    // Another user of the same municipality, and the other municipality's admin: not found, not listed.
    for (const other of [staff.aarhus, admins.odense]) {
      expect((await call('DELETE', `/api/api-tokens/${created.id}`, undefined, { as: other })).status).toBe(404);
      const list = await call<ApiToken[]>('GET', '/api/api-tokens', undefined, { as: other });
      expect(list.body.map((t) => t.id)).not.toContain(created.id);
    }
    expect((await withToken('GET', '/api/export-projects', created.token)).status).toBe(200);
    // The app role as Odense's admin sees no Aarhus token and can revoke none.
    await asAppRole({ 'app.user_id': DEMO_IDS.users.odense.admin, 'app.role': 'admin', 'app.municipality_id': ODENSE, 'app.municipality_ids': ODENSE }, async (client) => {
      expect((await client.query('SELECT id FROM api_token WHERE id = $1', [created.id])).rows).toHaveLength(0);
      expect((await client.query(`UPDATE api_token SET revoked_at = now(), end_reason = 'revoked' WHERE id = $1`, [created.id])).rowCount).toBe(0);
    });
    // Nor delete one.
    await asAppRole({ 'app.user_id': DEMO_IDS.users.odense.admin, 'app.role': 'admin', 'app.municipality_id': ODENSE, 'app.municipality_ids': ODENSE }, async (client) => {
      await expect(client.query('DELETE FROM api_token WHERE id = $1', [created.id])).rejects.toThrow(/permission denied/);
    });
    await asAppRole({ 'app.user_id': DEMO_IDS.users.aarhus.staff, 'app.role': 'staff', 'app.municipality_id': AARHUS, 'app.municipality_ids': AARHUS }, async (client) => {
      await expect(client.query(
        `INSERT INTO api_token (municipality_id, user_id, purpose, prefix, secret_hash, scope, role, expires_at) VALUES ($1, $2, 'x', 'otk_00000000', $3, '{outcomes:list}', 'evaluator', now() + interval '1 day')`,
        [AARHUS, DEMO_IDS.users.aarhus.evaluator, '0'.repeat(64)],
      )).rejects.toThrow(/row-level security/);
    });
    // Nor change the secret of a token, even their own.
    await asAppRole({ 'app.user_id': DEMO_IDS.users.aarhus.evaluator, 'app.role': 'evaluator', 'app.municipality_id': AARHUS, 'app.municipality_ids': AARHUS }, async (client) => {
      await expect(client.query(`UPDATE api_token SET secret_hash = $1`, ['1'.repeat(64)])).rejects.toThrow(/permission denied/);
    });

    const adminList = await call<ApiToken[]>('GET', '/api/api-tokens', undefined, { as: admins.aarhus });
    expect(adminList.body.find((t) => t.id === created.id)).toMatchObject({ userId: DEMO_IDS.users.aarhus.evaluator, prefix: created.prefix });
    const revoked = await call<ApiToken>('DELETE', `/api/api-tokens/${created.id}`, undefined, { as: admins.aarhus });
    expect(revoked.status).toBe(200);
    expect(revoked.body.endReason).toBe('revoked');
    expect((await db().query('SELECT revoked_by_user_id FROM api_token WHERE id = $1', [created.id])).rows[0].revoked_by_user_id).toBe(DEMO_IDS.users.aarhus.admin);
    expect((await withToken('GET', '/api/export-projects', created.token)).status).toBe(401);
  });

  it('the app role, as the token’s own user, cannot take back a revocation, nor make a token the API would refuse', async () => {
    // The attacker's review: the policies checked whose token a row is, not what it says.
    const created = await evaluatorToken();
    expect((await call('DELETE', `/api/api-tokens/${created.id}`, undefined, { as: EVALUATOR })).status).toBe(200);
    const evaluatorSettings = { 'app.user_id': DEMO_IDS.users.aarhus.evaluator, 'app.role': 'evaluator', 'app.municipality_id': AARHUS, 'app.municipality_ids': AARHUS };
    // Each attempt in a transaction of its own (a refused statement aborts its transaction).
    for (const sql of [`UPDATE api_token SET revoked_at = NULL, end_reason = NULL, revoked_by_user_id = NULL WHERE id = $1`, `UPDATE api_token SET end_reason = 'deactivated' WHERE id = $1`]) {
      await expect(asAppRole(evaluatorSettings, (client) => client.query(sql, [created.id]))).rejects.toThrow(/only change of a token is its revocation/);
    }
    expect((await withToken('GET', '/api/export-projects', created.token)).status).toBe(401);
    const insert = (scope: string, extra = '', values: unknown[] = []) =>
      asAppRole(evaluatorSettings, (client) =>
        client.query(
          `INSERT INTO api_token (municipality_id, user_id, purpose, prefix, secret_hash, scope, role, expires_at${extra ? `, ${extra}` : ''}) VALUES ($1, $2, 'x', 'otk_00000000', $3, $4, 'evaluator', now() + interval '300 days'${values.map((_, i) => `, $${i + 5}`).join('')})`,
          [AARHUS, DEMO_IDS.users.aarhus.evaluator, sha256(`${scope} ${extra} ${Math.random()}`), scope, ...values],
        ),
      );
    await expect(insert('{api-tokens:create}')).rejects.toThrow(/only a session may do/);
    await expect(insert('{outcomes:list,users:update}')).rejects.toThrow(/only a session may do/);
    await expect(insert('{outcomes:list}', 'revoked_at, end_reason', [null, null]).then(() => 'made')).resolves.toBe('made');
    await expect(insert('{outcomes:list}', 'last_used_at', [new Date()])).rejects.toThrow(/starts unrevoked and unused/);
    // Dated 300 days ahead with an expiry 600 days ahead (within 366 days of the stated date): the
    // guard dates it now, and the expiry limit then refuses it.
    await expect(
      asAppRole(evaluatorSettings, (client) =>
        client.query(
          `INSERT INTO api_token (municipality_id, user_id, purpose, prefix, secret_hash, scope, role, created_at, expires_at) VALUES ($1, $2, 'x', 'otk_00000000', $3, '{outcomes:list}', 'evaluator', now() + interval '300 days', now() + interval '600 days')`,
          [AARHUS, DEMO_IDS.users.aarhus.evaluator, sha256('dated ahead')],
        ),
      ),
    ).rejects.toThrow(/api_token_expires_check/);
  });

  it('offers no scope that only a session may hold: writing users, break-the-glass, a retention run (400 naming scope)', async () => {
    for (const [scope, as] of [[['users:update'], admins.aarhus], [['users:create'], admins.aarhus], [['retention:create'], admins.aarhus], [['emergency-accesses:create'], staff.aarhus]] as const) {
      const res = await make({ purpose: 'Script', expiresInDays: 30, scope }, as);
      expect({ scope, status: res.status, field: Object.keys(res.body.errors ?? {}) }).toEqual({ scope, status: 400, field: ['scope'] });
    }
    expect((await db().query(`SELECT count(*)::int AS n FROM api_token WHERE scope && '{users:update,users:create,retention:create,emergency-accesses:create}'`)).rows[0].n).toBe(0);
  });

  it('ends when the user changes role: revoked by the database, and refused even if the row were not', async () => {
    const user = await createUser('aarhus', 'evaluator');
    const created = await evaluatorToken({}, await tokenFor(user.email, user.password));
    expect((await withToken('GET', '/api/export-projects', created.token)).status).toBe(200);
    const current = (await call<{ version: number }>('GET', `/api/users/${user.id}`, undefined, { as: admins.aarhus })).body;
    const changed = await call('PUT', `/api/users/${user.id}`, { email: user.email, displayName: user.displayName, role: 'staff', active: true, version: current.version }, { as: admins.aarhus });
    expect(changed.status).toBe(200);
    const res = await withToken('GET', '/api/export-projects', created.token);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('TOKEN_REVOKED');
    expect(res.body.message).toContain('role changed');
    expect((await db().query('SELECT end_reason FROM api_token WHERE id = $1', [created.id])).rows[0].end_reason).toBe('role-changed');

    // The stored role is compared on every call: un-revoked by hand (the owner), the token is still refused.
    await db().query('UPDATE api_token SET revoked_at = NULL, end_reason = NULL WHERE id = $1', [created.id]);
    const still = await withToken('GET', '/api/export-projects', created.token);
    expect(still.status).toBe(401);
    expect(still.body.message).toContain('role changed');
  });

  it('ends when the user is deactivated, and stays ended when they are activated again', async () => {
    const user = await createUser('aarhus', 'evaluator');
    const created = await evaluatorToken({}, await tokenFor(user.email, user.password));
    expect((await withToken('GET', '/api/export-projects', created.token)).status).toBe(200);
    let current = (await call<{ version: number }>('GET', `/api/users/${user.id}`, undefined, { as: admins.aarhus })).body;
    expect((await call('PUT', `/api/users/${user.id}`, { email: user.email, displayName: user.displayName, role: 'evaluator', active: false, version: current.version }, { as: admins.aarhus })).status).toBe(200);
    const res = await withToken('GET', '/api/export-projects', created.token);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('TOKEN_REVOKED');
    expect(res.body.message).toContain('deactivated');
    current = (await call<{ version: number }>('GET', `/api/users/${user.id}`, undefined, { as: admins.aarhus })).body;
    expect((await call('PUT', `/api/users/${user.id}`, { email: user.email, displayName: user.displayName, role: 'evaluator', active: true, version: current.version }, { as: admins.aarhus })).status).toBe(200);
    expect((await withToken('GET', '/api/export-projects', created.token)).status).toBe(401);
  });
});

describe('a new password ends the user’s tokens (decision 157)', () => {
  /** `as` a demo user's e-mail, or a session token. */
  const setUser = async (user: { id: string; email: string; displayName: string }, changes: Record<string, unknown>, as: string) => {
    const who = as.includes('@') ? { as } : { token: as };
    const current = (await call<{ version: number; role: string; active: boolean }>('GET', `/api/users/${user.id}`, undefined, who)).body;
    return call('PUT', `/api/users/${user.id}`, { email: user.email, displayName: user.displayName, role: current.role, active: current.active, version: current.version, ...changes }, who);
  };

  it('ends when an admin resets the password: 401 TOKEN_REVOKED naming it, listed as ended by a new password', async () => {
    const user = await createUser('aarhus', 'evaluator');
    const session = await tokenFor(user.email, user.password);
    const created = await evaluatorToken({}, session);
    const other = await evaluatorToken({ purpose: 'Anden nøgle' }, session);
    expect((await withToken('GET', '/api/export-projects', created.token)).status).toBe(200);
    // A change that is not the password (the display name) leaves the token working.
    expect((await setUser({ ...user, displayName: 'Omdøbt' }, {}, admins.aarhus)).status).toBe(200);
    expect((await withToken('GET', '/api/export-projects', created.token)).status).toBe(200);

    expect((await setUser({ ...user, displayName: 'Omdøbt' }, { password: 'Blå-Trappe-Vindue-2027!' }, admins.aarhus)).status).toBe(200);
    for (const token of [created, other]) {
      const res = await withToken('GET', '/api/export-projects', token.token);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('TOKEN_REVOKED');
      expect(res.body.message).toContain('new password');
    }
    const stored = (await db().query('SELECT end_reason, revoked_by_user_id FROM api_token WHERE id = ANY($1::uuid[]) ORDER BY id', [[created.id, other.id]])).rows;
    expect(stored).toEqual([
      { end_reason: 'password-changed', revoked_by_user_id: null },
      { end_reason: 'password-changed', revoked_by_user_id: null },
    ]);
    const listed = (await call<ApiToken[]>('GET', `/api/api-tokens`, undefined, { as: admins.aarhus })).body.find((t) => t.id === created.id);
    expect(listed).toMatchObject({ endReason: 'password-changed' });
    // A token made after the reset works: the reset ends tokens, it does not bar new ones.
    forgetToken(user.email);
    const fresh = await evaluatorToken({}, await tokenFor(user.email, 'Blå-Trappe-Vindue-2027!'));
    expect((await withToken('GET', '/api/export-projects', fresh.token)).status).toBe(200);
  });

  it('ends when a user sets their own password (an admin on their own account), and by SQL too', async () => {
    const admin = await createUser('aarhus', 'admin');
    const session = await tokenFor(admin.email, admin.password);
    const created = (await make({ purpose: 'Administrators script', expiresInDays: 30, scope: ['centres:list'] }, session)).body;
    expect((await withToken('GET', '/api/centres', created.token)).status).toBe(200);
    expect((await setUser(admin, { password: 'Rød-Stige-Kaffe-2027!' }, session)).status).toBe(200);
    const res = await withToken('GET', '/api/centres', created.token);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('TOKEN_REVOKED');

    // The trigger, not the API's code, ends it: a password set in SQL (the owner, as an operator's fix would) ends it too.
    const user = await createUser('aarhus', 'evaluator');
    const token = await evaluatorToken({}, await tokenFor(user.email, user.password));
    await db().query(`UPDATE app_user SET password_hash = 'x' || password_hash WHERE id = $1`, [user.id]);
    expect((await withToken('GET', '/api/export-projects', token.token)).body.code).toBe('TOKEN_REVOKED');
  });
});

describe('refused token calls in the access log (decision 158)', () => {
  interface FullRow { user_id: string; role: string; municipality_id: string | null; action: string; resource: string; record_id: string | null; outcome: string; api_token_id: string | null; row: string }
  const rowsOf = async (where: string, params: unknown[]): Promise<FullRow[]> =>
    (await db().query<FullRow>(`SELECT user_id, role, municipality_id, action, resource, record_id, outcome, api_token_id, to_jsonb(l)::text AS row FROM access_log l WHERE ${where} ORDER BY seq`, params)).rows;

  it('writes a refused row for every call with a revoked token, under its user and token, without the secret', async () => {
    const created = await evaluatorToken();
    expect((await call('DELETE', `/api/api-tokens/${created.id}`, undefined, { as: EVALUATOR })).status).toBe(200);
    const N = 5;
    const project = randomUUID();
    for (let i = 0; i < N; i++) {
      const res = await withToken('GET', `/api/export-projects/${project}`, created.token);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('TOKEN_REVOKED');
    }
    const rows = await rowsOf('api_token_id = $1', [created.id]);
    expect(rows).toHaveLength(N);
    for (const row of rows) {
      expect(row).toMatchObject({ user_id: DEMO_IDS.users.aarhus.evaluator, role: 'evaluator', municipality_id: AARHUS, action: 'read', resource: 'export-projects', record_id: project, outcome: 'refused', api_token_id: created.id });
      expect(row.row).not.toContain(created.token.slice(13));
      expect(row.row).not.toContain(sha256(created.token));
    }
    // The chain verifies with the refusals in it.
    expect((await call<AccessLogVerification>('GET', '/api/access-log/verify', undefined, { as: admins.aarhus })).body).toMatchObject({ ok: true });
  });

  it('logs an expired token’s call, and a deactivated user’s token’s call under that user', async () => {
    const expired = await evaluatorToken();
    await db().query(`UPDATE api_token SET created_at = now() - interval '31 days', expires_at = now() - interval '1 minute' WHERE id = $1`, [expired.id]);
    expect((await withToken('POST', '/api/export-jobs', expired.token, {})).status).toBe(401);
    expect((await rowsOf('api_token_id = $1', [expired.id])).map((r) => [r.action, r.resource, r.outcome])).toEqual([['create', 'export-jobs', 'refused']]);

    const user = await createUser('aarhus', 'evaluator');
    const token = await evaluatorToken({}, await tokenFor(user.email, user.password));
    const current = (await call<{ version: number }>('GET', `/api/users/${user.id}`, undefined, { as: admins.aarhus })).body;
    expect((await call('PUT', `/api/users/${user.id}`, { email: user.email, displayName: user.displayName, role: 'evaluator', active: false, version: current.version }, { as: admins.aarhus })).status).toBe(200);
    expect((await withToken('GET', '/api/export-projects', token.token)).status).toBe(401);
    expect((await rowsOf('api_token_id = $1', [token.id])).map((r) => [r.user_id, r.role, r.action, r.resource, r.outcome])).toEqual([[user.id, 'evaluator', 'search', 'export-projects', 'refused']]);
  });

  it('writes nothing for a string that is no token: no user to put it under', async () => {
    const created = await evaluatorToken();
    const record = randomUUID();
    for (const token of [`${created.token.slice(0, -4)}AAAA`, 'otk_00000000_nothing']) {
      const res = await withToken('GET', `/api/export-projects/${record}`, token);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHORIZED');
    }
    expect(await rowsOf('record_id = $1', [record])).toEqual([]);
  });

  it('logs a token’s refused call of what only a session may do: listing tokens, signing out', async () => {
    const created = await evaluatorToken();
    const list = await withToken('GET', '/api/api-tokens', created.token);
    expect(list.status).toBe(403);
    expect(list.body.code).toBe('TOKEN_SCOPE');
    const logout = await withToken('POST', '/api/auth/logout', created.token);
    expect(logout.status).toBe(403);
    expect((await rowsOf('api_token_id = $1', [created.id])).map((r) => [r.user_id, r.action, r.resource, r.outcome])).toEqual([
      [DEMO_IDS.users.aarhus.evaluator, 'search', 'api-tokens', 'refused'],
      [DEMO_IDS.users.aarhus.evaluator, 'create', '/api/auth/logout', 'refused'],
    ]);
  });
});

describe('the OpenAPI document', () => {
  it('describes the bearer scheme and names it on the routes that accept a token, not on the token routes', async () => {
    const res = await fetch(`${baseUrl()}/api/docs-json`);
    const doc = (await res.json()) as { components: { securitySchemes: Record<string, { type: string; scheme: string; description: string }> }; paths: Record<string, Record<string, { security?: Record<string, unknown>[] }>> };
    expect(doc.components.securitySchemes['api-token']).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes['api-token']?.description).toContain('TOKEN_SCOPE');
    expect(doc.paths['/api/export-jobs']?.['post']?.security).toEqual([{ 'api-token': [] }]);
    expect(doc.paths['/api/export-jobs/{id}/download']?.['get']?.security).toEqual([{ 'api-token': [] }]);
    expect(doc.paths['/api/api-tokens']?.['post']?.security).toBeUndefined();
  });
});
