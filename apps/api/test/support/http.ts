import { Pool } from 'pg';
import type { PoolClient } from 'pg';

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export function baseUrl(): string {
  const url = process.env['API_BASE_URL'];
  if (!url) throw new Error('API_BASE_URL is not set: run through jest.integration.config.cjs');
  return url;
}

export const DEMO_PASSWORD = 'demo-password-2026';
/** Who a call is made as, unless told otherwise: an admin (reference data is theirs to change). */
export const DEFAULT_USER = 'admin@aarhus.demo';

const tokens = new Map<string, string>();

/** Signs in (once per test file and user) and returns the Bearer token. */
export async function tokenFor(email: string, password = DEMO_PASSWORD): Promise<string> {
  const cached = tokens.get(email);
  if (cached) return cached;
  const res = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${email} answered ${res.status}: ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  tokens.set(email, token);
  return token;
}

export function forgetToken(email: string): void {
  tokens.delete(email);
}

export interface CallOptions {
  /** Sign in as this user (default DEFAULT_USER); null: no session at all. */
  as?: string | null;
  /** An explicit Bearer token instead of signing in. */
  token?: string;
  headers?: Record<string, string>;
}

/** One HTTP call to the running API, signed in as `options.as`; JSON in, JSON (or text) out. */
export async function call<T = unknown>(method: string, path: string, body?: unknown, options: CallOptions = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  const as = options.as === undefined ? DEFAULT_USER : options.as;
  const token = options.token ?? (as ? await tokenFor(as) : undefined);
  if (token) headers['authorization'] = `Bearer ${token}`;
  const init: RequestInit = { method, headers };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const res = await fetch(`${baseUrl()}${path}`, init);
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

/** simple-rest list URL: each parameter JSON-encoded, as ra-data-simple-rest sends it. */
export function listPath(resource: string, params: { sort?: unknown; range?: unknown; filter?: unknown } = {}): string {
  const query = Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`)
    .join('&');
  return `/api/${resource}${query ? `?${query}` : ''}`;
}

let pool: Pool | undefined;

/** Direct SQL on the test database as its owner, to check what was (not) written. */
export function db(): Pool {
  pool ??= new Pool({ connectionString: process.env['TEST_DATABASE_URL'], max: 2 });
  return pool;
}

export async function closeDb(): Promise<void> {
  await pool?.end();
  pool = undefined;
}

export async function countRows(table: string): Promise<number> {
  const result = await db().query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
  return Number(result.rows[0]?.n);
}

/** Runs statements as the API's restricted role, in a transaction that is always rolled back. */
export async function asAppRole<T>(settings: Record<string, string>, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await db().connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL ROLE outcomes_app');
    for (const [key, value] of Object.entries(settings)) await client.query('SELECT set_config($1, $2, true)', [key, value]);
    return await work(client);
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}
