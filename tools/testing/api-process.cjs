// Starts the BUILT API (dist/apps/api/main.js) as a child process on a free port, as `npm start`
// runs it. CommonJS, so both the ESM set-up files and ts-jest specs can use it.
const { spawn } = require('node:child_process');
const { createWriteStream, mkdirSync, rmSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '../..');
const API_MAIN = join(root, 'dist/apps/api/main.js');
// V8's flags for the API, the same as `npm start` and the image's CMD (a deployment test holds them
// equal): Node 24's default young generation is twice Node 20's and raised an export's RSS by ~80 MiB
// (docs/decisions.md, decision 125).
const API_NODE_FLAGS = ['--max-semi-space-size=16', '--expose-gc'];
// API_CPU_PROF_DIR=<dir> profiles every API this starts (V8's --cpu-prof, written when it stops): how
// docs/performance.md finds where a request's time goes.
const profiling = () => (process.env.API_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.API_CPU_PROF_DIR}`] : []);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls a URL until it answers `status`, or throws after `timeoutMs`. */
async function waitFor(url, { status = 200, timeoutMs = 60000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status === status) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error.message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms (last: ${last})`);
}

async function startApi(env, { wait = true, logFile } = {}) {
  const port = await freePort();
  const dataDir = join(tmpdir(), `outcomes-api-${process.pid}-${port}`);
  mkdirSync(dataDir, { recursive: true });
  const child = spawn(process.execPath, [...API_NODE_FLAGS, ...profiling(), API_MAIN], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  if (logFile) {
    const file = createWriteStream(logFile);
    child.stdout.pipe(file);
    child.stderr.pipe(file);
  }
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const api = {
    baseUrl,
    child,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  if (wait) {
    try {
      await Promise.race([
        waitFor(`${baseUrl}/api/health`),
        exited.then((code) => {
          throw new Error(`the API exited with ${code} during start-up`);
        }),
      ]);
    } catch (error) {
      await api.stop();
      throw new Error(`${error.message}\n--- API output ---\n${output}`);
    }
  }
  return api;
}

module.exports = { API_MAIN, API_NODE_FLAGS, freePort, waitFor, startApi };
