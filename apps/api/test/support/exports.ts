import { randomUUID } from 'node:crypto';
import type { ApiErrorBody, ExportDataset, ExportFormat, ExportJob, ExportProject } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import ExcelJS from 'exceljs';
import { admins } from './fixtures';
import { call, tokenFor } from './http';

/** The evaluator every export spec works as. */
export const EVALUATOR = 'evaluator@aarhus.demo';
export const AARHUS = DEMO_IDS.municipalities.aarhus;

/** A programme of the calling spec alone, so that its exports hold exactly the enrolments it made. */
export async function ownProgramme(): Promise<string> {
  const code = `EX${randomUUID().slice(0, 6).toUpperCase()}`;
  const res = await call<{ id: string }>('POST', '/api/programmes', { code, name: `Eksport ${code}`, format: 'individual', expectedSessions: 12, followUpMonths: [6] }, { as: admins.aarhus });
  if (res.status !== 201) throw new Error(`programme: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export async function project(programmeIds: string[], extra: Record<string, unknown> = {}) {
  return call<ExportProject & ApiErrorBody>('POST', '/api/export-projects', {
    name: `Projekt ${randomUUID().slice(0, 6)}`, purpose: 'Effektevaluering af programmet', municipalityIds: [AARHUS], programmeIds,
    periodFrom: '2020-01-01', periodTo: '2030-12-31', ...extra,
  }, { as: EVALUATOR });
}

export const startExport = (projectId: string, dataset: ExportDataset | string, format: ExportFormat = 'csv') =>
  call<ExportJob & ApiErrorBody>('POST', '/api/export-jobs', { projectId, dataset, format }, { as: EVALUATOR });

export async function finished(id: string, timeoutMs = 120_000): Promise<ExportJob> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await call<ExportJob>('GET', `/api/export-jobs/${id}`, undefined, { as: EVALUATOR });
    if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
    if (Date.now() > until) throw new Error(`export ${id} still ${res.body.status} at ${res.body.progress} %`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function download(id: string): Promise<{ status: number; type: string | null; body: Buffer }> {
  const token = await tokenFor(EVALUATOR);
  const res = await fetch(`${process.env['API_BASE_URL']}/api/export-jobs/${id}/download`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}

/** Runs an export to the end and answers its job and its cells (header first). */
export async function runExport(projectId: string, dataset: ExportDataset, format: ExportFormat = 'csv'): Promise<{ job: ExportJob; cells: string[][] }> {
  const started = await startExport(projectId, dataset, format);
  expect(started.status).toBe(201);
  const job = await finished(started.body.id);
  expect(job.status).toBe('done');
  const file = await download(job.id);
  expect(file.status).toBe(200);
  if (format === 'csv') {
    const text = file.body.toString('utf8').replace(/^\uFEFF/, '');
    // No cell holds a comma or quote except free text, which these datasets do not have.
    return { job, cells: text.trim().split(/\r?\n/).map((line) => line.split(',')) };
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(dataset);
  const rows: string[][] = [];
  sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return { job, cells: rows };
}

export async function exportCells(projectId: string, dataset: ExportDataset, format: ExportFormat): Promise<string[][]> {
  return (await runExport(projectId, dataset, format)).cells;
}
