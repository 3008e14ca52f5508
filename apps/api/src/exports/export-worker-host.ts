import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { ExportOutcome } from './export-production';
import type { ExportWorkerData, FromWorker, ToWorker } from './export-worker-protocol';

/** The worker's bundle, built beside main.js (apps/api/webpack.config.cjs). */
const EXPORT_WORKER_FILE = join(__dirname, 'export-worker.js');

/** What the job's transaction does with what the worker sends, one message at a time, in order. */
export interface ExportWorkerHooks {
  store(seq: number, data: Buffer): Promise<void>;
  progress(percent: number): Promise<void>;
}

/** A worker's failure as the job records it: a code only (errorCode in export-runner.ts stores it). */
export class ExportWorkerFailed extends Error {
  override name = 'ExportWorkerFailed';
  constructor(readonly code: string) {
    super(`the export worker failed (${code})`);
  }
}

/** What the worker process inherits of the API's environment: nothing secret (its order comes over IPC). */
function workerEnv(): NodeJS.ProcessEnv {
  const keep = ['PATH', 'NODE_ENV', 'TZ', 'LANG', 'PGSSLROOTCERT', 'PGSSLCERT', 'PGSSLKEY'];
  return Object.fromEntries(keep.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]]])));
}

/**
 * Runs one export in a process of its own (decision 132) and answers its outcome once every chunk
 * it sent has been stored. Its old generation is capped at `heapMiB` and its young generation kept
 * small, so its memory is bounded whatever the export's size, and none of it is the API's; a worker
 * that dies (an error, out of memory, a lost connection) rejects with a code, and the caller's
 * transaction rolls back. `file` is the worker's script: the built bundle, or another in tests.
 */
export function runExportWorker(data: ExportWorkerData, heapMiB: number, hooks: ExportWorkerHooks, file = EXPORT_WORKER_FILE): Promise<ExportOutcome & { bytes: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(file, [], {
      // A profiled API (V8's --cpu-prof, as tools/bench starts it with API_CPU_PROF_DIR) profiles its
      // export workers too: the export's time is spent in them (docs/performance.md).
      execArgv: [`--max-old-space-size=${heapMiB}`, '--max-semi-space-size=8', ...process.execArgv.filter((a) => a.startsWith('--cpu-prof'))],
      env: workerEnv(),
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let settled = false;
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      child.kill('SIGKILL');
      reject(error);
    };
    const send = (message: ExportWorkerData | ToWorker): void => {
      if (child.connected) child.send(message);
    };
    // Messages are handled strictly in order: each chunk is stored before the next, and 'done'
    // resolves only after the last chunk's INSERT.
    let chain = Promise.resolve();
    const then = (step: () => Promise<void>): void => {
      chain = chain.then(() => (settled ? undefined : step())).catch((error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
    };
    child.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'chunk': {
          const chunk = Buffer.from(message.data.buffer, message.data.byteOffset, message.data.byteLength);
          then(async () => {
            await hooks.store(message.seq, chunk);
            send({ type: 'stored', seq: message.seq });
          });
          return;
        }
        case 'progress':
          then(() => hooks.progress(message.percent));
          return;
        case 'done':
          then(async () => {
            settled = true;
            child.disconnect();
            resolve({ ...message.outcome, bytes: message.bytes });
          });
          return;
        case 'failed':
          then(async () => fail(new ExportWorkerFailed(message.code)));
          return;
      }
    });
    child.on('error', (error: Error & { code?: string }) => fail(new ExportWorkerFailed(error.code ?? error.name)));
    // Out of memory ends it with SIGABRT (V8's fatal error), a crash with another signal or code.
    child.on('exit', (code, signal) => then(async () => fail(new ExportWorkerFailed(signal ?? `exit ${code}`))));
    send(data);
  });
}
