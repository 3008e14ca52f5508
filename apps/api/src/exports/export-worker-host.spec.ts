import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportWorkerData } from './export-worker-protocol';
import { ExportWorkerFailed, runExportWorker, SpareExportWorker } from './export-worker-host';

// The host's side of the protocol, against small stand-in workers (plain JS files): what the job's
// transaction gets told, in which order, and how a worker's death reaches it.

const dir = mkdtempSync(join(tmpdir(), 'export-worker-host-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function worker(name: string, body: string): string {
  const file = join(dir, `${name}.cjs`);
  writeFileSync(file, `process.on('disconnect', () => process.exit(0));\nprocess.once('message', async (data) => {\n${body}\n});\n`);
  return file;
}

const DATA = { order: { dataset: 'enrolments' }, key: new Uint8Array([1, 2, 3]), readUrl: 'postgres://unused', statementTimeoutMs: 1000 } as unknown as ExportWorkerData;

describe('runExportWorker', () => {
  it('stores every chunk in order, as bytes, and answers only after the last is stored', async () => {
    const file = worker('three-chunks', `
      for (let seq = 0; seq < 3; seq++) process.send({ type: 'chunk', seq, data: Buffer.from('chunk ' + seq + ' of key ' + Buffer.from(data.key).toString('hex')) });
      process.send({ type: 'progress', percent: 50 });
      process.send({ type: 'done', outcome: { rows: 7, disclosure: null }, bytes: 42 });`);
    const stored: string[] = [];
    const progress: number[] = [];
    const outcome = await runExportWorker(DATA, 64, {
      store: async (seq, chunk) => {
        await new Promise((r) => setTimeout(r, 30)); // a slow INSERT: 'done' must still wait for it
        stored.push(`${seq}: ${chunk.toString()}`);
      },
      progress: async (percent) => void progress.push(percent),
    }, file);
    expect(stored).toEqual(['0: chunk 0 of key 010203', '1: chunk 1 of key 010203', '2: chunk 2 of key 010203']);
    expect(progress).toEqual([50]);
    expect(outcome).toEqual({ rows: 7, disclosure: null, bytes: 42 });
  });

  it('rejects with the code the worker reports, never its message', async () => {
    const file = worker('fails', `process.send({ type: 'failed', code: '57014' });`);
    const run = runExportWorker(DATA, 64, { store: async () => undefined, progress: async () => undefined }, file);
    await expect(run).rejects.toBeInstanceOf(ExportWorkerFailed);
    await expect(run).rejects.toMatchObject({ code: '57014' });
  });

  it('rejects when the worker dies without a word, and when its heap cannot hold it', async () => {
    const exits = worker('exits', `process.exit(3);`);
    await expect(runExportWorker(DATA, 64, { store: async () => undefined, progress: async () => undefined }, exits)).rejects.toMatchObject({ code: 'exit 3' });
    const hungry = worker('hungry', `const kept = []; for (;;) kept.push(new Array(100000).fill(Math.random()));`);
    await expect(runExportWorker(DATA, 16, { store: async () => undefined, progress: async () => undefined }, hungry)).rejects.toMatchObject({ code: expect.stringMatching(/^(SIG[A-Z]+|exit \d+)$/) });
  }, 30_000);

  it('rejects, and ends the worker, when a chunk cannot be stored', async () => {
    const file = worker('keeps-sending', `for (let seq = 0; ; seq++) { process.send({ type: 'chunk', seq, data: Buffer.alloc(10) }); await new Promise((r) => setTimeout(r, 5)); }`);
    const run = runExportWorker(DATA, 64, { store: async () => Promise.reject(Object.assign(new Error('insert failed'), { code: '53100' })), progress: async () => undefined }, file);
    await expect(run).rejects.toMatchObject({ code: '53100' });
  });
});

describe('SpareExportWorker (decision 192)', () => {
  // A stand-in that notes its pid in `started` when its process starts and, once ordered, reports
  // when it started in its one chunk.
  const bornAtWorker = (name: string, startUp = ''): { file: string; started: () => string[] } => {
    const file = join(dir, `${name}.cjs`);
    const log = join(dir, `${name}.started`);
    writeFileSync(file, `const bornAt = Date.now();\n${startUp}\nrequire('node:fs').appendFileSync(${JSON.stringify(log)}, process.pid + '\\n');
process.on('disconnect', () => process.exit(0));\nprocess.once('message', () => {
      process.send({ type: 'chunk', seq: 0, data: Buffer.from(String(bornAt)) });
      process.send({ type: 'done', outcome: { rows: 1, disclosure: null }, bytes: 1 });
    });\n`);
    return { file, started: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []) };
  };
  const bornAt = async (run: Promise<unknown>, chunks: string[]): Promise<number> => {
    await run;
    return Number(chunks.at(-1));
  };
  const hooks = (chunks: string[]) => ({ store: async (_seq: number, data: Buffer) => void chunks.push(data.toString()), progress: async () => undefined });
  /** Waits for a process's start or exit, however slow the machine is today. */
  const until = async (done: () => boolean): Promise<void> => {
    for (const deadline = Date.now() + 15_000; !done(); await new Promise((r) => setTimeout(r, 20))) {
      if (Date.now() > deadline) throw new Error('gave up waiting');
    }
  };
  const alive = (pid: number): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it('runs an export in the process started ahead, and starts the next spare a while after that one has exited', async () => {
    const { file, started } = bornAtWorker('born-at');
    const spares = new SpareExportWorker(64, file, 100);
    const chunks: string[] = [];
    try {
      spares.prepare();
      await until(() => started().length === 1);
      const firstAsked = Date.now();
      expect(await bornAt(runExportWorker(DATA, 64, hooks(chunks), file, spares), chunks)).toBeLessThan(firstAsked);
      // The used worker exits, and 100 ms later the next spare starts: the second process of all.
      await until(() => started().length === 2);
      const secondAsked = Date.now();
      expect(await bornAt(runExportWorker(DATA, 64, hooks(chunks), file, spares), chunks)).toBeLessThan(secondAsked);
      // Without spares, each export starts its own process when it is asked.
      const thirdAsked = Date.now();
      expect(await bornAt(runExportWorker(DATA, 64, hooks(chunks), file), chunks)).toBeGreaterThanOrEqual(thirdAsked);
    } finally {
      spares.stop();
    }
  }, 60_000);

  it('does not hand over a spare that died waiting: the export starts a process of its own', async () => {
    const marker = join(dir, 'died-once');
    // The first process (the spare) exits at once; every later one works.
    const { file } = bornAtWorker('dies-first', `const fs = require('node:fs'); if (!fs.existsSync(${JSON.stringify(marker)})) { fs.writeFileSync(${JSON.stringify(marker)}, ''); process.exit(5); }`);
    const spares = new SpareExportWorker(64, file);
    const chunks: string[] = [];
    try {
      spares.prepare();
      expect(spares.waiting).toBe(true);
      await until(() => !spares.waiting);
      const asked = Date.now();
      expect(await bornAt(runExportWorker(DATA, 64, hooks(chunks), file, spares), chunks)).toBeGreaterThanOrEqual(asked);
    } finally {
      spares.stop();
    }
  }, 60_000);

  it('ends the waiting spare when stopped, and starts none after', async () => {
    const { file, started } = bornAtWorker('stopped');
    const spares = new SpareExportWorker(64, file);
    spares.prepare();
    await until(() => started().length === 1);
    const pid = Number(started()[0]);
    expect(alive(pid)).toBe(true);
    spares.stop();
    await until(() => !alive(pid));
    spares.prepare();
    expect(spares.waiting).toBe(false);
    spares.prepareSoon();
    expect(spares.waiting).toBe(false);
  }, 60_000);
});
