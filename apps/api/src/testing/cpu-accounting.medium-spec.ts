import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The bench's CPU per request (tools/bench/cpu-accounting.mjs), against an independent account: a
 * child process that burns CPU and then reports its own user + system time (getrusage, through
 * process.cpuUsage()), with a grandchild of its own that does the same. The snapshots taken around
 * them, read from /proc, must find the child's and the grandchild's time (the grandchild has ended
 * by then, waited for by the child) in the process's share, all of it in the machine's, and divide
 * by the number of requests given.
 */
const tool = (path: string): string => pathToFileURL(join(__dirname, '../../../../tools', path)).href;

const script = `
  import { spawn } from 'node:child_process';
  import { cpuPerRequest, cpuSnapshot } from '${tool('bench/cpu-accounting.mjs')}';
  // Runs its first argument, burns ~400 ms of CPU, reports its own CPU time (getrusage) and exits on the parent's word.
  const burner = (first) => \`
    \${first}
    const end = Date.now() + 400; let x = 0; while (Date.now() < end) x += Math.sqrt(x + 1);
    const u = process.cpuUsage(); process.stdout.write(JSON.stringify({ us: u.user + u.system }) + '\\\\n');
    process.stdin.on('data', () => process.exit(0));\`;
  // The grandchild burns, reports and exits before the child burns: its time is counted once the child has waited for it.
  const grandchild = "const { spawnSync } = require('node:child_process'); const g = spawnSync(process.execPath, ['-e', " + JSON.stringify(burner('')) + "], { input: 'x', encoding: 'utf8' }); process.stdout.write('G' + g.stdout);";
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
