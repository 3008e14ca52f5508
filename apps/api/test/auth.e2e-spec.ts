import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { ApiErrorBody, SessionUser, User } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { createUser, login, STRONG_PASSWORD } from './support/fixtures';
import { call, closeDb, db, DEMO_PASSWORD, tokenFor } from './support/http';
import { decodePayload, forgeToken } from './support/tokens';

afterAll(closeDb);

const me = (token: string): Promise<{ status: number }> => call('GET', '/api/auth/me', undefined, { token });

describe('login', () => {
  it('answers the token and the user, and sets an httpOnly SameSite=Strict cookie', async () => {
    const sut = await login('staff@odense.demo', DEMO_PASSWORD);
    expect(sut.status).toBe(200);
    expect(sut.cookie).toMatch(/^outcomes_session=[^;]+;/);
    expect(sut.cookie).toMatch(/HttpOnly/i);
    expect(sut.cookie).toMatch(/SameSite=Strict/i);
    expect(sut.cookie).toMatch(/Path=\/api/i);
    const payload = decodePayload(sut.body.token as string);
    expect(payload).toMatchObject({ aud: 'outcomes-api', iss: 'outcomes', role: 'staff', sub: DEMO_IDS.users.odense.staff });
    expect((payload['exp'] as number) - (payload['iat'] as number)).toBe(30 * 60);
  });

  it('accepts the cookie as well as the Bearer header', async () => {
    const { cookie } = await login('staff@odense.demo', DEMO_PASSWORD);
    const sut = await call<SessionUser>('GET', '/api/auth/me', undefined, { as: null, headers: { cookie: (cookie as string).split(';')[0] as string } });
    expect(sut.status).toBe(200);
    expect(sut.body).toMatchObject({ email: 'staff@odense.demo', role: 'staff', municipalityName: 'Odense' });
    expect(sut.body).not.toHaveProperty('passwordHash');
  });

  it('gives the same 401 for a wrong password, an unknown user and a deactivated account, and locks no one out', async () => {
    const user = await createUser('odense', 'staff');
    const wrong = await login(user.email, 'not-the-password-at-all');
    const unknown = await login(`nobody-${randomUUID().slice(0, 8)}@nowhere.test`, 'not-the-password-at-all');
    expect(wrong).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED', message: 'Wrong e-mail or password' } });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    // The lock-out is gone (issue 17): the column it lived in too; the per-account delay is in small-holes.e2e-spec.ts.
    const columns = await db().query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_name = 'app_user' AND column_name = 'locked_until'");
    expect(columns.rows).toEqual([]);
  });

  it('refuses a login body without its fields with a 400 naming them', async () => {
    const sut = await call<ApiErrorBody>('POST', '/api/auth/login', { email: 'staff@odense.demo' }, { as: null });
    expect(sut.status).toBe(400);
    expect(sut.body.errors).toHaveProperty('password');
  });
});

describe('tokens', () => {
  const valid = (): Record<string, unknown> => {
    const now = Math.floor(Date.now() / 1000);
    return { sub: DEMO_IDS.users.aarhus.staff, role: 'staff', mun: DEMO_IDS.municipalities.aarhus, tv: 0, auth: now, iat: now, exp: now + 600, aud: 'outcomes-api', iss: 'outcomes' };
  };

  it('honours a correctly signed token (the forging helper is right)', async () => {
    expect((await me(forgeToken(valid()))).status).toBe(200);
  });

  it.each([
    ['tampered payload', () => {
      const token = forgeToken(valid());
      const [h, , s] = token.split('.');
      const body = Buffer.from(JSON.stringify({ ...valid(), role: 'admin', sub: DEMO_IDS.users.aarhus.admin })).toString('base64url');
      return `${h}.${body}.${s}`;
    }],
    ['expired', () => forgeToken({ ...valid(), exp: Math.floor(Date.now() / 1000) - 5 })],
    ['alg none', () => forgeToken(valid(), { alg: 'none' })],
    ['wrong audience', () => forgeToken({ ...valid(), aud: 'another-api' })],
    ['wrong issuer', () => forgeToken({ ...valid(), iss: 'someone' })],
    ['another secret', () => forgeToken(valid(), { secret: 'a-secret-that-is-not-ours-at-all-0123456789' })],
    ['past the 12-hour limit', () => forgeToken({ ...valid(), auth: Math.floor(Date.now() / 1000) - 12 * 3600 - 10 })],
    ['an old token version', () => forgeToken({ ...valid(), tv: -1 })],
    ['garbage', () => 'not.a.token'],
  ])('refuses a token: %s', async (_label, make) => {
    const sut = await call<ApiErrorBody>('GET', '/api/centres', undefined, { token: make() });
    expect(sut.status).toBe(401);
    expect(sut.body.code).toBe('UNAUTHORIZED');
  });

  it('refuses a request without any session', async () => {
    expect((await call('GET', '/api/programmes', undefined, { as: null })).status).toBe(401);
  });
});

describe('ending sessions', () => {
  it('logout ends every session of the user at once', async () => {
    const user = await createUser('aarhus', 'coordinator');
    const first = (await login(user.email, user.password)).body.token as string;
    const second = (await login(user.email, user.password)).body.token as string;
    expect((await me(second)).status).toBe(200);
    expect((await call('POST', '/api/auth/logout', undefined, { token: first })).status).toBe(204);
    expect((await me(first)).status).toBe(401);
    expect((await me(second)).status).toBe(401);
    expect((await login(user.email, user.password)).status).toBe(200);
  });

  it('deactivation ends the user’s sessions and refuses new logins', async () => {
    const user = await createUser('aarhus', 'staff');
    const token = (await login(user.email, user.password)).body.token as string;
    const { id, createdAt: _c, updatedAt: _u, municipalityId: _m, failedLogins: _f, lastFailedLoginAt: _lf, lastLoginAt: _ll, password: _p, ...editable } = user;
    const current = await call<User>('GET', `/api/users/${id}`, undefined, { as: 'admin@aarhus.demo' });
    const sut = await call<User>('PUT', `/api/users/${id}`, { ...editable, version: current.body.version, active: false }, { as: 'admin@aarhus.demo' });
    expect(sut.status).toBe(200);
    expect((await me(token)).status).toBe(401);
    expect((await login(user.email, user.password)).status).toBe(401);
  });
});

describe('users', () => {
  it('refuses short and common passwords, naming password', async () => {
    for (const password of ['short-1', 'qwerty123456', 'QAZWSXEDCRFV', 'aaaaaaaaaaaaaaaa']) {
      const sut = await call<ApiErrorBody>('POST', '/api/users', { email: `p${password.length}-${password.slice(0, 3)}@aarhus.test`, displayName: 'P', role: 'staff', password });
      expect(sut.status).toBe(400);
      expect(sut.body.errors).toHaveProperty('password');
    }
  });

  it('never lets a body choose the municipality (mass assignment)', async () => {
    for (const field of ['municipalityId', 'municipality_id', 'tokenVersion', 'passwordHash']) {
      const sut = await call<ApiErrorBody>('POST', '/api/users', {
        email: `mass-${field.toLowerCase()}@aarhus.test`, displayName: 'M', role: 'staff', password: STRONG_PASSWORD,
        [field]: field === 'municipalityId' || field === 'municipality_id' ? DEMO_IDS.municipalities.odense : 0,
      });
      expect(sut.status).toBe(400);
      expect(sut.body.errors).toHaveProperty(field);
    }
  });

  it('creates users in the admin’s own municipality only', async () => {
    const user = await createUser('aarhus', 'evaluator');
    expect(user.municipalityId).toBe(DEMO_IDS.municipalities.aarhus);
    expect(user).not.toHaveProperty('passwordHash');
    const stored = await db().query<{ password_hash: string }>('SELECT password_hash FROM app_user WHERE id = $1', [user.id]);
    expect(stored.rows[0]?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });

  it('answers 409 to a second user with the same e-mail in any case', async () => {
    const sut = await call<ApiErrorBody>('POST', '/api/users', { email: 'STAFF@odense.demo', displayName: 'Dup', role: 'staff', password: STRONG_PASSWORD });
    expect(sut.status).toBe(409);
    expect(sut.body.errors).toHaveProperty('email');
  });

  it('keeps an admin from locking themselves out', async () => {
    const token = await tokenFor('admin@odense.demo');
    const self = await call<User>('GET', `/api/users/${DEMO_IDS.users.odense.admin}`, undefined, { token });
    const { id: _id, createdAt: _c, updatedAt: _u, municipalityId: _m, failedLogins: _f, lastFailedLoginAt: _lf, lastLoginAt: _ll, ...editable } = self.body;
    const sut = await call<ApiErrorBody>('PUT', `/api/users/${DEMO_IDS.users.odense.admin}`, { ...editable, active: false, role: 'staff' }, { token });
    expect(sut.status).toBe(400);
    expect(sut.body.errors).toEqual(expect.objectContaining({ active: expect.any(String), role: expect.any(String) }));
  });
});

describe('the first admin outside demo mode', () => {
  it('is created from the command line, with the password from standard input, and can sign in', async () => {
    const cli = (args: string[], input: string): { status: number | null; output: string } => {
      const result = spawnSync(process.execPath, [`${__dirname}/../../../dist/apps/api/cli.js`, 'create-admin', ...args], {
        input,
        env: { PATH: process.env['PATH'], DATABASE_URL: process.env['TEST_DATABASE_URL'], NODE_ENV: 'test', DATA_DIR: '/tmp/outcomes-cli-unused' },
        encoding: 'utf8',
      });
      return { status: result.status, output: `${result.stdout}${result.stderr}` };
    };
    expect(cli(['--email', 'first@vejle.test', '--name', 'Første Admin', '--municipality', '630'], `${STRONG_PASSWORD}\n`).status).toBe(2);
    expect(cli(['--email', 'first@vejle.test', '--name', 'Første Admin', '--municipality', '630', '--municipality-name', 'Vejle'], 'short\n')).toMatchObject({ status: 2, output: expect.stringContaining('at least 12') });
    const created = cli(['--email', 'First@Vejle.test', '--name', 'Første Admin', '--municipality', '630', '--municipality-name', 'Vejle'], `${STRONG_PASSWORD}\n`);
    expect(created).toMatchObject({ status: 0, output: expect.stringContaining('admin created') });
    expect((await login('first@vejle.test', STRONG_PASSWORD)).status).toBe(200);
  });
});
