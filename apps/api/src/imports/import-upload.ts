import type { ApiErrorBody } from '@outcomes/contracts';
import type { Request } from 'express';
import { ApiException } from '../common/errors/api.exception';

/** POST /api/imports: the file itself is the body (application/octet-stream), not JSON. */
export function isImportUpload(req: Request): boolean {
  return req.method === 'POST' && /^\/api\/imports\/?$/.test(req.path);
}

export function importTooLarge(limit: number): ApiErrorBody {
  const mib = (limit / (1024 * 1024)).toFixed(1);
  return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: `The file is larger than the ${limit} bytes (${mib} MiB) an import accepts (IMPORT_MAX_BYTES); split it into smaller files`, errors: { file: `must be at most ${limit} bytes (${mib} MiB)` } };
}

/**
 * Reads the upload's bytes, counting them: a body over the limit is refused with 413 naming it as
 * soon as it passes it (a sender may omit or understate Content-Length), never buffered whole.
 */
export async function readUpload(req: Request, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      // Read no further; the answer is sent and the connection closed (not destroyed first: the client must get the 413).
      req.pause();
      const body = importTooLarge(limit);
      throw new ApiException(413, 'PAYLOAD_TOO_LARGE', body.message, body.errors);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
