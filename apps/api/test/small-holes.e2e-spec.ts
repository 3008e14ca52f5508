// Issue 17, "the small holes": each attack as it was tried, now refused. Expected values are written
// out here (delays, headers, statuses), not taken from the code under test.
import { randomInt, randomUUID } from 'node:crypto';
import type { ApiErrorBody, Citizen, User } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { admins, createCitizen, createUser, freshCpr, staff } from './support/fixtures';
import { baseUrl, call, closeDb, db, DEMO_PASSWORD, listPath } from './support/http';
import { forgeToken } from './support/tokens';

afterAll(closeDb);

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const letters = (n: number): string => Array.from({ length: n }, () => String.fromCharCode(97 + randomInt(26))).join('');

interface LoginAnswer {
  status: number;
  body: ApiErrorBody & { token?: string };
  retryAfter: string | null;
  cacheControl: string | null;
}

async function attempt(email: string, password: string, headers: Record<string, string> = {}): Promise<LoginAnswer> {
  const res = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });
  return { status: res.status, body: (await res.json()) as LoginAnswer['body'], retryAfter: res.headers.get('retry-after'), cacheControl: res.headers.get('cache-control') };
}

/** A GET of the citizens' list with `filter` sent exactly as written (escapes and all), percent-encoded. */
const rawFilter = (filter: string): string => `/api/citizens?filter=${encodeURIComponent(filter)}&range=${encodeURIComponent('[0,49]')}`;

describe('a name never goes in a URL, however the filter spells q', () => {
  let citizen: Citizen;
  let surname: string;

  beforeAll(async () => {
    surname = `Q${letters(10)}`;
    citizen = await createCitizen('aarhus', { firstName: 'Jens', lastName: surname });
  });

  it('finds the citizen by that name through POST search (so a 200 with rows below would be a leak)', async () => {
    const sut = await call<Citizen[]>('POST', '/api/citizens/search', { filter: JSON.stringify({ q: surname }), range: '[0,49]' }, { as: staff.aarhus });
    expect(sut.status).toBe(200);
    expect(sut.body.map((c) => c.id)).toEqual([citizen.id]);
  });

  it.each([
    ['a \\u escape', (name: string) => `{"\\u0071":"${name}"}`],
    ['the escape with spaces', (name: string) => `{ "\\u0071" \n : "${name}" }`],
    ['a duplicate key, the last one q', (name: string) => `{"birthYear":1970,"birthYear":1970,"\\u0071":"${name}"}`],
    ['q twice, the first harmless', (name: string) => `{"q":"x","\\u0071":"${name}"}`],
    ['q beside an allowed filter', (name: string) => `{"birthYear_gte":1900,"\\u0071":"${name}"}`],
    ['the name itself escaped', (name: string) => `{"\\u0071":"${[...name].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"}`],
  ])('refuses q spelt with %s: 400, no rows', async (_label, spell) => {
    const filter = spell(surname);
    expect((JSON.parse(filter) as Record<string, unknown>)['q']).toBe(surname); // the spelling really is q once parsed
    const sut = await call<ApiErrorBody>('GET', rawFilter(filter), undefined, { as: staff.aarhus });
    expect(sut.status).toBe(400);
    expect(sut.body.code).toBe('BAD_LIST_QUERY');
    expect(JSON.stringify(sut.body)).not.toContain(citizen.id);
    expect(JSON.stringify(sut.body)).not.toContain(surname);
  });

  it.each([
    ['Q', (name: string) => `{"Q":"${name}"}`],
    ['\\u0051 (Q)', (name: string) => `{"\\u0051":"${name}"}`],
    ['a full-width q', (name: string) => `{"\uFF51":"${name}"}`],
    ['q with a NUL', (name: string) => `{"q\\u0000":"${name}"}`],
    ['q with a trailing space', (name: string) => `{"q ":"${name}"}`],
  ])('refuses other spellings of the key (%s) as unknown filters, never as a search', async (_label, spell) => {
    const sut = await call<ApiErrorBody>('GET', rawFilter(spell(surname)), undefined, { as: staff.aarhus });
    expect(sut.status).toBe(400);
    expect(JSON.stringify(sut.body)).not.toContain(citizen.id);
  });

  it('still answers a list filtered by an allowed field in the URL', async () => {
    const sut = await call<Citizen[]>('GET', listPath('citizens', { filter: { id: [citizen.id] } }), undefined, { as: staff.aarhus });
    expect(sut.status).toBe(200);
    expect(sut.body.map((c) => c.id)).toEqual([citizen.id]);
  });
});

describe('a signed token must carry its times', () => {
  const claims = (): Record<string, unknown> => {
    const now = Math.floor(Date.now() / 1000);
    return { sub: DEMO_IDS.users.aarhus.staff, role: 'staff', mun: DEMO_IDS.municipalities.aarhus, tv: 0, auth: now, iat: now, exp: now + 600, aud: 'outcomes-api', iss: 'outcomes' };
  };
  const without = (name: string): Record<string, unknown> => {
    const c = claims();
    delete c[name];
    return c;
  };

  it('honours the same token with every claim (the forged tokens below differ in one claim only)', async () => {
    const sut = await call('GET', '/api/citizens', undefined, { token: forgeToken(claims()) });
    expect(sut.status).toBe(200);
  });

  it.each([
    ['no exp', () => without('exp')],
    ['no iat', () => without('iat')],
    ['no auth (sign-in time)', () => without('auth')],
    ['neither exp nor iat', () => {
      const c = without('exp');
      delete c['iat'];
      return c;
    }],
    ['exp as text', () => ({ ...claims(), exp: String(Math.floor(Date.now() / 1000) + 600) })],
    ['exp ten years ahead (the API issues 30 minutes)', () => ({ ...claims(), exp: Math.floor(Date.now() / 1000) + 10 * 365 * 86400 })],
    ['iat an hour ahead', () => ({ ...claims(), iat: Math.floor(Date.now() / 1000) + 3600, exp: Math.floor(Date.now() / 1000) + 3600 + 600 })],
    ['signed in after it was issued', () => ({ ...claims(), auth: Math.floor(Date.now() / 1000) + 30, iat: Math.floor(Date.now() / 1000) })],
  ])('refuses a correctly signed token with %s: 401', async (_label, make) => {
    const sut = await call<ApiErrorBody>('GET', '/api/citizens', undefined, { token: forgeToken(make()) });
    expect(sut.status).toBe(401);
    expect(sut.body.code).toBe('UNAUTHORIZED');
  });
});

describe('Cache-Control: no-store on every API answer', () => {
  let citizenId: string;
  beforeAll(async () => {
    citizenId = (await createCitizen('aarhus')).id;
  });

  it.each([
    ['the citizens list', 'GET', () => listPath('citizens', { range: [0, 4] }), undefined, 200],
    ['a citizen', 'GET', () => `/api/citizens/${citizenId}`, undefined, 200],
    ['a citizen’s timeline', 'GET', () => `/api/citizens/${citizenId}/timeline`, undefined, 200],
    ['a citizen’s access history', 'GET', () => `/api/citizens/${citizenId}/access-history`, undefined, 200],
    ['a name search', 'POST', () => '/api/citizens/search', { filter: '{"q":"Jens"}' }, 200],
    ['a CPR lookup', 'POST', () => '/api/citizens/lookup', { cpr: freshCpr() }, 200],
    ['the enrolments', 'GET', () => listPath('enrolments', { range: [0, 4] }), undefined, 200],
    ['the signed-in user', 'GET', () => '/api/auth/me', undefined, 200],
    ['an unknown citizen (404)', 'GET', () => `/api/citizens/${randomUUID()}`, undefined, 404],
    ['a bad list query (400)', 'GET', () => '/api/citizens?filter=%7Bnot-json', undefined, 400],
    ['a bad body (400)', 'POST', () => '/api/citizens', { cpr: 'x' }, 400],
    ['a route that does not exist (404)', 'GET', () => '/api/no-such-resource', undefined, 404],
    ['the API in capitals (Express routes case-insensitively)', 'GET', () => `/API/citizens/${citizenId}`, undefined, 200],
  ])('on %s', async (_label, method, path, body, status) => {
    const sut = await call(method, path(), body, { as: staff.aarhus });
    expect(sut.status).toBe(status);
    expect(sut.headers.get('cache-control')).toBe('no-store');
  });

  it('on a refusal without a session (401), a forbidden resource (403) and the sign-in with its token', async () => {
    const anonymous = await call('GET', `/api/citizens/${citizenId}`, undefined, { as: null });
    const forbidden = await call('GET', listPath('users'), undefined, { as: staff.aarhus });
    const signIn = await attempt(staff.odense, DEMO_PASSWORD);
    expect([anonymous.status, forbidden.status, signIn.status]).toEqual([401, 403, 200]);
    for (const answer of [anonymous.headers.get('cache-control'), forbidden.headers.get('cache-control'), signIn.cacheControl]) expect(answer).toBe('no-store');
  });

  it('on a body over the size limit (413, refused before any parser)', async () => {
    const res = await fetch(`${baseUrl()}/api/citizens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"x":"${'a'.repeat(300 * 1024)}"}` });
    expect(res.status).toBe(413);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('not on the web app outside /api, which may be cached', async () => {
    const res = await fetch(`${baseUrl()}/`);
    await res.arrayBuffer();
    expect(res.headers.get('cache-control') ?? '').not.toContain('no-store');
  });
});

describe('failed sign-ins: a delay that grows, never a lock-out', () => {
  it('after 1, 2, 3, 4, 5 failures in a row asks 1, 2, 4, 8, 10 s; the right password too early waits like a wrong one; after the wait it signs in; the admin sees the count', async () => {
    const user = await createUser('odense', 'staff');
    const expectedDelays = [1, 2, 4, 8, 10];
    const asked: (string | null)[] = [];
    for (const [i, seconds] of expectedDelays.entries()) {
      const wrong = await attempt(user.email, `wrong-password-${i}`);
      expect(wrong.status).toBe(401);
      const tooSoon = await attempt(user.email, `wrong-password-${i}-again`);
      expect(tooSoon.status).toBe(429);
      expect(tooSoon.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: seconds });
      expect(tooSoon.body.message).toContain('prøv igen');
      expect(tooSoon.body.message).toContain('try again');
      asked.push(tooSoon.retryAfter);
      if (i === 0) {
        // The owner's right password inside the window is not looked at either (else the window would leak which guess was right).
        expect((await attempt(user.email, user.password)).status).toBe(429);
      }
      await sleep(seconds * 1000 + 150);
    }
    expect(asked).toEqual(['1', '2', '4', '8', '10']);

    const shown = await call<User>('GET', `/api/users/${user.id}`, undefined, { as: admins.odense });
    expect(shown.status).toBe(200);
    expect(shown.body.failedLogins).toBe(5);
    expect(Date.now() - Date.parse(shown.body.lastFailedLoginAt as string)).toBeLessThan(30_000);
    const listed = await call<User[]>('GET', listPath('users', { filter: { failedLogins_gte: 5, id: [user.id] }, sort: ['failedLogins', 'DESC'], range: [0, 9] }), undefined, { as: admins.odense });
    expect(listed.status).toBe(200);
    expect(listed.body.map((u) => [u.id, u.failedLogins])).toEqual([[user.id, 5]]);

    const right = await attempt(user.email, user.password);
    expect(right.status).toBe(200);
    const after = await call<User>('GET', `/api/users/${user.id}`, undefined, { as: admins.odense });
    expect(after.body.failedLogins).toBe(0);
    expect(after.body.lastFailedLoginAt).toBe(shown.body.lastFailedLoginAt); // the last failure stays visible
  }, 90_000);

  it('20 wrong passwords at once: one is looked at, 19 are refused unread; the right password a second later signs in', async () => {
    const user = await createUser('aarhus', 'coordinator');
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(user.email, `wrong-password-${i}`)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([401, ...Array<number>(19).fill(429)]);
    expect(new Set(answers.filter((a) => a.status === 429).map((a) => a.retryAfter))).toEqual(new Set(['1']));
    const stored = await db().query<{ failed_logins: number }>('SELECT failed_logins FROM app_user WHERE id = $1', [user.id]);
    expect(stored.rows[0]?.failed_logins).toBe(1);
    await sleep(1150);
    expect((await attempt(user.email, user.password)).status).toBe(200);
  });

  it('20 wrong passwords one after another, as fast as they go: the first is looked at, the rest wait; the right password after the wait signs in', async () => {
    const user = await createUser('aarhus', 'staff');
    const statuses: number[] = [];
    const started = Date.now();
    for (let i = 0; i < 20; i++) statuses.push((await attempt(user.email, `wrong-password-${i}`)).status);
    const took = Date.now() - started;
    // The 19 refused ones are not looked at (no password hash computed): all within the first failure's 1 s.
    expect(took).toBeLessThan(1000);
    expect(statuses).toEqual([401, ...Array<number>(19).fill(429)]);
    await sleep(1150);
    expect((await attempt(user.email, user.password)).status).toBe(200);
  });

  it('asks at most 10 s however many failures came before (1,000 in the database)', async () => {
    const user = await createUser('aarhus', 'staff');
    const set = await db().query("UPDATE app_user SET failed_logins = 1000, login_attempt_at = now() - interval '1 hour' WHERE id = $1", [user.id]);
    expect(set.rowCount).toBe(1);
    expect((await attempt(user.email, 'wrong-password-1001')).status).toBe(401);
    const tooSoon = await attempt(user.email, user.password);
    expect([tooSoon.status, tooSoon.retryAfter]).toEqual([429, '10']);
  });

  it('answers an e-mail that names no account exactly as an existing one: 401, then the same 429', async () => {
    const user = await createUser('odense', 'staff');
    const unknown = `nobody-${randomUUID().slice(0, 8)}@odense.test`;
    const known = [await attempt(user.email, 'wrong-password-1'), await attempt(user.email, 'wrong-password-2')];
    const other = [await attempt(unknown, 'wrong-password-1'), await attempt(unknown, 'wrong-password-2')];
    expect(known.map((a) => a.status)).toEqual([401, 429]);
    expect(other).toEqual(known);
  });
});

describe('TRUST_PROXY trusts no one by default', () => {
  it('logs the socket’s address in the access log, not the X-Forwarded-For a client sends', async () => {
    const citizen = await createCitizen('aarhus');
    const sut = await call('GET', `/api/citizens/${citizen.id}`, undefined, { as: staff.aarhus, headers: { 'x-forwarded-for': '203.0.113.77' } });
    expect(sut.status).toBe(200);
    const logged = await db().query<{ address: string | null }>('SELECT address FROM access_log WHERE citizen_id = $1::uuid OR record_id = $1::uuid ORDER BY seq DESC LIMIT 1', [citizen.id]);
    expect(logged.rows).toHaveLength(1);
    expect(['127.0.0.1', '::ffff:127.0.0.1']).toContain(logged.rows[0]?.address);
  });
});
