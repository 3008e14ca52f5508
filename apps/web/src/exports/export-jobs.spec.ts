import type { ExportJob } from '@outcomes/contracts';
import { downloadUrl, formatBytes, hasSyntaxFiles, isDownloadable, jobUnderWay, syntaxUrl, ungrantedIds } from './export-jobs';

const job = (overrides: Partial<ExportJob>): ExportJob => ({
  id: 'j1',
  projectId: 'p1',
  dataset: 'enrolments',
  format: 'csv',
  status: 'done',
  progress: 100,
  rowCount: 10,
  byteSize: 2048,
  fileName: 'enrolments-2026-05-14.csv',
  createdAt: '2026-05-14T10:00:00.000Z',
  startedAt: '2026-05-14T10:00:01.000Z',
  finishedAt: '2026-05-14T10:00:02.000Z',
  expiresAt: '2026-05-21T10:00:02.000Z',
  disclosure: null,
  ...overrides,
});

describe('export jobs', () => {
  it('finds the one under way among earlier ones', () => {
    expect(jobUnderWay([job({ id: 'a' }), job({ id: 'b', status: 'running' }), job({ id: 'c', status: 'failed' })])?.id).toBe('b');
    expect(jobUnderWay([job({ id: 'q', status: 'queued' })])?.id).toBe('q');
    expect(jobUnderWay([job({}), job({ status: 'expired' })])).toBeUndefined();
  });

  it('can be downloaded when done and until it expires', () => {
    const before = new Date('2026-05-20T00:00:00Z');
    const after = new Date('2026-05-22T00:00:00Z');
    expect(isDownloadable(job({}), before)).toBe(true);
    expect(isDownloadable(job({}), after)).toBe(false);
    expect(isDownloadable(job({ status: 'expired' }), before)).toBe(false);
    expect(isDownloadable(job({ status: 'running', expiresAt: null }), before)).toBe(false);
  });

  it('downloads by the job id alone', () => {
    expect(downloadUrl({ id: '00000000-0000-4000-8000-000000000001' })).toBe('/api/export-jobs/00000000-0000-4000-8000-000000000001/download');
  });

  it('offers syntax files for a CSV export only, by the job id, format and language alone', () => {
    expect(syntaxUrl({ id: '00000000-0000-4000-8000-000000000001' }, 'stata', 'en')).toBe('/api/export-jobs/00000000-0000-4000-8000-000000000001/syntax/stata?lang=en');
    expect([hasSyntaxFiles(job({})), hasSyntaxFiles(job({ format: 'xlsx' }))]).toEqual([true, false]);
  });

  it('gives file sizes in the language’s format', () => {
    expect(formatBytes(512, 'da')).toBe('512\u00a0B');
    expect(formatBytes(12_345, 'da')).toBe('12,3\u00a0kB');
    expect(formatBytes(4_200_000, 'en')).toBe('4.2\u00a0MB');
  });

  it('reads the municipalities a refusal names', () => {
    const a = '00000000-0000-4000-8000-000000000751';
    const b = '00000000-0000-4000-8000-000000000101';
    expect(ungrantedIds(`not granted to you: ${a}, ${b}`)).toEqual([a, b]);
    expect(ungrantedIds(undefined)).toEqual([]);
  });
});
