import { Pool } from 'pg';

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

/** One HTTP call to the running API; JSON in, JSON (or text) out. */
export async function call<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const init: RequestInit = { method, headers: { ...headers } };
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

/** Direct SQL on the test database, to check what was (not) written. */
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
