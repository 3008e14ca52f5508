import { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { CHUNK_BYTES, ChunkSink, csvField, tableWriter } from './export-writers';
import type { Variable } from './codebook';

/** Everything a writer hands its sink, as one Buffer. */
function collector(): { sink: Writable; bytes: () => Buffer } {
  const parts: Buffer[] = [];
  const sink = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, done) {
      parts.push(chunk);
      setImmediate(done); // a slow sink, so the writer must wait for it
    },
  });
  return { sink, bytes: () => Buffer.concat(parts) };
}

/** What csv-stringify wrote with the options the CSV export had until 2026-12-06. */
async function asCsvStringifyWrote(columns: string[], rows: unknown[][]): Promise<Buffer> {
  const csv = stringify({ header: true, columns, cast: { boolean: (b) => (b ? 'true' : 'false') } });
  const parts: Buffer[] = [Buffer.from('\uFEFF', 'utf8')];
  csv.on('data', (d: Buffer | string) => parts.push(Buffer.from(d)));
  const ended = new Promise((resolve) => csv.on('end', resolve));
  for (const row of rows) csv.write(row);
  csv.end();
  await ended;
  return Buffer.concat(parts);
}

const variable = (name: string): Variable => ({ name, da: name, en: name, type: 'text', values: '', computation: '' }) as Variable;

describe('the CSV writer', () => {
  it('writes fields as a spreadsheet reads them back (hand-written)', () => {
    expect([null, undefined, '', 'plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\r', 0, -1.5, 2.25, true, false, { q: 1 }].map(csvField)).toEqual([
      '', '', '', 'plain', '"a,b"', '"say ""hi"""', '"two\nlines"', '"cr\r"', '0', '-1.5', '2.25', 'true', 'false', '"{""q"":1}"',
    ]);
  });

  it('writes byte for byte what csv-stringify wrote, header, BOM and line ends included, over many batches', async () => {
    const columns = ['enrolment_id', 'birth band', 'sex', 'p"q', 'items', 'score', 'drug_free'];
    const rows: unknown[][] = [];
    for (let i = 0; i < 5000; i++) {
      rows.push([`e${i}`, i % 7 === 0 ? null : '1980-1984', i % 2 ? 'female' : 'male', i % 11 === 0 ? 'Aarhus, "Ø"' : 'Ærø\nÅ', i % 13 === 0 ? { a: i } : '', i / 7, i % 3 === 0 ? null : i % 3 === 1]);
    }
    rows.push(['extra fields are cut', 1, 2, 3, 4, 5, 6, 7, 8]);
    const { sink, bytes } = collector();
    const writer = await tableWriter('csv', sink, 'assessments', columns.map(variable), null);
    for (const row of rows) await writer.write(row);
    await writer.end();
    const expected = await asCsvStringifyWrote(columns, rows);
    expect(bytes().length).toBeGreaterThan(100_000);
    expect(bytes().equals(expected)).toBe(true);
  });

  it('writes the header alone for no rows, as csv-stringify did', async () => {
    const { sink, bytes } = collector();
    const writer = await tableWriter('csv', sink, 'sessions', ['a', 'b'].map(variable), null);
    await writer.end();
    expect(bytes().toString('utf8')).toBe('\uFEFFa,b\n');
    expect(bytes().equals(await asCsvStringifyWrote(['a', 'b'], []))).toBe(true);
  });
});

describe('the chunk sink', () => {
  it('stores chunks of exactly 48 KiB but the last, whatever sizes it is handed, and loses no byte', async () => {
    const stored: { seq: number; data: Buffer }[] = [];
    const sink = new ChunkSink(async (seq, data) => {
      stored.push({ seq, data: Buffer.from(data) });
    });
    const input = Buffer.alloc(5 * 49_152 + 1000);
    for (let i = 0; i < input.length; i++) input[i] = (i * 7) % 251;
    // Pieces of 100 bytes, then 64 KiB and 3 bytes: smaller and larger than a chunk.
    const sizes = [100, 65_536, 3, 100_000, 1];
    let at = 0;
    for (let k = 0; at < input.length; k++) {
      const size = sizes[k % sizes.length] as number;
      sink.write(input.subarray(at, at + size));
      at += size;
    }
    sink.end();
    await new Promise((resolve) => sink.on('finish', resolve));
    expect(CHUNK_BYTES).toBe(49_152);
    expect(stored.map((c) => [c.seq, c.data.length])).toEqual([[0, 49_152], [1, 49_152], [2, 49_152], [3, 49_152], [4, 49_152], [5, 1000]]);
    expect(Buffer.concat(stored.map((c) => c.data)).equals(input)).toBe(true);
    expect(sink.bytes).toBe(input.length);
  });
});
