// A worker thread of `cli.js seed-synthetic`: generates and encodes the municipalities it is sent
// (seeds/synthetic encodeMunicipality) with the API's own IdentifierCrypto, while the main thread
// copies the previous ones into PostgreSQL. The keys come in workerData, never through the environment or a file.
import { parentPort, workerData } from 'node:worker_threads';
import type { EncodedMunicipality, EncodeJob } from '@outcomes/seeds';
import { encodeMunicipality } from '@outcomes/seeds';
import { IdentifierCrypto } from '../common/crypto/identifier-crypto';
import type { SyntheticWorkerData, WorkerAnswer } from './synthetic-workers';

const { encryptionKey, blindIndexKey } = workerData as SyntheticWorkerData;
const crypto = new IdentifierCrypto(encryptionKey, blindIndexKey);
const port = parentPort;
if (!port) throw new Error('synthetic-worker runs as a worker thread of cli.js seed-synthetic');

port.on('message', ({ id, job }: { id: number; job: EncodeJob }) => {
  let answer: WorkerAnswer;
  let transfer: ArrayBuffer[] = [];
  try {
    const encoded: EncodedMunicipality = encodeMunicipality(job, crypto);
    answer = { id, encoded };
    // Hand the chunks over instead of copying them; a small chunk sharing Node's buffer pool is copied.
    transfer = Object.values(encoded).flatMap((t) => t.chunks.filter((c) => c.byteOffset === 0 && c.byteLength === c.buffer.byteLength).map((c) => c.buffer as ArrayBuffer));
  } catch (error) {
    answer = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(answer, transfer);
});
