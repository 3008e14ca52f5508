import { randomBytes } from 'node:crypto';
import type { HealthStatus } from '@outcomes/contracts';
// Plain JS helper shared with the browser tests and CI.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startApi } from '../../../tools/testing/api-process.cjs';
import { startControlledPostgres } from './support/controlled-postgres';

const realSecret = (): string => randomBytes(32).toString('base64');

/** Starts the API with an environment that must be refused, and returns how it exited. */
async function refusedStart(env: Record<string, string>): Promise<{ code: number; output: string }> {
  const api = await startApi(env, { wait: false });
  const code = (await api.exited) as number;
  const output = api.output();
  await api.stop();
  return { code, output };
}

describe('start-up configuration', () => {
  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://localhost/x' }],
    ['NODE_ENV', { NODE_ENV: 'staging' }],
    ['HOST', { HOST: 'local host' }],
    ['TRUST_PROXY', { TRUST_PROXY: 'everyone' }],
    ['TRUST_PROXY', { TRUST_PROXY: 'none, loopback' }],
  ])('fails fast naming %s', async (variable, env) => {
    const sut = await refusedStart(env);
    expect(sut.code).toBe(78);
    expect(sut.output).toContain(variable);
    expect(sut.output).not.toMatch(/at \w+ \(/); // a message, not a stack trace
  });

  it('refuses production without secrets, naming each one', async () => {
    const sut = await refusedStart({ NODE_ENV: 'production', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(sut.code).toBe(78);
    for (const name of ['JWT_SECRET', 'ENCRYPTION_KEY', 'BLIND_INDEX_KEY', 'AUDIT_KEY', 'AUDIT_SIGNING_KEY']) expect(sut.output).toContain(name);
  });

  it('refuses production with placeholder or short secrets', async () => {
    const sut = await refusedStart({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      JWT_SECRET: 'change-me-change-me-change-me-change-me-change-me',
      ENCRYPTION_KEY: 'c2hvcnQ=',
      BLIND_INDEX_KEY: realSecret(),
      AUDIT_KEY: realSecret(),
    });
    expect(sut.code).toBe(78);
    expect(sut.output).toContain('JWT_SECRET is a placeholder');
    expect(sut.output).toContain('ENCRYPTION_KEY must be at least 32 bytes');
    expect(sut.output).not.toContain('BLIND_INDEX_KEY');
    expect(sut.output).not.toContain('AUDIT_KEY');
  });
});

describe('database outage', () => {
  it('answers 503 within a second while PostgreSQL is down, and 200 again when it is back', async () => {
    // Its own embedded server, whatever DATABASE_URL says: this test stops and starts it.
    const db = await startControlledPostgres();
    const api = await startApi({ DATABASE_URL: db.url, SEED_DEMO: 'true' });
    try {
      expect((await fetch(`${api.baseUrl}/api/health`)).status).toBe(200);
      const login = await fetch(`${api.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'staff@odense.demo', password: 'demo-password-2026' }),
      });
      const { token } = (await login.json()) as { token: string };
      const auth = { headers: { authorization: `Bearer ${token}` } };
      await db.stop();

      const started = Date.now();
      const down = await fetch(`${api.baseUrl}/api/health`);
      expect(Date.now() - started).toBeLessThan(1500);
      expect(down.status).toBe(503);
      expect((await down.json()) as HealthStatus).toMatchObject({ status: 'unavailable', database: 'down' });

      const list = await fetch(`${api.baseUrl}/api/programmes`, auth);
      expect(list.status).toBe(503);
      expect(await list.json()).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });

      await db.start();
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i++) {
        status = (await fetch(`${api.baseUrl}/api/health`)).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe(200);
      expect((await fetch(`${api.baseUrl}/api/programmes`, auth)).status).toBe(200);
    } finally {
      await api.stop();
      await db.exit();
    }
  });
});

describe('login rate limit', () => {
  it('answers 429 once an address has used up its login attempts for the minute', async () => {
    const db = await startControlledPostgres();
    const api = await startApi({ DATABASE_URL: db.url, SEED_DEMO: 'false', LOGIN_RATE_LIMIT: '3' });
    try {
      // Another e-mail address each time: the per-account delay (auth.e2e-spec.ts) stays out of the count.
      const attempt = (i: number): Promise<Response> =>
        fetch(`${api.baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: `someone-${i}@example.test`, password: 'wrong-password-123' }),
        });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await attempt(i)).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const refused = await attempt(4);
      expect(await refused.json()).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
    } finally {
      await api.stop();
      await db.exit();
    }
  });
});

describe('trusted proxies', () => {
  /** Four failed logins, each claiming another client address through X-Forwarded-For. */
  async function loginsFromFourForwardedAddresses(env: Record<string, string>): Promise<number[]> {
    const db = await startControlledPostgres();
    const api = await startApi({ DATABASE_URL: db.url, SEED_DEMO: 'false', LOGIN_RATE_LIMIT: '3', ...env });
    try {
      const statuses: number[] = [];
      for (let i = 1; i <= 4; i++) {
        const res = await fetch(`${api.baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i}` },
          body: JSON.stringify({ email: `someone-${i}@example.test`, password: 'wrong-password-123' }),
        });
        statuses.push(res.status);
      }
      return statuses;
    } finally {
      await api.stop();
      await db.exit();
    }
  }

  it('counts each forwarded client address separately behind a trusted proxy (the test connects from loopback, named here)', async () => {
    expect(await loginsFromFourForwardedAddresses({ TRUST_PROXY: 'loopback' })).toEqual([401, 401, 401, 401]);
  });

  it('trusts no proxy by default: X-Forwarded-For from a client on the same host is ignored, one address, one bucket (issue 17)', async () => {
    expect(await loginsFromFourForwardedAddresses({})).toEqual([401, 401, 401, 429]);
  });

  it('ignores X-Forwarded-For from a proxy TRUST_PROXY does not name: one address, one bucket', async () => {
    expect(await loginsFromFourForwardedAddresses({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.1' })).toEqual([401, 401, 401, 429]);
  });
});
