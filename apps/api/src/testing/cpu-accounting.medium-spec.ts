import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The bench's CPU accounting (tools/bench/cpu-accounting.mjs) against independent accounts, each in
 * a process of its own:
 * - a child burns CPU and reports its own user + system time (getrusage, through
 *   process.cpuUsage()); so do two grandchildren of its own: one that has ended and been waited
 *   for before the closing snapshot (counted in the child's account), one still alive then (found
 *   through /proc's children lists). The child's share must hold all three, the machine's all of it,
 *   divided by the number of requests given;
 * - a PostgreSQL backend on the medium tests' database burns CPU, has its own ticks read, and ends
 *   before the closing snapshot: the server's share must still hold them (in the postmaster's
 *   account of ended children).
 */
const tool = (path: string): string => pathToFileURL(join(__dirname, '../../../../tools', path)).href;

// Runs its first argument, burns 400 ms of its own CPU (not of the clock: the machine may be busy),
// reports its CPU time and exits on its parent's word.
const burner = `
  const burn = (ms) => { let x = 0; while (process.cpuUsage().user + process.cpuUsage().system < ms * 1000) x += Math.sqrt(x + 1); return x; };
  const report = () => { const u = process.cpuUsage(); process.stdout.write(JSON.stringify({ us: u.user + u.system }) + '\\n'); };
`;

const processScript = `
  import { spawn } from 'node:child_process';
  import { cpuPerRequest, cpuSettled, cpuSnapshot } from '${tool('bench/cpu-accounting.mjs')}';
  const burner = ${JSON.stringify(burner)};
  const leaf = burner + "burn(400); report(); process.stdin.on('data', () => process.exit(0));";
  // The child: one grandchild run to its end (spawnSync waits for it), one left alive, then its own burn.
  const child = burner + \`
    const { spawn, spawnSync } = require('node:child_process');
    const ended = spawnSync(process.execPath, ['-e', \${JSON.stringify(leaf)}], { input: 'x', encoding: 'utf8' });
    process.stdout.write('G' + ended.stdout);
    const alive = spawn(process.execPath, ['-e', \${JSON.stringify(leaf)}], { stdio: ['pipe', 'pipe', 'inherit'] });
    alive.stdout.on('data', (d) => {
      process.stdout.write('G' + d);
      burn(400); report();
      process.stdin.on('data', () => { alive.stdin.write('x'); alive.on('exit', () => process.exit(0)); });
    });\`;
  const proc = spawn(process.execPath, ['-e', child], { stdio: ['pipe', 'pipe', 'inherit'] });
  const before = cpuSnapshot({ pid: proc.pid });
  const reports = [];
  proc.stdout.on('data', (d) => reports.push(...String(d).split('\\n').filter(Boolean)));
  while (reports.length < 3) await new Promise((r) => setTimeout(r, 20));
  const after = await cpuSettled({ pid: proc.pid });
  const own = reports.map((r) => JSON.parse(r.replace(/^G/, '')).us).reduce((a, b) => a + b, 0);
  console.log(JSON.stringify({ own, perRequest: cpuPerRequest(before, after, 4) }));
  proc.stdin.write('x');
  await new Promise((r) => proc.on('exit', r));
`;

const postgresScript = `
  import { readFileSync } from 'node:fs';
  import pg from 'pg';
  import { cpuPerRequest, cpuSettled, cpuSnapshot, postmasterPid } from '${tool('bench/cpu-accounting.mjs')}';
  const url = process.env.MEDIUM_DATABASE_URL;
  const watcher = new pg.Client({ connectionString: url });
  await watcher.connect();
  const postgresPid = await postmasterPid(watcher);
  const before = cpuSnapshot({ postgresPid });
  const worker = new pg.Client({ connectionString: url });
  await worker.connect();
  const [{ pid }] = (await worker.query('SELECT pg_backend_pid() AS pid')).rows;
  await worker.query('SELECT count(*) FROM generate_series(1, 4000000) g WHERE g % 7 = 3');
  // The backend's own ticks (utime + stime), read just before it ends.
  const fields = readFileSync('/proc/' + pid + '/stat', 'utf8').split(') ')[1].split(' ');
  const backendTicks = Number(fields[11]) + Number(fields[12]);
  await worker.end();
  while ((await watcher.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).rowCount) await new Promise((r) => setTimeout(r, 20));
  const after = await cpuSettled({ postgresPid });
  await watcher.end();
  console.log(JSON.stringify({ backendUs: backendTicks * 10000, perRequest: cpuPerRequest(before, after, 1) }));
`;

function run(script: string): unknown {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000, env: process.env, cwd: join(__dirname, '../../../..') });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').pop() ?? '');
}

describe('the bench’s CPU accounting', () => {
  it('counts a process’s CPU with its live and its ended children’s, within the machine’s, per request', () => {
    const { own, perRequest } = run(processScript) as { own: number; perRequest: { machineUs: number; processUs: number } };
    // Three burners of 400 ms of CPU each, as they counted themselves (with Node's start-up besides).
    expect(own).toBeGreaterThan(1_200_000);
    // /proc counts in ticks (10 ms); the child was starting as the first snapshot was taken.
    const counted = perRequest.processUs * 4;
    expect(counted).toBeGreaterThan(own - 150_000);
    expect(counted).toBeLessThan(own + 250_000);
    expect(perRequest.machineUs * 4).toBeGreaterThanOrEqual(counted - 40_000);
  });

  it('counts a PostgreSQL backend that has ended in its server’s CPU', () => {
    const { backendUs, perRequest } = run(postgresScript) as { backendUs: number; perRequest: { postgresUs: number } };
    expect(backendUs).toBeGreaterThan(100_000);
    expect(perRequest.postgresUs).toBeGreaterThanOrEqual(backendUs);
  });
});
