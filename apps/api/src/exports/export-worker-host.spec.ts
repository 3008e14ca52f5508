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
  // A stand-in that notes when its process started and, once ordered, reports it in its one chunk.
  const bornAtWorker = (name: string, startUp = ''): string => {
    const file = join(dir, `${name}.cjs`);
    writeFileSync(file, `const bornAt = Date.now();\n${startUp}\nprocess.on('disconnect', () => process.exit(0));\nprocess.once('message', () => {
      process.send({ type: 'chunk', seq: 0, data: Buffer.from(String(bornAt)) });
      process.send({ type: 'done', outcome: { rows: 1, disclosure: null }, bytes: 1 });
    });\n`);
    return file;
  };
  const bornAt = async (run: Promise<unknown>, chunks: string[]): Promise<number> => {
    await run;
    return Number(chunks.at(-1));
  };
  const hooks = (chunks: string[]) => ({ store: async (_seq: number, data: Buffer) => void chunks.push(data.toString()), progress: async () => undefined });
  const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('runs an export in the process started ahead, and starts the next spare a while after that one has exited', async () => {
    const file = bornAtWorker('born-at');
    const spares = new SpareExportWorker(64, file, 100);
    const chunks: string[] = [];
    try {
      spares.prepare();
      await settle(400);
      const firstAsked = Date.now();
      expect(await bornAt(runExportWorker(DATA, 64, hooks(chunks), file, spares), chunks)).toBeLessThan(firstAsked);
      await settle(600); // the used worker exits, then after 100 ms the next spare starts
      const secondAsked = Date.now();
      expect(await bornAt(runExportWorker(DATA, 64, hooks(chunks), file, spares), chunks)).toBeLessThan(secondAsked);
      // Without spares, each export starts its own process when it is asked.
      const thirdAsked = Date.now();
      expect(await bornAt(runExportWorker(DATA, 64, hooks(chunks), file), chunks)).toBeGreaterThanOrEqual(thirdAsked);
    } finally {
      spares.stop();
    }
  });

  it('does not hand over a spare that died waiting: the export starts a process of its own', async () => {
    const marker = join(dir, 'died-once');
    // The first process (the spare) exits at once; every later one works.
    const file = bornAtWorker('dies-first', `const fs = require('node:fs'); if (!fs.existsSync(${JSON.stringify(marker)})) { fs.writeFileSync(${JSON.stringify(marker)}, ''); process.exit(5); }`);
    const spares = new SpareExportWorker(64, file);
    const chunks: string[] = [];
    try {
      spares.prepare();
      await settle(400);
      const asked = Date.now();
      expect(await bornAt(runExportWorker(DATA, 64, hooks(chunks), file, spares), chunks)).toBeGreaterThanOrEqual(asked);
    } finally {
      spares.stop();
    }
  });

  it('ends the waiting spare when stopped, and starts none after', async () => {
    const pidFile = join(dir, 'spare-pid');
    const file = bornAtWorker('notes-pid', `require('node:fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid));`);
    const spares = new SpareExportWorker(64, file);
    spares.prepare();
    await settle(400);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(() => process.kill(pid, 0)).not.toThrow();
    spares.stop();
    await settle(200);
    expect(() => process.kill(pid, 0)).toThrow();
    rmSync(pidFile);
    spares.prepare();
    await settle(400);
    expect(existsSync(pidFile)).toBe(false);
  });
});
