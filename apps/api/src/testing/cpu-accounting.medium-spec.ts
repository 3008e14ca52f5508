import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The bench's CPU per request (tools/bench/cpu-accounting.mjs), against an independent account: a
 * child process that burns CPU and then reports its own user + system time (getrusage, through
 * process.cpuUsage()), with a grandchild of its own that does the same. The snapshots taken around
 * them, read from /proc, must find the child's and the grandchild's time in the process's share,
 * all of it in the machine's, and divide by the number of requests given.
 */
const tool = (path: string): string => pathToFileURL(join(__dirname, '../../../../tools', path)).href;

const script = `
  import { spawn } from 'node:child_process';
  import { cpuPerRequest, cpuSnapshot } from '${tool('bench/cpu-accounting.mjs')}';
  // Burns ~BURN ms of CPU, waits for the parent's word to exit, reports its own CPU time first.
  const burner = (extra) => \`
    const end = Date.now() + 400; let x = 0; while (Date.now() < end) x += Math.sqrt(x + 1);
    \${extra}
    const u = process.cpuUsage(); process.stdout.write(JSON.stringify({ us: u.user + u.system }) + '\\\\n');
    process.stdin.on('data', () => process.exit(0));\`;
  const grandchild = "const { spawn } = require('node:child_process'); const g = spawn(process.execPath, ['-e', " + JSON.stringify(burner('')) + "], { stdio: ['pipe', 'pipe', 'inherit'] }); g.stdout.once('data', (d) => { process.stdout.write('G' + d); }); process.stdin.on('data', () => g.stdin.write('x'));";
  const child = spawn(process.execPath, ['-e', burner(grandchild)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const before = cpuSnapshot(child.pid);
  const reports = [];
  child.stdout.on('data', (d) => reports.push(...String(d).split('\\n').filter(Boolean)));
  while (reports.length < 2) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 100)); // both idle now, waiting
  const after = cpuSnapshot(child.pid);
  const own = reports.map((r) => JSON.parse(r.replace(/^G/, '')).us).reduce((a, b) => a + b, 0);
  console.log(JSON.stringify({ own, perRequest: cpuPerRequest(before, after, 4) }));
  child.stdin.write('x');
`;

describe('the bench’s CPU accounting', () => {
  it('counts a process’s CPU with its children’s, within the machine’s, per request', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const { own, perRequest } = JSON.parse(run.stdout.trim().split('\n').pop() ?? '') as { own: number; perRequest: { machineUs: number; postgresUs: number; processUs: number } };
    // Two burners of ~400 ms each, as they counted themselves; /proc counts in ticks (10 ms), and
    // the snapshot before was taken while the child was starting (a few ticks of it may precede it).
    expect(own).toBeGreaterThan(700_000);
    const counted = perRequest.processUs * 4;
    expect(counted).toBeGreaterThan(own - 100_000);
    expect(counted).toBeLessThan(own + 200_000);
    expect(perRequest.machineUs * 4).toBeGreaterThanOrEqual(counted - 40_000);
    expect(perRequest.postgresUs).toBeGreaterThanOrEqual(0);
  });
});
