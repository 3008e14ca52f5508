import { once } from 'node:events';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { ExportFormat } from '@outcomes/contracts';
import type { EntityManager } from 'typeorm';
import type { Variable } from './codebook';

/**
 * Bytes per stored chunk of the export file. Small on purpose: pg sends bytea as hex text, and a
 * string over ~128 KiB lands in V8's large-object space, which only a full GC frees, so bigger
 * chunks make the resident size climb with the file even though nothing is kept.
 */
export const CHUNK_BYTES = 48 * 1024;

/** Stores one chunk of the file, numbered from 0; resolves once it may take the next. */
export type StoreChunk = (seq: number, data: Buffer) => Promise<void>;

/**
 * Cuts the export file into chunks of CHUNK_BYTES and hands each to `store`: in the export worker
 * (export-worker.ts) that posts it to the job's transaction on the main thread, which writes it
 * into export_file_chunk (appendChunk). Each write waits for `store`, so a slow database slows the
 * producer instead of filling memory.
 */
export class ChunkSink extends Writable {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private seq = 0;
  bytes = 0;

  constructor(private readonly store: StoreChunk) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    this.bytes += chunk.length;
    if (this.pendingBytes < CHUNK_BYTES) return done();
    this.flushWhole().then(() => done(), done);
  }

  override _final(done: (error?: Error | null) => void): void {
    this.flushWhole()
      .then(() => (this.pendingBytes > 0 ? this.store(this.seq++, this.take(this.pendingBytes)) : undefined))
      .then(() => done(), done);
  }

  /**
   * Every whole CHUNK_BYTES pending, each stored as one chunk of exactly that size: a writer that
   * hands over larger pieces (the CSV writer's batches) must not make larger chunks, whose hex text
   * would land in V8's large-object space when the file is downloaded.
   */
  private async flushWhole(): Promise<void> {
    while (this.pendingBytes >= CHUNK_BYTES) await this.store(this.seq++, this.take(CHUNK_BYTES));
  }

  /** The first `size` pending bytes; the rest stays pending. */
  private take(size: number): Buffer {
    const all = this.pending.length === 1 ? (this.pending[0] as Buffer) : Buffer.concat(this.pending);
    const rest = all.subarray(size);
    this.pending = rest.length > 0 ? [rest] : [];
    this.pendingBytes = rest.length;
    return all.subarray(0, size);
  }
}

/**
 * One chunk into export_file_chunk, in the job's transaction: the file appears only if the whole
 * export commits. Through a function: the transaction's tenant may be another municipality of the project.
 */
export async function appendChunk(manager: EntityManager, jobId: string, seq: number, data: Buffer): Promise<void> {
  await manager.query('SELECT export_chunk_append($1, $2, $3)', [jobId, seq, data]);
}

/** Rows in, a file out: one implementation per format. */
export interface TableWriter {
  /**
   * Takes one row; returns a promise only when the caller must wait (the sink is full). Most rows
   * only add to a batch, and an await per row cost a promise and a microtask each (docs/performance.md).
   */
  write(values: unknown[]): Promise<void> | undefined;
  end(): Promise<void>;
}

/** A promise of the sink's 'drain' when it is full, else nothing to wait for. */
const drained = (stream: Writable): Promise<void> | undefined => (stream.writableNeedDrain ? once(stream, 'drain').then(() => undefined) : undefined);

/** Characters that make csv-stringify quote a field (its delimiter, quote and record delimiters). */
const NEEDS_QUOTES = /[",\n\r]/;

/**
 * One field as csv-stringify wrote it with the options this file had until 2026-12-06 (`,`, `"`,
 * `\n`, booleans as true/false): empty for null, numbers as JavaScript prints them, objects as
 * JSON, and quoted, with quotes doubled, only when it holds a comma, a quote or a line break.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text: string;
  switch (typeof value) {
    case 'string':
      text = value;
      break;
    case 'number':
    case 'bigint':
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      text = value instanceof Date ? String(value.getTime()) : (JSON.stringify(value) ?? '');
  }
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Characters of CSV gathered before they are handed to the sink as one Buffer. */
const CSV_BATCH_CHARS = 32 * 1024;

/**
 * CSV with a header row and a UTF-8 byte-order mark (so that Excel shows æ, ø and å): the header
 * and each record, each ending in a line feed, byte for byte what csv-stringify
 * wrote (export-writers.spec.ts compares the two). Written here rather than through csv-stringify,
 * which cast every field through a generic path and pushed one small Buffer per record: in a CPU
 * profile of the export worker at 70,000 rows it was a fifth of the worker's busy time, before the
 * garbage it made (docs/performance.md).
 */
function csvWriter(sink: Writable, variables: Variable[]): TableWriter {
  let text = `\uFEFF${variables.map((x) => csvField(x.name)).join(',')}\n`;
  const columns = variables.length;
  const flush = (): Promise<void> | undefined => {
    if (text === '') return undefined;
    const ok = sink.write(Buffer.from(text, 'utf8'));
    text = '';
    return ok ? undefined : drained(sink);
  };
  return {
    write(values) {
      // As csv-stringify did: as many fields as there are columns, each record ending in a line feed.
      const n = Math.min(values.length, columns);
      for (let i = 0; i < n; i++) text += i === 0 ? csvField(values[i]) : `,${csvField(values[i])}`;
      text += '\n';
      return text.length >= CSV_BATCH_CHARS ? flush() : undefined;
    },
    async end() {
      await flush();
      sink.end();
      await finished(sink);
    },
  };
}

/**
 * XLSX through exceljs's streaming writer: each row is committed as it comes, and for a dataset
 * file a second sheet holds its codebook.
 */
async function xlsxWriter(sink: Writable, sheet: string, variables: Variable[], codebook: Variable[] | null): Promise<TableWriter> {
  // Loaded for an XLSX file only: exceljs adds ~30 MiB to the export process's resident size.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: false, useSharedStrings: false });
  const worksheet = workbook.addWorksheet(sheet);
  worksheet.addRow(variables.map((x) => x.name)).commit();
  return {
    write(values) {
      worksheet.addRow(values).commit();
      return drained(sink);
    },
    async end() {
      worksheet.commit();
      if (codebook) {
        const book = workbook.addWorksheet('codebook');
        book.addRow(['variable', 'label_da', 'label_en', 'type', 'values', 'computation']).commit();
        for (const x of codebook) book.addRow([x.name, x.da, x.en, x.type, x.values, x.computation]).commit();
        book.commit();
      }
      await workbook.commit();
      await finished(sink);
    },
  };
}

export async function tableWriter(format: ExportFormat, sink: Writable, sheet: string, variables: Variable[], codebook: Variable[] | null): Promise<TableWriter> {
  return format === 'csv' ? csvWriter(sink, variables) : xlsxWriter(sink, sheet, variables, codebook);
}
