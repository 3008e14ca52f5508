import type { ColumnType, Field } from './copy-binary';
import { BINARY_COPY_HEADER, BINARY_COPY_TRAILER, BinaryRowWriter } from './copy-binary';

/** One row of one column, as the bytes the writer makes. */
function bytes(type: ColumnType, value: Field): string {
  const writer = new BinaryRowWriter();
  writer.row([type], [value]);
  writer.flush();
  return Buffer.concat(writer.chunks).toString('hex');
}
/** The expected row: field count 1, then the field (hand-written from PostgreSQL's documentation of each type's send function). */
const row = (field: string): string => `0001${field}`;

describe('BinaryRowWriter: values in COPY binary format', () => {
  it('writes the file header and trailer the format documents', () => {
    expect(BINARY_COPY_HEADER.toString('hex')).toBe('5047434f50590aff0d0a00' + '00000000' + '00000000');
    expect(BINARY_COPY_TRAILER.toString('hex')).toBe('ffff');
  });

  it('writes NULL as the length -1 and nothing after it, whatever the type', () => {
    for (const type of ['uuid', 'text', 'int4', 'date', 'timestamptz', 'jsonb', 'text[]'] as const) expect(bytes(type, null)).toBe(row('ffffffff'));
  });

  it('writes a UUID as its 16 bytes, in either case of hex digit', () => {
    expect(bytes('uuid', '00112233-4455-6677-8899-aabbccddeeff')).toBe(row('00000010' + '00112233445566778899aabbccddeeff'));
    expect(bytes('uuid', '00112233-4455-6677-8899-AABBCCDDEEFF')).toBe(row('00000010' + '00112233445566778899aabbccddeeff'));
  });

  it('refuses what is not a UUID rather than send wrong bytes', () => {
    expect(() => bytes('uuid', '00112233-4455-6677-8899-aabbccddeef')).toThrow(/not a UUID/);
    expect(() => bytes('uuid', '00112233x4455-6677-8899-aabbccddeeff')).toThrow(/not a UUID/);
    expect(() => bytes('uuid', '00112233-4455-6677-8899-aabbccddeefg')).toThrow(/not a UUID/);
  });

  it('writes numbers: int4 big-endian, float8 as IEEE 754 doubles', () => {
    expect(bytes('int4', 1)).toBe(row('00000004' + '00000001'));
    expect(bytes('int4', -2)).toBe(row('00000004' + 'fffffffe'));
    expect(bytes('float8', 0.5)).toBe(row('00000008' + '3fe0000000000000'));
    expect(bytes('float8', 0.1)).toBe(row('00000008' + '3fb999999999999a'));
    expect(() => bytes('int4', 1.5)).toThrow(/not an int4/);
    expect(() => bytes('int4', 2 ** 31)).toThrow(/not an int4/);
  });

  it('writes booleans as one byte', () => {
    expect(bytes('bool', true)).toBe(row('00000001' + '01'));
    expect(bytes('bool', false)).toBe(row('00000001' + '00'));
  });

  it('writes text as its UTF-8 bytes, and jsonb as version 1 before the JSON text', () => {
    expect(bytes('text', 'æb')).toBe(row('00000003' + 'c3a662'));
    expect(bytes('text', '')).toBe(row('00000000'));
    expect(bytes('jsonb', '{"a":1}')).toBe(row('00000008' + '01' + '7b2261223a317d'));
  });

  it('writes a date as days since 2000-01-01, and refuses a date that does not exist', () => {
    expect(bytes('date', '2000-01-01')).toBe(row('00000004' + '00000000'));
    expect(bytes('date', '2000-01-02')).toBe(row('00000004' + '00000001'));
    expect(bytes('date', '1999-12-31')).toBe(row('00000004' + 'ffffffff'));
    expect(bytes('date', '2001-01-01')).toBe(row('00000004' + '0000016e')); // 2000 had 366 days
    expect(() => bytes('date', '2025-02-29')).toThrow(/not a date/);
    expect(() => bytes('date', '2025-2-28')).toThrow(/not a date/);
  });

  it('writes a Danish wall-clock time as microseconds since 2000-01-01 UTC', () => {
    // 01:00 in Copenhagen on 1 January 2000 (winter, UTC+1) is midnight UTC: 0.
    expect(bytes('timestamptz', '2000-01-01 01:00')).toBe(row('00000008' + '0000000000000000'));
    // 2000-07-01 14:00 in summer (UTC+2) is 12:00 UTC, 182 days and 12 hours after the epoch: 15,768,000,000,000 µs.
    expect(bytes('timestamptz', '2000-07-01 14:00')).toBe(row('00000008' + '00000e574609f000'));
    // Before the epoch: 00:00 on 1 January 2000 in Copenhagen is an hour before it.
    expect(bytes('timestamptz', '2000-01-01 00:00')).toBe(row('00000008' + 'ffffffff296c5c00'));
  });

  it('writes text[] as a one-dimensional array of text (element type 25), an empty one with no dimensions', () => {
    expect(bytes('text[]', [])).toBe(row('0000000c' + '00000000' + '00000000' + '00000019'));
    expect(bytes('text[]', ['a', 'bc'])).toBe(row('0000001f' + '00000001' + '00000000' + '00000019' + '00000002' + '00000001' + '00000001' + '61' + '00000002' + '6263'));
  });

  it('refuses a value of the wrong kind for its column', () => {
    expect(() => bytes('int4', '1')).toThrow(/int4 column was given "1"/);
    expect(() => bytes('text', 1)).toThrow(/text column was given 1/);
    expect(() => bytes('text[]', 'a')).toThrow(/not a text\[\]/);
  });

  it('keeps rows whole across chunks of about 1 MiB, a row larger than a chunk included', () => {
    const writer = new BinaryRowWriter();
    const text = 'x'.repeat(100_000);
    for (let i = 0; i < 30; i++) writer.row(['int4', 'text'], [i, text]);
    writer.row(['text'], ['y'.repeat(3_000_000)]);
    writer.flush();
    expect(writer.chunks.length).toBeGreaterThan(2);
    let rows = 0;
    for (const chunk of writer.chunks) {
      let at = 0;
      while (at < chunk.length) {
        const fields = chunk.readInt16BE(at);
        at += 2;
        for (let f = 0; f < fields; f++) at += 4 + chunk.readInt32BE(at);
        rows++;
      }
      expect(at).toBe(chunk.length);
    }
    expect(rows).toBe(31);
    expect(writer.chunks.every((chunk) => chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength)).toBe(true);
  });
});
