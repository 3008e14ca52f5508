// Cold start: `npm start` as the README says (its nx build, answered from nx's cache after the bench's
// own build, then dist/apps/api/main.js) on a fresh data directory with no DATABASE_URL, so it
// initialises the embedded PostgreSQL, migrates, seeds the demo data and generates its secrets, timed
// until the login page (the web app's index) answers 200.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import apiProcess from '../testing/api-process.cjs';

const { freePort } = apiProcess;
const root = join(import.meta.dirname, '../..');

export async function coldStart({ timeoutMs = 180_000 } = {}) {
  const dataDir = join(tmpdir(), `outcomes-cold-${process.pid}-${Date.now()}`);
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const port = await freePort();
  const started = process.hrtime.bigint();
  // Its own process group, so that npm, nx and node are stopped together.
  const child = spawn('npm', ['start'], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    stdio: 'ignore',
    detached: true,
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode} during a cold start`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
        const body = await res.text();
        if (res.status === 200 && body.includes('<div id="root"')) {
          return { ms: Number(process.hrtime.bigint() - started) / 1e6, note: 'npm start, its build from the nx cache' };
        }
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('no login page within the cold-start timeout');
  } finally {
    if (child.exitCode === null) {
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
    // npm may exit before the API has stopped its embedded PostgreSQL: wait for the whole group.
    for (let i = 0; i < 300 && groupAlive(child.pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
