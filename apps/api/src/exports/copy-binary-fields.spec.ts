import { Readable } from 'node:stream';
import { CopyBinaryFields } from './copy-binary-fields';

// Streams written by hand after PostgreSQL's documentation of COPY's binary format: the signature
// "PGCOPY\n\377\r\n\0", 32-bit flags, a 32-bit extension length, then per row a 16-bit field count
// and per field a 32-bit length (-1 = NULL) and its bytes, then a 16-bit -1.
const int16 = (n: number): Buffer => { const b = Buffer.alloc(2); b.writeInt16BE(n); return b; };
const int32 = (n: number): Buffer => { const b = Buffer.alloc(4); b.writeInt32BE(n); return b; };
const SIGNATURE = Buffer.from([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00]);
const header = (extension = Buffer.alloc(0)): Buffer => Buffer.concat([SIGNATURE, int32(0), int32(extension.length), extension]);
const row = (...fields: (Buffer | null)[]): Buffer =>
  Buffer.concat([int16(fields.length), ...fields.flatMap((f) => (f === null ? [int32(-1)] : [int32(f.length), f]))]);
const TRAILER = int16(-1);

/** Feeds the bytes in pieces of the given sizes (cycled) and collects what comes out. */
async function read(bytes: Buffer, pieces: number[] = [bytes.length]): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = Math.max(1, pieces[i % pieces.length] ?? 1);
    parts.push(bytes.subarray(at, at + size));
    at += size;
  }
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(parts).pipe(new CopyBinaryFields())) out.push(chunk as Buffer);
  return Buffer.concat(out);
}

describe('CopyBinaryFields: the bytes of the fields of a binary COPY, without its framing', () => {
  const a = Buffer.from('første chunk;');
  const b = Buffer.from([0x00, 0xff, 0x0a, 0x0d, 0x50, 0x47]);
  const c = Buffer.alloc(49_152, 0x41);
  const stream = Buffer.concat([header(), row(a), row(b), row(c), TRAILER]);
  const expected = Buffer.concat([a, b, c]);

  it('gives the fields one after the other, whole or in any split of the stream', async () => {
    expect((await read(stream)).equals(expected)).toBe(true);
    expect((await read(stream, [1])).equals(expected)).toBe(true);
    expect((await read(stream, [3, 7, 2, 65_536, 5])).equals(expected)).toBe(true);
    expect((await read(stream, [11, 4, 4, 2, 4])).equals(expected)).toBe(true);
  });

  it('skips a header extension, and adds nothing for a NULL or an empty field; several fields in a row come in order', async () => {
    const odd = Buffer.concat([header(Buffer.from('ext!')), row(a, null, Buffer.alloc(0), b), row(null), TRAILER]);
    expect((await read(odd, [2])).equals(Buffer.concat([a, b]))).toBe(true);
  });

  it('a file of no chunks is empty', async () => {
    expect((await read(Buffer.concat([header(), TRAILER]))).length).toBe(0);
  });

  it('refuses what is not that format: another signature, unknown flags, a stream cut short, bytes after the trailer', async () => {
    const wrong = Buffer.from(stream);
    wrong[7] = 0x00;
    await expect(read(wrong)).rejects.toThrow(/signature/);
    const oids = Buffer.concat([SIGNATURE, int32(1 << 16), int32(0), row(a), TRAILER]);
    await expect(read(oids)).rejects.toThrow(/flags/);
    await expect(read(stream.subarray(0, stream.length - 10))).rejects.toThrow(/ended early/);
    await expect(read(Buffer.concat([stream, Buffer.from([0])]))).rejects.toThrow(/after its trailer/);
  });
});
