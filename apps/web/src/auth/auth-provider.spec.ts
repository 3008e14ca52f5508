import { ROLES } from '@outcomes/contracts';
import type { SessionUser } from '@outcomes/contracts';
import type { AuthProvider } from 'react-admin';
import { HttpError } from 'react-admin';
import type { HttpClient } from '../data/http-client';
import { canAccess, createAuthProvider, visibleResources } from './auth-provider';

const ADMIN: SessionUser = {
  id: 'u1',
  email: 'admin@odense.demo',
  displayName: 'Administrator (Odense)',
  role: 'admin',
  municipalityId: 'm1',
  municipalityName: 'Odense',
};
const STAFF: SessionUser = { ...ADMIN, id: 'u2', email: 'staff@odense.demo', displayName: 'Behandler', role: 'staff' };

type Answer = { status: number; json?: unknown };

/** A fake API: answers by "METHOD path", records every call. */
function fakeApi(answers: Record<string, Answer | (() => Answer)>) {
  const calls: { key: string; options: RequestInit }[] = [];
  const fetchJson: HttpClient = (url: string, options: RequestInit = {}) => {
    const key = `${(options.method ?? 'GET').toUpperCase()} ${url}`;
    calls.push({ key, options });
    const found = answers[key];
    const answer = typeof found === 'function' ? found() : (found ?? { status: 404 });
    if (answer.status >= 400) return Promise.reject(new HttpError('refused', answer.status, answer.json));
    return Promise.resolve({ status: answer.status, headers: new Headers(), body: JSON.stringify(answer.json), json: answer.json });
  };
  return { calls, sut: createAuthProvider(fetchJson) };
}

// react-query's context, which these methods do not use.
const ctx = {} as Parameters<AuthProvider['checkAuth']>[0];
type CanAccessParams = Parameters<NonNullable<AuthProvider['canAccess']>>[0];
const ask = (sut: AuthProvider, resource: string, action: string) =>
  sut.canAccess?.({ resource, action } as CanAccessParams);

describe('canAccess and visibleResources', () => {
  const staff = { role: 'staff', municipalityId: 'm1' } as const;
  const admin = { role: 'admin', municipalityId: 'm1' } as const;

  it('reads the permissions table in react-admin terms', () => {
    expect(canAccess(staff, 'centres', 'list')).toBe(true);
    expect(canAccess(staff, 'centres', 'show')).toBe(true);
    expect(canAccess(staff, 'centres', 'edit')).toBe(false);
    expect(canAccess(staff, 'centres', 'create')).toBe(false);
    expect(canAccess(staff, 'centres', 'delete')).toBe(false);
    expect(canAccess(admin, 'centres', 'edit')).toBe(true);
    expect(canAccess(admin, 'users', 'edit')).toBe(true);
    expect(canAccess(admin, 'users', 'delete')).toBe(false);
    expect(canAccess(admin, 'access-log', 'list')).toBe(true);
    expect(canAccess(admin, 'access-log', 'edit')).toBe(false);
    expect(canAccess(admin, 'no-such-resource', 'list')).toBe(false);
    expect(canAccess(admin, 'centres', 'fly')).toBe(false);
  });

  it("makes another municipality's records read-only", () => {
    const own = { municipalityId: 'm1' };
    const foreign = { municipalityId: 'm2' };
    expect(canAccess(admin, 'centres', 'edit', own)).toBe(true);
    expect(canAccess(admin, 'centres', 'delete', own)).toBe(true);
    expect(canAccess(admin, 'centres', 'edit', foreign)).toBe(false);
    expect(canAccess(admin, 'centres', 'delete', foreign)).toBe(false);
    expect(canAccess(admin, 'centres', 'show', foreign)).toBe(true);
    // A national programme (no municipality) is the operator's; a local one its municipality's.
    expect(canAccess(admin, 'programmes', 'edit', { code: 'MOVE', municipalityId: null })).toBe(false);
    expect(canAccess(admin, 'programmes', 'delete', { code: 'MOVE', municipalityId: null })).toBe(false);
    expect(canAccess(admin, 'programmes', 'edit', { code: 'LOKAL', municipalityId: 'm1' })).toBe(true);
    expect(canAccess(admin, 'programmes', 'edit', { code: 'ANDEN', municipalityId: 'm2' })).toBe(false);
    // A municipality is its own record: the admin edits theirs only, and never creates one.
    expect(canAccess(admin, 'municipalities', 'edit', { id: 'm1' })).toBe(true);
    expect(canAccess(admin, 'municipalities', 'edit', { id: 'm2' })).toBe(false);
    expect(canAccess(admin, 'municipalities', 'create')).toBe(false);
    const operator = { role: 'operator' as const, municipalityId: null };
    expect(canAccess(operator, 'programmes', 'edit', { code: 'MOVE', municipalityId: null })).toBe(true);
    expect(canAccess(operator, 'municipalities', 'create')).toBe(true);
    expect(canAccess(operator, 'citizens', 'list')).toBe(false);
  });

  it('shows users and the access log to admins only (the operator their own log), and the reference data to everyone', () => {
    for (const role of ROLES) {
      const visible = visibleResources(role);
      expect(visible).toEqual(expect.arrayContaining(['municipalities', 'centres', 'programmes']));
      expect(visible.includes('users')).toBe(role === 'admin');
      expect(visible.includes('access-log')).toBe(role === 'admin' || role === 'operator');
      expect(visible.includes('evaluator-grants')).toBe(role === 'admin' || role === 'evaluator');
    }
  });
});

describe('createAuthProvider', () => {
  it('signs in with e-mail and password, with the cookie of the same origin', async () => {
    const { calls, sut } = fakeApi({ 'POST /api/auth/login': { status: 200, json: { token: 't', user: ADMIN } } });
    await sut.login({ email: ' admin@odense.demo ', password: 'secret' });
    expect(calls).toHaveLength(1);
    expect(JSON.parse(calls[0]?.options.body as string)).toEqual({ email: 'admin@odense.demo', password: 'secret' });
    expect(calls[0]?.options.credentials).toBe('same-origin');
    // The login answer is remembered: no extra round trip for the identity.
    expect(await sut.getIdentity?.(ctx)).toEqual({
      id: 'u1',
      fullName: 'Administrator (Odense)',
      email: 'admin@odense.demo',
      role: 'admin',
      municipalityId: 'm1',
      municipalityName: 'Odense',
    });
    expect(await sut.getPermissions?.(ctx)).toBe('admin');
    expect(calls).toHaveLength(1);
  });

  it.each([
    [401, {}, 'app.auth.login_refused'],
    [429, {}, 'app.notification.too_many_requests'],
    [429, { retryAfterSeconds: 4 }, 'app.auth.login_delayed'],
    [500, {}, 'ra.auth.sign_in_error'],
  ])('answers a refused sign-in (%i %j) with one translated message', async (status, extra, message) => {
    const { sut } = fakeApi({ 'POST /api/auth/login': { status, json: { code: 'UNAUTHORIZED', ...extra } } });
    await expect(sut.login({ email: 'a@b.dk', password: 'x' })).rejects.toThrow(message);
  });

  it('checks the session with /api/auth/me once, however many callers ask at the same time', async () => {
    const { calls, sut } = fakeApi({ 'GET /api/auth/me': { status: 200, json: STAFF } });
    await Promise.all([sut.checkAuth(ctx), sut.getPermissions?.(ctx), sut.getIdentity?.(ctx)]);
    expect(calls.map((c) => c.key)).toEqual(['GET /api/auth/me']);
    expect(await ask(sut, 'centres', 'edit')).toBe(false);
    expect(await ask(sut, 'centres', 'list')).toBe(true);
  });

  it('rejects checkAuth without a notification when there is no session, and grants nothing', async () => {
    const { sut } = fakeApi({ 'GET /api/auth/me': { status: 401, json: { code: 'UNAUTHORIZED' } } });
    await expect(sut.checkAuth(ctx)).rejects.toEqual({ message: false });
    expect(await ask(sut, 'centres', 'list')).toBe(false);
    expect(await sut.getPermissions?.(ctx)).toBeUndefined();
  });

  it('logs out on 401 but not on 403', async () => {
    const { sut } = fakeApi({});
    await expect(sut.checkError(new HttpError('no', 401, {}))).rejects.toThrow('ra.notification.logged_out');
    await expect(sut.checkError(new HttpError('no', 403, { code: 'FORBIDDEN' }))).resolves.toBeUndefined();
    await expect(sut.checkError(new HttpError('no', 500, {}))).resolves.toBeUndefined();
  });

  it('ends the session at the API and forgets the user', async () => {
    let signedIn = true;
    const { calls, sut } = fakeApi({
      'POST /api/auth/login': { status: 200, json: { token: 't', user: ADMIN } },
      'POST /api/auth/logout': () => {
        signedIn = false;
        return { status: 204 };
      },
      'GET /api/auth/me': () => (signedIn ? { status: 200, json: ADMIN } : { status: 401 }),
    });
    await sut.login({ email: 'admin@odense.demo', password: 'secret' });
    await sut.logout({});
    expect(calls.map((c) => c.key)).toEqual(['POST /api/auth/login', 'POST /api/auth/logout']);
    await expect(sut.checkAuth(ctx)).rejects.toEqual({ message: false });
  });

  it('does not call the API to log out when nobody is signed in', async () => {
    const { calls, sut } = fakeApi({});
    await sut.logout({});
    expect(calls).toEqual([]);
  });
});
