import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ExportOutcome } from './export-production';
import type { ExportWorkerData, FromWorker, ToWorker } from './export-worker-protocol';
import { SPARE_ARGUMENT } from './export-worker-protocol';

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

/** A worker process, started and waiting for its order (export-worker.ts) on the IPC channel. */
function forkWorker(file: string, heapMiB: number, spare = false): ChildProcess {
  return fork(file, spare ? [SPARE_ARGUMENT] : [], {
    // A profiled API (V8's --cpu-prof, as tools/bench starts it with API_CPU_PROF_DIR) profiles its
    // export workers too: the export's time is spent in them (docs/performance.md).
    execArgv: [`--max-old-space-size=${heapMiB}`, '--max-semi-space-size=8', ...process.execArgv.filter((a) => a.startsWith('--cpu-prof'))],
    env: workerEnv(),
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/**
 * One worker process started ahead of the next export (decision 192): starting Node and loading
 * the worker's code took 150-220 ms of every export's time, whatever its size. The spare holds
 * nothing but its code until an export takes it (its order and the key come then, over IPC, as
 * before); each worker still serves one export and exits, so its memory goes with it. The next
 * spare is started `respawnDelayMs` after the worker before it has exited, not while it writes nor
 * while its file is downloaded: starting one is 150-200 ms of a core, which a download right after
 * the export measurably lost (bench:export, docs/performance.md). It does not keep the API's process alive.
 */
export class SpareExportWorker {
  private spare: ChildProcess | undefined;
  private stopped = false;
  private respawn: NodeJS.Timeout | undefined;

  constructor(
    private readonly heapMiB: number,
    private readonly file = EXPORT_WORKER_FILE,
    private readonly respawnDelayMs = 2000,
  ) {}

  /** Starts a spare after the delay: a worker has just exited. */
  prepareSoon(): void {
    if (this.stopped) return;
    clearTimeout(this.respawn);
    this.respawn = setTimeout(() => this.prepare(), this.respawnDelayMs);
    this.respawn.unref();
  }

  /** Starts a spare, unless one waits already or the API is stopping. */
  prepare(): void {
    if (this.stopped || this.spare) return;
    let child: ChildProcess;
    try {
      child = forkWorker(this.file, this.heapMiB, true);
    } catch {
      // fork() throws some spawn errors rather than emitting them (ENOMEM, for one): then there is
      // no spare, and the next export forks its own (and fails on its own, as before).
      return;
    }
    // A spare that dies waiting (killed, its code missing) is forgotten; the next export starts its own.
    child.on('error', () => undefined);
    child.once('exit', () => {
      if (this.spare === child) this.spare = undefined;
    });
    child.unref();
    child.channel?.unref();
    this.spare = child;
  }

  /** The waiting spare, handed over to one export, or undefined when there is none alive. */
  take(heapMiB: number, file: string): ChildProcess | undefined {
    // An export starts: a spare due after the one before would start while this one writes. This
    // one's exit makes it due again.
    clearTimeout(this.respawn);
    const child = this.spare;
    this.spare = undefined;
    if (!child || heapMiB !== this.heapMiB || file !== this.file) {
      child?.kill('SIGKILL');
      return undefined;
    }
    if (child.exitCode !== null || child.signalCode !== null || !child.connected) return undefined;
    child.ref();
    child.channel?.ref();
    return child;
  }

  /** Whether a spare is waiting (for tests: a spare's start and exit are asynchronous). */
  get waiting(): boolean {
    return this.spare !== undefined;
  }

  /** Ends the spare and starts no more (the API's shutdown). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.respawn);
    this.spare?.kill('SIGKILL');
    this.spare = undefined;
  }
}

/**
 * Runs one export in a process of its own (decision 132) and answers its outcome once every chunk
 * it sent has been stored. Its old generation is capped at `heapMiB` and its young generation kept
 * small, so its memory is bounded whatever the export's size, and none of it is the API's; a worker
 * that dies (an error, out of memory, a lost connection) rejects with a code, and the caller's
 * transaction rolls back. `file` is the worker's script: the built bundle, or another in tests. With
 * `spares`, the export takes the spare worker if one waits, and a new spare is started a while
 * after its worker has exited.
 */
export function runExportWorker(data: ExportWorkerData, heapMiB: number, hooks: ExportWorkerHooks, file = EXPORT_WORKER_FILE, spares?: SpareExportWorker): Promise<ExportOutcome & { bytes: number }> {
  return new Promise((resolve, reject) => {
    const child = spares?.take(heapMiB, file) ?? forkWorker(file, heapMiB);
    if (spares) child.once('exit', () => spares.prepareSoon());
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
