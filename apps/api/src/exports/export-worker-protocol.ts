import type { ExportOrder, ExportOutcome } from './export-production';

// The messages between an export's worker process (export-worker.ts) and the job's transaction on
// the API (export-worker-host.ts), with 'advanced' serialisation (chunks travel as bytes, not JSON).

/** What the worker is sent first, over the IPC channel: never through the environment, the command line or a file. */
export interface ExportWorkerData {
  order: ExportOrder;
  /** The project's pseudonym key (HMAC-SHA-256), decrypted by the main thread. */
  key: Uint8Array;
  /** Where and as whom the worker reads: the read replica's URL, or the primary's, as the restricted role. */
  readUrl: string;
  /**
   * The worker's statement_timeout (ms): the export's lease, not the API's 30 s. The first FETCH of
   * a sorted cursor sorts every row of the export (over 30 s at 1,000,000 assessment rows on a busy machine).
   */
  statementTimeoutMs: number;
}

export type FromWorker =
  | { type: 'chunk'; seq: number; data: Uint8Array }
  | { type: 'progress'; percent: number }
  | { type: 'done'; outcome: ExportOutcome; bytes: number }
  /** A code only (a PostgreSQL SQLSTATE or an error's name), never a message that could carry row data. */
  | { type: 'failed'; code: string };

export type ToWorker = { type: 'stored'; seq: number };

/** Chunks posted but not yet stored: the worker waits beyond this, so at most this many are in flight. */
export const CHUNKS_IN_FLIGHT = 4;

/** The argument a spare worker is started with (decision 192): it warms its code up while it waits (decision 193). */
export const SPARE_ARGUMENT = '--spare';
