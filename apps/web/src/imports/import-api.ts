import type { ApiErrorBody, ImportJob, ImportKind, ImportMapping, ImportMode, ImportRowResult } from '@outcomes/contracts';
import { HttpError } from 'react-admin';
import { createHttpClient } from '../data/http-client';

const httpClient = createHttpClient();

/** The file goes as the body itself (the API reads its content to tell CSV from XLSX); its name is never sent. */
export async function uploadImport(kind: ImportKind, file: Blob): Promise<ImportJob> {
  const res = await fetch(`/api/imports?kind=${kind}`, { method: 'POST', body: file, credentials: 'same-origin', headers: { 'content-type': 'application/octet-stream' } });
  const body = (await res.json().catch(() => ({}))) as ImportJob & Partial<ApiErrorBody>;
  if (!res.ok) throw new HttpError(body.message ?? res.statusText, res.status, body);
  return body;
}

export async function getImport(id: string): Promise<ImportJob> {
  return (await httpClient(`/api/imports/${id}`)).json as ImportJob;
}

export async function startDryRun(id: string, mapping: ImportMapping): Promise<ImportJob> {
  return (await httpClient(`/api/imports/${id}/dry-run`, { method: 'POST', body: JSON.stringify({ mapping }) })).json as ImportJob;
}

export async function startImport(id: string, mode: ImportMode): Promise<ImportJob> {
  return (await httpClient(`/api/imports/${id}/run`, { method: 'POST', body: JSON.stringify({ mode }) })).json as ImportJob;
}

export async function importResults(id: string, limit = 200): Promise<{ total: number; rows: ImportRowResult[] }> {
  return (await httpClient(`/api/imports/${id}/results?limit=${limit}`)).json as { total: number; rows: ImportRowResult[] };
}

/** The API's field errors as lines "field: rule" (a mapping's 400 names each column). */
export function errorLines(error: unknown): string[] {
  if (!(error instanceof HttpError)) return [error instanceof Error ? error.message : String(error)];
  const body = error.body as Partial<ApiErrorBody> | undefined;
  const errors = body?.errors ? Object.entries(body.errors).map(([field, rule]) => `${field.replace(/^mapping\./, '')}: ${String(rule)}`) : [];
  return errors.length > 0 ? errors : [body?.message ?? error.message];
}

/** Whether a job is still being worked on (poll it). */
export const isBusy = (job: ImportJob): boolean => job.status === 'checking' || job.status === 'running';

/** A mapping without the columns left out. */
export function cleanMapping(mapping: Record<string, string>): ImportMapping {
  return Object.fromEntries(Object.entries(mapping).filter(([, field]) => field !== ''));
}
