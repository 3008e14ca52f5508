import { performance } from 'node:perf_hooks';

/** One request as the simulated client saw it; times on performance.now()'s clock (ms). */
export interface Sample {
  kind: string;
  status: number; // 0: no HTTP answer (network error or client time-out)
  code?: string;
  started: number;
  ended: number;
  error?: string;
}

export interface Answer<T> {
  status: number;
  body: T;
}

/**
 * Far above anything the API may take (its own statement timeout is 30 s): a request still open
 * after this is a hanging request, recorded as status 0.
 */
const CLIENT_TIMEOUT_MS = 15_000;

export const now = (): number => performance.now();

/** A timed HTTP client that records every request it makes, for the load and outage figures. */
export class LoadClient {
  readonly samples: Sample[] = [];

  constructor(readonly baseUrl: string) {}

  async request<T = Record<string, unknown>>(kind: string, method: string, path: string, token: string | null, body?: unknown): Promise<Answer<T>> {
    const headers: Record<string, string> = {};
    if (token) headers['authorization'] = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const started = now();
    const sample: Sample = { kind, status: 0, started, ended: started };
    try {
      const res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
      });
      const text = await res.text();
      sample.ended = now();
      sample.status = res.status;
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      if (res.status >= 400) sample.code = (parsed as { code?: string } | null)?.code;
      this.samples.push(sample);
      return { status: res.status, body: parsed as T };
    } catch (error) {
      sample.ended = now();
      sample.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this.samples.push(sample);
      return { status: 0, body: undefined as T };
    }
  }
}

export const latency = (s: Sample): number => s.ended - s.started;

/** The p-th percentile (nearest rank) of the values. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

/** Requests, p50, p99 and max per kind and overall, as printable rows. */
export function latencyTable(samples: Sample[]): Record<string, { requests: number; p50: number; p99: number; max: number }> {
  const kinds = [...new Set(samples.map((s) => s.kind))].sort();
  const row = (of: Sample[]) => {
    const ms = of.map(latency);
    return { requests: of.length, p50: Math.round(percentile(ms, 50)), p99: Math.round(percentile(ms, 99)), max: Math.round(Math.max(...ms)) };
  };
  return { ...Object.fromEntries(kinds.map((k) => [k, row(samples.filter((s) => s.kind === k))])), overall: row(samples) };
}

/** "503 DATABASE_UNAVAILABLE": 12 and so on. */
export function statusCounts(samples: Sample[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of samples) {
    const key = s.status === 0 ? `no answer (${s.error ?? '?'})` : `${s.status}${s.code ? ` ${s.code}` : ''}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` over the items with at most `limit` at a time. */
export async function inBatches<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
