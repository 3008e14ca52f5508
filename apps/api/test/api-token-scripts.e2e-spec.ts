import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CreatedApiToken } from '@outcomes/contracts';
import { baseUrl, call, closeDb, db } from './support/http';
import { EVALUATOR, ownProgramme, project } from './support/exports';

afterAll(closeDb);

/**
 * The Python example of docs/api-tokens.md, run as a user would run it against the running test API:
 * with a token whose scope is only what the script needs. (The R example is not run: R is not on the
 * machines; see docs/api-tokens.md.)
 */
const SCRIPT = join(__dirname, '../../../docs/api-tokens/export.py');

describe('docs/api-tokens/export.py', () => {
  it('starts an export with a token, waits for it and reads it; every call is in the log as by the token', async () => {
    const projectId = (await project([await ownProgramme()])).body.id;
    const made = await call<CreatedApiToken>('POST', '/api/api-tokens', { purpose: 'Dokumentationens Python-eksempel', expiresInDays: 1, scope: ['export-jobs:create', 'export-jobs:read'] }, { as: EVALUATOR });
    expect(made.status).toBe(201);
    const dir = mkdtempSync(join(tmpdir(), 'api-token-script-'));
    try {
      const out = join(dir, 'codebook.csv');
      const run = spawnSync('python3', [SCRIPT], {
        env: { PATH: process.env['PATH'] ?? '', OUTCOMES_API: baseUrl(), OUTCOMES_TOKEN: made.body.token, OUTCOMES_PROJECT_ID: projectId, OUTCOMES_DATASET: 'codebook', OUTCOMES_OUT: out },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const summary = JSON.parse(run.stdout) as { jobId: string; columns: string[]; rows: number };
      expect(summary.columns).toEqual(['dataset', 'variable', 'label_da', 'label_en', 'type', 'values', 'computation']);
      expect(summary.rows).toBeGreaterThan(10);
      // The file it kept is the file the API serves for that job.
      const served = await fetch(`${baseUrl()}/api/export-jobs/${summary.jobId}/download`, { headers: { authorization: `Bearer ${made.body.token}` } });
      expect(Buffer.from(await served.arrayBuffer()).equals(readFileSync(out))).toBe(true);

      const rows = (await db().query<{ action: string; resource: string; outcome: string }>('SELECT action, resource, outcome FROM access_log WHERE api_token_id = $1 ORDER BY seq', [made.body.id])).rows;
      expect(rows[0]).toEqual({ action: 'create', resource: 'export-jobs', outcome: 'ok' });
      expect(rows.slice(1).every((r) => r.resource === 'export-jobs' && r.outcome === 'ok')).toBe(true);
      expect(rows.length).toBeGreaterThanOrEqual(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops with the API’s reason when the token may not do it', async () => {
    const projectId = (await project([await ownProgramme()])).body.id;
    const made = await call<CreatedApiToken>('POST', '/api/api-tokens', { purpose: 'Kun læse', expiresInDays: 1, scope: ['export-jobs:read'] }, { as: EVALUATOR });
    const run = spawnSync('python3', [SCRIPT], {
      env: { PATH: process.env['PATH'] ?? '', OUTCOMES_API: baseUrl(), OUTCOMES_TOKEN: made.body.token, OUTCOMES_PROJECT_ID: projectId, OUTCOMES_DATASET: 'codebook', OUTCOMES_OUT: '/dev/null' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('403 TOKEN_SCOPE');
    expect(run.stderr).toContain('export-jobs:create');
  });
});
