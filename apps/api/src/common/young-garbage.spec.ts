import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/*
 * A download streams its file through fresh socket buffers outside V8's heap; dead, they wait for a
 * GC. Here, in a process of its own (with and without --expose-gc), 256 MiB pass in 64 KiB buffers,
 * as a socket's reads would, and the most array-buffer memory alive at any point is read back.
 * The bound (24 MiB) is the 8 MiB collection interval with room for V8's own timing; the control
 * without the collector shows the pile the bound guards against (V8 collects external memory only
 * at 64 MiB above its last full GC).
 */
const MODULE = join(__dirname, 'young-garbage.ts');
const SCRIPT = `
  const { youngGarbageCollector } = await import(${JSON.stringify(MODULE)});
  const collect = process.argv.includes('collect') ? youngGarbageCollector(8 * 1024 * 1024) : () => undefined;
  let most = 0;
  for (let i = 0; i < 4096; i++) {
    const piece = Buffer.allocUnsafeSlow(65536);
    piece[0] = i & 255;
    collect(piece.length);
    most = Math.max(most, process.memoryUsage().arrayBuffers);
  }
  process.stdout.write(String(Math.round(most / 1048576)));
`;

function mostArrayBufferMiB(flags: string[], mode: 'collect' | 'none'): number {
  const run = spawnSync(process.execPath, [...flags, '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', '--input-type=module', '-e', SCRIPT, '--', mode], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the measuring process failed: ${run.stderr}`);
  const most = Number(run.stdout.trim());
  if (!Number.isFinite(most)) throw new Error(`the measuring process printed no figure: ${JSON.stringify({ stdout: run.stdout, stderr: run.stderr })}`);
  return most;
}

describe('youngGarbageCollector', () => {
  it('keeps the dead buffers of 256 MiB streamed under 24 MiB where the API runs with --expose-gc', () => {
    expect(mostArrayBufferMiB(['--expose-gc', '--max-semi-space-size=16'], 'collect')).toBeLessThanOrEqual(24);
  });

  it('control: without it the same stream piles up over 48 MiB of dead buffers', () => {
    expect(mostArrayBufferMiB(['--expose-gc', '--max-semi-space-size=16'], 'none')).toBeGreaterThan(48);
  });

  it('does nothing (and throws nothing) where gc is not exposed', () => {
    expect(mostArrayBufferMiB(['--max-semi-space-size=16'], 'collect')).toBeGreaterThan(48);
  });
});
