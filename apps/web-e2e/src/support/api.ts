import { baseUrl } from './browser';

/** Reads the API directly, to check what a form did or did not write. */
export async function apiGet<T>(path: string): Promise<T> {
  const response = await fetch(`${baseUrl()}/api/${path}`);
  if (!response.ok) throw new Error(`GET /api/${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export async function apiPut<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${baseUrl()}/api/${path}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`PUT /api/${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export const listQuery = (filter: Record<string, unknown>): string =>
  `?filter=${encodeURIComponent(JSON.stringify(filter))}`;
