import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The bench's teardown (issue 23: "the bench exits 0 when it has printed its table"), in isolation:
 * a whole bench run takes minutes, but its end is the baseline server's pg pool and a throwaway
 * PostgreSQL (embedded, or a database on DATABASE_URL's server, dropped WITH (FORCE)) stopping. The
 * pool is given idle connections by a few requests, as the list runs leave it, then in a process of
 * its own:
 * - the database stops first, under the idle connections. Before the fix pg's pool re-threw the
 *   server's "terminating connection" as an unhandled 'error' event and the process exited 1 (seen
 *   by hand on that code); now it logs one line per connection and goes on;
 * - the bench's order (tools/bench/bench.mjs, stopInOrder): the baseline stops first. That was
 *   not enough before the fix either: pg's pool.end() resolves once it has asked its connections to
 *   close, not when they have, and the database stopping right after ended one still closing (seen
 *   here before stop() waited for them). Now no connection is left for the database to end.
 */
const tool = (path: string): string => pathToFileURL(join(__dirname, '../../../../tools', path)).href;

function run(databaseStopsFirst: boolean): { status: number | null; stdout: string; stderr: string } {
  const script = `
    import { startThrowawayPostgres } from '${tool('testing/throwaway-postgres.mjs')}';
    import { startBaseline } from '${tool('bench/baseline-server.mjs')}';
    const db = await startThrowawayPostgres();
    const baseline = await startBaseline({ appUrl: db.url, user: { id: 'u', role: 'staff', municipalityId: 'm' }, params: {} });
    // No tables in the empty database: each request takes a connection, fails, and hands it back idle.
    const answers = await Promise.all([1, 2, 3].map(() => fetch(baseline.baseUrl + '/enrolmentsFiltered').then((r) => r.status)));
    console.log('answers ' + answers.join(','));
    if (${databaseStopsFirst}) {
      await db.stop();
      await new Promise((resolve) => setTimeout(resolve, 500));
      await baseline.stop();
    } else {
      await baseline.stop();
      await db.stop();
    }
    console.log('stopped');
  `;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 120_000, env: process.env });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('the bench’s teardown', () => {
  it('survives the database stopping under the baseline’s idle connections, and exits 0', () => {
    const { status, stdout, stderr } = run(true);
    expect(stdout).toContain('answers 500,500,500');
    expect(stderr).not.toContain("Unhandled 'error' event");
    expect(stderr).toContain('[bench] baseline: an idle database connection ended');
    expect(stdout).toContain('stopped');
    expect(status).toBe(0);
  }, 150_000);

  it('in the bench’s order leaves no connection for the database to end', () => {
    const { status, stdout, stderr } = run(false);
    expect(stdout).toContain('stopped');
    expect(stderr).not.toContain('idle database connection ended');
    expect(status).toBe(0);
  }, 150_000);
});
