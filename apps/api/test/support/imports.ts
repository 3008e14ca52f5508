import { request } from 'node:http';
import type { ApiErrorBody, ImportJob, ImportMapping, ImportMode, ImportRowResult } from '@outcomes/contracts';
import { baseUrl, call, tokenFor } from './http';
import { staff } from './fixtures';

/** A CSV of these rows (header first), comma separated, quoted where needed (RFC 4180). */
export function csv(rows: (string | number)[][], delimiter = ','): Buffer {
  const cell = (value: string | number): string => {
    const text = String(value);
    return /[",;\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return Buffer.from(rows.map((row) => row.map(cell).join(delimiter)).join('\r\n') + '\r\n', 'utf8');
}

export async function upload(kind: string, body: Buffer, as: string = staff.aarhus): Promise<{ status: number; body: ImportJob & ApiErrorBody }> {
  const token = await tokenFor(as);
  const res = await fetch(`${baseUrl()}/api/imports?kind=${kind}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, body: new Uint8Array(body) });
  return { status: res.status, body: (await res.json()) as ImportJob & ApiErrorBody };
}

/** Waits for the import to leave `checking` / `running`. */
export async function settled(id: string, as: string = staff.aarhus, timeoutMs = 120_000): Promise<ImportJob> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await call<ImportJob>('GET', `/api/imports/${id}`, undefined, { as });
    if (res.status !== 200) throw new Error(`import ${id}: ${res.status} ${JSON.stringify(res.body)}`);
    if (res.body.status !== 'checking' && res.body.status !== 'running') return res.body;
    if (Date.now() > until) throw new Error(`import ${id} still ${res.body.status} at ${res.body.progress} %`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export async function dryRun(id: string, mapping: ImportMapping, as: string = staff.aarhus): Promise<ImportJob> {
  const res = await call<ImportJob & ApiErrorBody>('POST', `/api/imports/${id}/dry-run`, { mapping }, { as });
  if (res.status !== 201) throw new Error(`dry run: ${res.status} ${JSON.stringify(res.body)}`);
  return settled(id, as);
}

export async function runImport(id: string, mode: ImportMode, as: string = staff.aarhus): Promise<ImportJob> {
  const res = await call<ImportJob & ApiErrorBody>('POST', `/api/imports/${id}/run`, { mode }, { as });
  if (res.status !== 201) throw new Error(`run: ${res.status} ${JSON.stringify(res.body)}`);
  return settled(id, as);
}

export async function results(id: string, as: string = staff.aarhus): Promise<ImportRowResult[]> {
  const out: ImportRowResult[] = [];
  for (let offset = 0; ; offset += 500) {
    const res = await call<{ total: number; rows: ImportRowResult[] }>('GET', `/api/imports/${id}/results?offset=${offset}&limit=500`, undefined, { as });
    if (res.status !== 200) throw new Error(`results: ${res.status}`);
    out.push(...res.body.rows);
    if (out.length >= res.body.total) return out;
  }
}

/**
 * A POST declaring a body of `length` bytes whose body is never sent: the API must answer from the
 * declared length alone (a client cut off mid-body by a 413 sees a broken pipe instead of the answer).
 */
export async function declaredUpload(length: number, as: string = staff.aarhus): Promise<{ status: number; body: ApiErrorBody }> {
  const token = await tokenFor(as);
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl()}/api/imports?kind=citizens`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'content-length': String(length) } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as ApiErrorBody });
        req.destroy();
      });
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}
