import { can, RESOURCES } from '@outcomes/contracts';
import type { Action, LoginInput, LoginResult, ResourceName, Role, SessionUser } from '@outcomes/contracts';
import type { AuthProvider, UserIdentity } from 'react-admin';
import { fetchUtils, HttpError } from 'react-admin';
import type { HttpClient } from '../data/http-client';

/** react-admin's action names, as its buttons and pages ask, in terms of the permissions table. */
const RA_ACTIONS: Record<string, Action> = {
  list: 'list',
  export: 'list',
  show: 'read',
  create: 'create',
  clone: 'create',
  edit: 'update',
  delete: 'delete',
};

export interface Identity extends UserIdentity {
  email: string;
  role: Role;
  /** Null for the national operator. */
  municipalityId: string | null;
  municipalityName: string | null;
}

const isResource = (name: string): name is ResourceName => (RESOURCES as readonly string[]).includes(name);

/**
 * Whether `user` may do react-admin's `action` on `resource` (and `record`, when asked about one), by
 * the shared permissions table. A record of another municipality is read-only, as the API has it.
 */
export function canAccess(
  user: Pick<SessionUser, 'role' | 'municipalityId'>,
  resource: string,
  action: string,
  record?: Record<string, unknown>,
): boolean {
  const mapped = RA_ACTIONS[action];
  if (mapped === undefined || !isResource(resource) || !can(user.role, resource, mapped)) return false;
  if (!record || (mapped !== 'update' && mapped !== 'delete') || user.role === 'operator') return true;
  // Whose record it is: a municipality is its own; a programme without one is the national catalogue,
  // which only the national operator changes; anything of another municipality is read-only.
  const owner = resource === 'municipalities' ? record['id'] : record['municipalityId'];
  if (owner === null && resource === 'programmes') return false;
  return !(typeof owner === 'string' && owner !== user.municipalityId);
}

/** The resources whose menu entries a role sees. */
export function visibleResources(role: Role): ResourceName[] {
  return RESOURCES.filter((resource) => can(role, resource, 'list'));
}

function loginError(error: unknown): Error {
  const status = error instanceof HttpError ? error.status : undefined;
  // One message whatever the cause (wrong password, unknown e-mail, deactivated): the API says no more.
  if (status === 401) return new Error('app.auth.login_refused');
  // The per-account delay after failed sign-ins (with retryAfterSeconds), or the per-address limit.
  const body = status === 429 ? ((error as HttpError).body as { retryAfterSeconds?: unknown } | undefined) : undefined;
  const delayed = typeof body?.retryAfterSeconds === 'number';
  if (delayed) return new Error('app.auth.login_delayed');
  if (status === 429) return new Error('app.notification.too_many_requests');
  return new Error('ra.auth.sign_in_error');
}

/**
 * Sessions live in the API's httpOnly cookie; the signed-in user is kept in this closure only, never
 * in localStorage or sessionStorage (a shared workstation must not keep who worked on it).
 */
export function createAuthProvider(fetchJson: HttpClient = fetchUtils.fetchJson): AuthProvider {
  let user: SessionUser | undefined;
  let pending: Promise<SessionUser> | undefined;

  const call = (url: string, options: RequestInit = {}) => fetchJson(url, { ...options, credentials: 'same-origin' });

  /** The signed-in user: from memory, else asked once of the API however many callers wait. */
  const currentUser = (): Promise<SessionUser> => {
    if (user) return Promise.resolve(user);
    pending ??= call('/api/auth/me')
      .then(({ json }) => {
        user = json as SessionUser;
        return user;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };

  return {
    async login({ email, password }: LoginInput) {
      user = undefined;
      try {
        const { json } = await call('/api/auth/login', {
          method: 'POST',
          body: JSON.stringify({ email: String(email ?? '').trim(), password }),
        });
        user = (json as LoginResult).user;
      } catch (error) {
        throw loginError(error);
      }
    },

    async logout() {
      const signedIn = user !== undefined;
      user = undefined;
      if (!signedIn) return;
      try {
        await call('/api/auth/logout', { method: 'POST' });
      } catch {
        // The session may already be over (expired, ended elsewhere): signed out either way.
      }
    },

    async checkAuth() {
      try {
        await currentUser();
      } catch {
        // No notification: arriving at the login page is not an error.
        throw { message: false };
      }
    },

    async checkError(error: unknown) {
      const status = (error as { status?: number } | undefined)?.status;
      // The session ended (expired, logged out elsewhere, user deactivated): react-admin says so and
      // calls logout. 403 and everything else: stay signed in; the page shows the error.
      if (status === 401) throw new Error('ra.notification.logged_out');
    },

    async getIdentity(): Promise<Identity> {
      const { id, displayName, email, role, municipalityId, municipalityName } = await currentUser();
      return { id, fullName: displayName, email, role, municipalityId, municipalityName };
    },

    async getPermissions(): Promise<Role | undefined> {
      try {
        return (await currentUser()).role;
      } catch (error) {
        // Signed out is an answer (no resources), not a failure for react-query to retry for 7 s.
        if (error instanceof HttpError && error.status === 401) return undefined;
        throw error;
      }
    },

    async canAccess({ resource, action, record }) {
      const current = await currentUser().catch(() => undefined);
      return current !== undefined && canAccess(current, resource, action, record);
    },
  };
}

export const authProvider = createAuthProvider();
