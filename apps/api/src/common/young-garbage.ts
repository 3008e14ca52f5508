/**
 * Collects the young generation's garbage every `everyBytes` bytes passed through a stream, where the
 * process runs with `--expose-gc` (npm start, the image, the tests' API: decision 186).
 *
 * Why: a socket's every read is a new buffer outside V8's heap. Streaming a large file from
 * PostgreSQL to a client allocates the file's size in such buffers, each dead once written, but V8
 * collects them only at a GC, and the little JavaScript a stream allocates per chunk seldom fills
 * the young generation: the dead buffers pile up to V8's external-memory limit (64 MiB above the
 * last full GC) before anything frees them, and the allocator keeps that memory afterwards. A minor
 * GC (a scavenge, about a millisecond here) frees them; every 8 MiB keeps the pile that small.
 * Without `--expose-gc` this does nothing and only the memory differs.
 */
export function youngGarbageCollector(everyBytes: number): (bytes: number) => void {
  const gc = (globalThis as { gc?: (options: { type: 'minor' }) => void }).gc;
  if (typeof gc !== 'function') return () => undefined;
  let since = 0;
  return (bytes) => {
    since += bytes;
    if (since < everyBytes) return;
    since = 0;
    gc({ type: 'minor' });
  };
}
