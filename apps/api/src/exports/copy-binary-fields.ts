import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';

/**
 * The bytes of every field of a `COPY … TO STDOUT (FORMAT binary)` stream, one after the other,
 * without the format's framing: what a download of stored chunks needs from
 * `COPY (SELECT data FROM export_file_chunk …)`. It passes on each field's bytes as they arrive,
 * so it holds no more than the socket's last read, never a whole chunk.
 *
 * Why by hand: pg reads every field of a result as UTF-8 text (a `bytea` arrives as hex, twice its
 * size, in V8's heap; binary results come out corrupt), and the one npm parser of this format
 * (pg-copy-streams-binary) decodes whole rows into values on unmaintained stream helpers. The format
 * (PostgreSQL's documentation, COPY, "Binary Format") is four fixed parts:
 * - a header: the 11-byte signature `PGCOPY\n\377\r\n\0`, 32-bit flags, a 32-bit length of a header
 *   extension and that extension;
 * - per row a 16-bit field count, then per field a 32-bit length (-1 for NULL) and that many bytes;
 * - a trailer: a field count of -1.
 * Integers are in network byte order.
 */
export class CopyBinaryFields extends Transform {
  private static readonly SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

  /** Bytes of a fixed-size part not yet complete (header, a count, a length). */
  private pending = Buffer.alloc(0);
  private state: 'signature' | 'flags' | 'extension-length' | 'extension' | 'field-count' | 'field-length' | 'field' | 'done' = 'signature';
  /** Bytes left of the current field or header extension. */
  private remaining = 0;
  /** Fields left in the current row. */
  private fieldsLeft = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.consume(chunk);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    callback(this.state === 'done' ? null : new Error(`COPY binary stream ended early (in its ${this.state})`));
  }

  private consume(input: Buffer): void {
    let at = 0;
    while (at < input.length) {
      if (this.state === 'done') throw new Error('COPY binary stream has bytes after its trailer');
      if (this.state === 'field' || this.state === 'extension') {
        const take = Math.min(this.remaining, input.length - at);
        if (this.state === 'field') this.push(input.subarray(at, at + take));
        at += take;
        this.remaining -= take;
        if (this.remaining === 0) this.endOfPart();
        continue;
      }
      const size = this.state === 'signature' ? 11 : this.state === 'field-count' ? 2 : 4;
      const take = Math.min(size - this.pending.length, input.length - at);
      this.pending = Buffer.concat([this.pending, input.subarray(at, at + take)]);
      at += take;
      if (this.pending.length < size) return;
      const part = this.pending;
      this.pending = Buffer.alloc(0);
      this.fixedPart(part);
    }
  }

  private fixedPart(part: Buffer): void {
    switch (this.state) {
      case 'signature':
        if (!part.equals(CopyBinaryFields.SIGNATURE)) throw new Error('Not a COPY binary stream: its signature differs');
        this.state = 'flags';
        return;
      case 'flags':
        // Bit 16 says OIDs are included, which no query here asks for; the others are reserved.
        if (part.readUInt32BE(0) !== 0) throw new Error('COPY binary stream with flags this reader does not know');
        this.state = 'extension-length';
        return;
      case 'extension-length':
        this.remaining = part.readUInt32BE(0);
        this.state = this.remaining === 0 ? 'field-count' : 'extension';
        return;
      case 'field-count': {
        const count = part.readInt16BE(0);
        if (count === -1) this.state = 'done';
        else if (count === 0) this.state = 'field-count';
        else {
          this.fieldsLeft = count;
          this.state = 'field-length';
        }
        return;
      }
      case 'field-length': {
        const length = part.readInt32BE(0);
        if (length <= 0) {
          // A NULL (-1) or empty field adds no bytes.
          this.endOfField();
          return;
        }
        this.remaining = length;
        this.state = 'field';
        return;
      }
      default:
        throw new Error(`COPY binary reader in an impossible state: ${this.state}`);
    }
  }

  private endOfPart(): void {
    if (this.state === 'extension') this.state = 'field-count';
    else this.endOfField();
  }

  private endOfField(): void {
    this.fieldsLeft -= 1;
    this.state = this.fieldsLeft > 0 ? 'field-length' : 'field-count';
  }
}
