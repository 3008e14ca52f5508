import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EncodedMunicipality, EncodeJob, ParallelEncoder } from '@outcomes/seeds';

export interface SyntheticWorkerData {
  encryptionKey: string;
  blindIndexKey: string;
}

export type WorkerAnswer = { id: number; encoded: EncodedMunicipality } | { id: number; error: string };

/** The worker's bundle, built beside cli.js (apps/api/webpack.config.cjs). */
const WORKER_FILE = join(__dirname, 'synthetic-worker.js');

/**
 * `count` worker threads that generate and encode municipalities for loadSynthetic, one job each at
 * a time, in the order asked. A worker that fails fails every job in hand, and the load rolls back.
 */
export function syntheticWorkers(count: number, keys: SyntheticWorkerData): ParallelEncoder & { close(): Promise<void> } {
  const waiting: { id: number; job: EncodeJob }[] = [];
  const inHand = new Map<number, { resolve: (e: EncodedMunicipality) => void; reject: (e: Error) => void }>();
  const idle: Worker[] = [];
  let nextId = 0;
  let failure: Error | null = null;

  const dispatch = (): void => {
    while (idle.length > 0 && waiting.length > 0) (idle.pop() as Worker).postMessage(waiting.shift());
  };
  const fail = (error: Error): void => {
    failure ??= error;
    for (const pending of inHand.values()) pending.reject(failure);
    inHand.clear();
  };
  const workers = Array.from({ length: count }, () => {
    const worker = new Worker(WORKER_FILE, { workerData: keys });
    worker.on('message', (answer: WorkerAnswer) => {
      const pending = inHand.get(answer.id);
      inHand.delete(answer.id);
      idle.push(worker);
      dispatch();
      if ('error' in answer) pending?.reject(new Error(`synthetic worker: ${answer.error}`));
      else pending?.resolve(answer.encoded);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`synthetic worker exited with ${code}`));
    });
    idle.push(worker);
    return worker;
  });

  return {
    // One job more than workers, so each worker has its next job waiting when it finishes one.
    jobs: count + 1,
    encode(job) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        const id = nextId++;
        inHand.set(id, { resolve, reject });
        waiting.push({ id, job });
        dispatch();
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
