import { copenhagenWallTimeToUtcMs } from './copenhagen-time';

/**
 * COPY's binary format (https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4): each
 * value in its type's binary form, so PostgreSQL does not parse text into ids, dates and numbers.
 * Measured on COPYs of 500,000 rows shaped like treatment_session (five ids, a time, numbers, text):
 * 0.9 s of the backend's CPU against 1.5-1.6 s for the same rows as text, and the national load's
 * one backend is its critical path (docs/performance.md, decision 195).
 *
 * The types the synthetic tables use, and what a row's value for each must be.
 */
export type ColumnType =
  | 'uuid' // a UUID string
  | 'text' // a string, for text, varchar(n) and char(n) columns alike (their binary form is the text)
  | 'int4' // an integer
  | 'float8' // a number
  | 'bool' // a boolean
  | 'date' // 'YYYY-MM-DD'
  | 'timestamptz' // a Danish wall-clock time, 'YYYY-MM-DD HH:MM' (copenhagenWallTimeToUtcMs)
  | 'text[]' // an array of strings
  | 'jsonb'; // JSON text

/** What a codec hands the writer for one column; null is SQL NULL. */
export type Field = string | number | boolean | null | readonly string[];

/** The catalog's type names (pg_type.typname) each ColumnType stands for: the load checks them before its first COPY. */
export const CATALOG_TYPES: Readonly<Record<ColumnType, readonly string[]>> = {
  uuid: ['uuid'],
  text: ['text', 'varchar', 'bpchar'],
  int4: ['int4'],
  float8: ['float8'],
  bool: ['bool'],
  date: ['date'],
  timestamptz: ['timestamptz'],
  'text[]': ['_text'],
  jsonb: ['jsonb'],
};

/** The file header every binary COPY starts with: signature, flags (none), header extension (none). */
export const BINARY_COPY_HEADER = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
/** The trailer a binary COPY ends with: a field count of -1. */
export const BINARY_COPY_TRAILER = Buffer.from([0xff, 0xff]);

const TEXT_OID = 25;
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);
const DAY_MS = 86_400_000;
/** Bytes a chunk holds before it is handed on: each chunk is one CopyData message. */
const CHUNK_BYTES = 1 << 20;

const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) HEX[i.toString(16).charCodeAt(0)] = HEX[i.toString(16).toUpperCase().charCodeAt(0)] = i;

/**
 * Writes rows in COPY's binary format into chunks of whole rows, without the header and trailer
 * (copyInto() sends those around a table's chunks). One scratch buffer is reused; each chunk is a
 * copy of its part, an ArrayBuffer of its own that a worker thread can hand over without copying.
 */
export class BinaryRowWriter {
  private scratch = Buffer.allocUnsafe(CHUNK_BYTES);
  private pos = 0;
  readonly chunks: Buffer[] = [];

  /** One row: its values in the order of `types`. */
  row(types: readonly ColumnType[], values: readonly Field[]): void {
    if (values.length !== types.length) throw new Error(`a row of ${values.length} values for ${types.length} columns`);
    // Room for the whole row first, so a row is never split between chunks.
    let most = 2;
    for (const value of values) most += 4 + mostBytes(value);
    if (this.pos + most > this.scratch.length) {
      this.flush();
      if (most > this.scratch.length) this.scratch = Buffer.allocUnsafe(most);
    }
    this.pos = this.scratch.writeInt16BE(types.length, this.pos);
    for (let i = 0; i < types.length; i++) this.value(types[i] as ColumnType, values[i] as Field);
    if (this.pos >= CHUNK_BYTES) this.flush();
  }

  /** The rows written since the last chunk, as a chunk. */
  flush(): void {
    if (this.pos === 0) return;
    const chunk = Buffer.allocUnsafeSlow(this.pos);
    this.scratch.copy(chunk, 0, 0, this.pos);
    this.chunks.push(chunk);
    this.pos = 0;
  }

  private value(type: ColumnType, value: Field): void {
    if (value === null) return this.int32(-1);
    switch (type) {
      case 'uuid':
        return this.uuid(expect(value, 'string', type));
      case 'text':
        return this.text(expect(value, 'string', type));
      case 'int4': {
        const n = expect(value, 'number', type);
        if (!Number.isInteger(n) || n < -(2 ** 31) || n >= 2 ** 31) throw new Error(`not an int4: ${n}`);
        this.int32(4);
        return this.int32(n);
      }
      case 'float8':
        this.int32(8);
        this.pos = this.scratch.writeDoubleBE(expect(value, 'number', type), this.pos);
        return;
      case 'bool':
        this.int32(1);
        this.scratch[this.pos++] = expect(value, 'boolean', type) ? 1 : 0;
        return;
      case 'date': {
        const day = expect(value, 'string', type);
        const ms = /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : Number.NaN;
        if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) throw new Error(`not a date YYYY-MM-DD: ${JSON.stringify(day)}`);
        this.int32(4);
        return this.int32((ms - POSTGRES_EPOCH_MS) / DAY_MS);
      }
      case 'timestamptz': {
        // Microseconds since 2000-01-01 UTC; a millisecond count times 1,000 stays an exact double.
        const micros = (copenhagenWallTimeToUtcMs(expect(value, 'string', type)) - POSTGRES_EPOCH_MS) * 1000;
        this.int32(8);
        this.pos = this.scratch.writeBigInt64BE(BigInt(micros), this.pos);
        return;
      }
      case 'text[]':
        return this.textArray(value);
      case 'jsonb':
        // jsonb's binary form is a version byte (1) and the JSON text.
        return this.text(expect(value, 'string', type), 1);
    }
  }

  private int32(n: number): void {
    this.pos = this.scratch.writeInt32BE(n, this.pos);
  }

  private uuid(id: string): void {
    const bad = (): Error => new Error(`not a UUID: ${JSON.stringify(id)}`);
    if (id.length !== 36) throw bad();
    this.int32(16);
    const s = this.scratch;
    let at = this.pos;
    // 8-4-4-4-12 hex digits: every pair of digits lies between two dashes.
    for (let i = 0; i < 36; ) {
      if (i === 8 || i === 13 || i === 18 || i === 23) {
        if (id.charCodeAt(i) !== 0x2d) throw bad();
        i++;
        continue;
      }
      const high = HEX[id.charCodeAt(i)] ?? -1;
      const low = HEX[id.charCodeAt(i + 1)] ?? -1;
      if (high < 0 || low < 0) throw bad();
      s[at++] = (high << 4) | low;
      i += 2;
    }
    this.pos = at;
  }

  /** A length and the UTF-8 bytes, after an optional version byte (jsonb's). */
  private text(value: string, versionByte?: number): void {
    const lengthAt = this.pos;
    let at = lengthAt + 4;
    if (versionByte !== undefined) this.scratch[at++] = versionByte;
    at += this.scratch.write(value, at, 'utf8');
    this.scratch.writeInt32BE(at - lengthAt - 4, lengthAt);
    this.pos = at;
  }

  /** A one-dimensional text[] without NULLs: dimensions, flags, the element type, then each element. */
  private textArray(value: Field): void {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new Error(`not a text[]: ${JSON.stringify(value)}`);
    const elements = value as readonly string[];
    const lengthAt = this.pos;
    this.pos += 4; // the array's length, written below
    this.int32(elements.length === 0 ? 0 : 1); // dimensions; an empty array has none
    this.int32(0); // no NULLs
    this.int32(TEXT_OID);
    if (elements.length > 0) {
      this.int32(elements.length);
      this.int32(1); // lower bound
      for (const element of elements) this.text(element);
    }
    this.scratch.writeInt32BE(this.pos - lengthAt - 4, lengthAt);
  }
}

/** At most how many bytes a value takes after its length: 3 UTF-8 bytes per UTF-16 unit at most. */
function mostBytes(value: Field): number {
  if (value === null) return 0;
  if (typeof value === 'string') return 1 + 3 * value.length;
  if (Array.isArray(value)) return 20 + (value as readonly string[]).reduce((sum, v) => sum + 4 + 3 * v.length, 0);
  return 8;
}

function expect<T extends 'string' | 'number' | 'boolean'>(value: Field, kind: T, type: ColumnType): T extends 'string' ? string : T extends 'number' ? number : boolean {
  if (typeof value !== kind) throw new Error(`a ${type} column was given ${JSON.stringify(value)}`);
  return value as never;
}
