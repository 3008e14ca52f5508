import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CreatedApiToken } from '@outcomes/contracts';
import { baseUrl, call, closeDb, db } from './support/http';
import { EVALUATOR, ownProgramme, project } from './support/exports';
import { rBracketsAndStrings, RSCRIPT, rscriptVersion } from './support/r-language';

afterAll(closeDb);

/**
 * The examples of docs/api-tokens.md, run as a user would run them against the running test API:
 * with a token whose scope is only what the script needs. The R one runs where Rscript with httr2
 * and jsonlite is installed (CI installs them from Debian); elsewhere it is only checked for
 * balanced brackets and closed strings, and the test's name says so (decision 174).
 */
const DOCS = join(__dirname, '../../../docs/api-tokens');
const R_VERSION = rscriptVersion(['httr2', 'jsonlite']);
const SCRIPTS: { name: string; command: string[] }[] = [
  { name: 'export.py, run by python3', command: ['python3', join(DOCS, 'export.py')] },
  ...(R_VERSION ? [{ name: `export.R, run by Rscript ${R_VERSION}`, command: [RSCRIPT, join(DOCS, 'export.R')] }] : []),
];

if (!R_VERSION) {
  describe('docs/api-tokens/export.R (no Rscript with httr2 and jsonlite on this machine: brackets and strings checked, not run)', () => {
    it('has every bracket closed by its own kind and every string closed', () => {
      const source = readFileSync(join(DOCS, 'export.R'), 'utf8');
      expect(() => rBracketsAndStrings(source)).not.toThrow();
      // The check itself refuses what R would refuse.
      expect(() => rBracketsAndStrings(source.replace('req_perform()', 'req_perform('))).toThrow(/not closed|closes/);
      expect(() => rBracketsAndStrings(`${source}\nx <- "open`)).toThrow(/not closed/);
      // The same settings as export.py, from the environment.
      for (const name of ['OUTCOMES_API', 'OUTCOMES_TOKEN', 'OUTCOMES_PROJECT_ID', 'OUTCOMES_DATASET', 'OUTCOMES_OUT']) expect(source).toContain(`Sys.getenv("${name}"`);
    });
  });
}

describe.each(SCRIPTS)('docs/api-tokens/$name', ({ command }) => {
  const [program = '', ...args] = command;
  // R's httr2 reads HOME for its cache folder; Python ignores it.
  const env = (extra: Record<string, string>): Record<string, string> => ({ PATH: process.env['PATH'] ?? '', HOME: tmpdir(), LC_ALL: 'C.UTF-8', ...extra });

  it('starts an export with a token, waits for it and reads it; every call is in the log as by the token', async () => {
    const projectId = (await project([await ownProgramme()])).body.id;
    const made = await call<CreatedApiToken>('POST', '/api/api-tokens', { purpose: `Dokumentationens eksempel ${program}`, expiresInDays: 1, scope: ['export-jobs:create', 'export-jobs:read'] }, { as: EVALUATOR });
    expect(made.status).toBe(201);
    const dir = mkdtempSync(join(tmpdir(), 'api-token-script-'));
    try {
      const out = join(dir, 'codebook.csv');
      const run = spawnSync(program, args, {
        env: env({ OUTCOMES_API: baseUrl(), OUTCOMES_TOKEN: made.body.token, OUTCOMES_PROJECT_ID: projectId, OUTCOMES_DATASET: 'codebook', OUTCOMES_OUT: out }),
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
    const run = spawnSync(program, args, {
      env: env({ OUTCOMES_API: baseUrl(), OUTCOMES_TOKEN: made.body.token, OUTCOMES_PROJECT_ID: projectId, OUTCOMES_DATASET: 'codebook', OUTCOMES_OUT: '/dev/null' }),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('403 TOKEN_SCOPE');
    expect(run.stderr).toContain('export-jobs:create');
  });
});
