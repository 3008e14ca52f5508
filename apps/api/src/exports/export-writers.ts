import { once } from 'node:events';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { ExportFormat } from '@outcomes/contracts';
import type { EntityManager } from 'typeorm';
import type { Variable } from './codebook';

/**
 * Bytes per stored chunk of the export file. Small on purpose: pg sends bytea as hex text, and a
 * string over ~128 KiB lands in V8's large-object space, which only a full GC frees, so bigger
 * chunks make the resident size climb with the file even though nothing is kept.
 */
export const CHUNK_BYTES = 48 * 1024;

/**
 * Writes the export file into export_file_chunk, one row per CHUNK_BYTES, in the job's transaction: the
 * file appears only if the whole export commits. Each write waits for its INSERT, so a slow
 * database slows the producer instead of filling memory.
 */
export class ChunkSink extends Writable {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private seq = 0;
  bytes = 0;

  constructor(
    private readonly manager: EntityManager,
    private readonly jobId: string,
  ) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    this.bytes += chunk.length;
    if (this.pendingBytes < CHUNK_BYTES) return done();
    this.flush().then(() => done(), done);
  }

  override _final(done: (error?: Error | null) => void): void {
    this.flush().then(() => done(), done);
  }

  private async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const data = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    // Through a function: the transaction's tenant may be another municipality of the project now.
    await this.manager.query('SELECT export_chunk_append($1, $2, $3)', [this.jobId, this.seq++, data]);
  }
}

/** Rows in, a file out: one implementation per format. */
export interface TableWriter {
  write(values: unknown[]): Promise<void>;
  end(): Promise<void>;
}

const drained = async (stream: Writable): Promise<void> => {
  if (stream.writableNeedDrain) await once(stream, 'drain');
};

/** CSV with a header row and a UTF-8 byte-order mark (so that Excel shows æ, ø and å). */
function csvWriter(sink: Writable, variables: Variable[]): TableWriter {
  sink.write(Buffer.from('\uFEFF', 'utf8'));
  const csv = stringify({ header: true, columns: variables.map((x) => x.name), cast: { boolean: (b) => (b ? 'true' : 'false') } });
  csv.pipe(sink);
  return {
    async write(values) {
      if (!csv.write(values)) await once(csv, 'drain');
      await drained(sink);
    },
    async end() {
      csv.end();
      await finished(sink);
    },
  };
}

/**
 * XLSX through exceljs's streaming writer: each row is committed as it comes, and for a dataset
 * file a second sheet holds its codebook.
 */
function xlsxWriter(sink: Writable, sheet: string, variables: Variable[], codebook: Variable[] | null): TableWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: false, useSharedStrings: false });
  const worksheet = workbook.addWorksheet(sheet);
  worksheet.addRow(variables.map((x) => x.name)).commit();
  return {
    async write(values) {
      worksheet.addRow(values).commit();
      await drained(sink);
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

export function tableWriter(format: ExportFormat, sink: Writable, sheet: string, variables: Variable[], codebook: Variable[] | null): TableWriter {
  return format === 'csv' ? csvWriter(sink, variables) : xlsxWriter(sink, sheet, variables, codebook);
}
