// An export's worker process (decision 132): forked by the API for one export, it reads the rows
// from PostgreSQL on a connection of its own, in one READ ONLY, REPEATABLE READ transaction with
// the requester's tenant settings, writes the file, and sends it chunk by chunk to the API, whose
// job transaction stores the chunks with the access-log row. Its memory is its own and bounded
// (--max-old-space-size, EXPORT_WORKER_HEAP_MIB): an export that outgrows it fails alone, and
// whatever it allocated is returned to the system when it exits. Its order and the pseudonym key
// come over the IPC channel, never through the environment, the command line or a file.
import { Client } from 'pg';
import { applyTenantSettings } from '../tenancy/tenant-session';
import { produceExport } from './export-production';
import { warmUpExportCode } from './export-warm-up';
import { ChunkSink } from './export-writers';
import type { ExportWorkerData, FromWorker, ToWorker } from './export-worker-protocol';
import { CHUNKS_IN_FLIGHT, SPARE_ARGUMENT } from './export-worker-protocol';

if (!process.send) throw new Error('export-worker runs as a process forked by the API, with an IPC channel');
const post = (message: FromWorker): Promise<void> =>
  new Promise((resolve, reject) => process.send?.(message, undefined, {}, (error: Error | null) => (error ? reject(error) : resolve())));
// The API is gone (or has given up on this export): so is the export, its transaction with it.
process.on('disconnect', () => process.exit(1));

/** Chunks sent and not yet stored, oldest first, each with what tells its waiter it is stored. */
const unstored = new Map<number, { stored: Promise<void>; resolve: () => void }>();

/** Sends a chunk; waits only when CHUNKS_IN_FLIGHT are unstored, so reading and storing overlap. */
async function store(seq: number, data: Buffer): Promise<void> {
  let resolve = (): void => undefined;
  const stored = new Promise<void>((r) => (resolve = r));
  unstored.set(seq, { stored, resolve });
  await post({ type: 'chunk', seq, data });
  if (unstored.size >= CHUNKS_IN_FLIGHT) await unstored.values().next().value?.stored;
}

function codeOf(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof (error as { code: unknown }).code === 'string') return (error as { code: string }).code;
  return error instanceof Error ? error.name : 'Error';
}

async function run({ order, key, readUrl, statementTimeoutMs }: ExportWorkerData): Promise<void> {
  const client = new Client({ connectionString: readUrl, application_name: 'outcomes-api-export', statement_timeout: statementTimeoutMs, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    const db = { query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows };
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await applyTenantSettings(db, order.user);
    const sink = new ChunkSink(store);
    const outcome = await produceExport(db, order, Buffer.from(key.buffer, key.byteOffset, key.byteLength), sink, (percent) => void post({ type: 'progress', percent }).catch(() => undefined));
    await client.query('COMMIT');
    // 'done' only once the API has stored every chunk: then it is the whole file.
    await Promise.all([...unstored.values()].map((chunk) => chunk.stored));
    await post({ type: 'done', outcome, bytes: sink.bytes });
  } finally {
    await client.end().catch(() => undefined);
  }
}

// A spare (started ahead of its export, decision 192) writes a made-up export while it waits
// (decision 193); an order that comes sooner stops it at its next batch and then runs.
let ordered = false;
const warm = process.argv.includes(SPARE_ARGUMENT) ? warmUpExportCode(undefined, () => ordered).catch(() => undefined) : Promise.resolve();

process.on('message', (message: ExportWorkerData | ToWorker) => {
  if ('order' in message) {
    ordered = true;
    warm
      .then(() => run(message))
      .catch((error: unknown) => post({ type: 'failed', code: codeOf(error) }).catch(() => process.exit(1)));
    return;
  }
  unstored.get(message.seq)?.resolve();
  unstored.delete(message.seq);
});
