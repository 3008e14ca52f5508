import type { LoginResult } from '@outcomes/contracts';
import { DEMO_PASSWORD } from '@outcomes/seeds';
import { baseUrl } from './browser';

/** Session tokens of the accounts the tests read through, one per e-mail (a Bearer token, not the cookie). */
const tokens = new Map<string, string>();

async function token(email: string, fresh: boolean): Promise<string> {
  const known = tokens.get(email);
  if (known && !fresh) return known;
  const response = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`POST /api/auth/login as ${email} answered ${response.status}: ${await response.text()}`);
  const { token: issued } = (await response.json()) as LoginResult;
  tokens.set(email, issued);
  return issued;
}

/** A call as `email`; signs in again once if a logout in the browser ended that user's sessions. */
async function call(email: string, method: string, path: string, body?: unknown): Promise<Response> {
  const send = async (fresh: boolean) =>
    fetch(`${baseUrl()}/api/${path}`, {
      method,
      headers: { Authorization: `Bearer ${await token(email, fresh)}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const response = await send(false);
  return response.status === 401 ? send(true) : response;
}

/** Reads the API directly, to check what a form did or did not write. */
export async function apiGet<T>(path: string, as: string): Promise<T> {
  const response = await call(as, 'GET', path);
  if (!response.ok) throw new Error(`GET /api/${path} as ${as} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export async function apiPut<T>(path: string, body: unknown, as: string): Promise<T> {
  const response = await call(as, 'PUT', path, body);
  if (!response.ok) throw new Error(`PUT /api/${path} as ${as} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export async function apiPost<T>(path: string, body: unknown, as: string): Promise<T> {
  const response = await call(as, 'POST', path, body);
  if (!response.ok) throw new Error(`POST /api/${path} as ${as} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export async function apiDelete<T>(path: string, as: string): Promise<T> {
  const response = await call(as, 'DELETE', path);
  if (!response.ok) throw new Error(`DELETE /api/${path} as ${as} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export const listQuery = (filter: Record<string, unknown>): string =>
  `?filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** The status a GET answers, for checking what a user may no longer read. */
export async function apiStatus(path: string, as: string): Promise<number> {
  return (await call(as, 'GET', path)).status;
}
