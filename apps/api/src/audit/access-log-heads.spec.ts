import { AccessLogHeads } from './access-log-heads';
import type { Head, Step } from './access-log-heads';

/*
 * The in-process beliefs of the pipelined append (decision 183). The expected values are written
 * out by hand: which request leads, waits, refills or goes fast, with which expected head and seqs.
 */

const CHAIN = 'c0ffee00-0000-4000-8000-000000000001';

/** A link that names the new head after the last seq, as the writer's hash would be unique to it. */
const linkAs = (label: string) => (_expected: Head, seqs: bigint[]): Head => ({ seq: seqs[seqs.length - 1] as bigint, hash: label });

function kind(step: Step): string {
  return step.kind;
}

describe('AccessLogHeads', () => {
  it('lets one request lead while the head is unknown, makes the others wait, and learns the head it commits', async () => {
    const heads = new AccessLogHeads(4);
    const lead = heads.next(CHAIN, 1, linkAs('x'));
    expect(lead.kind).toBe('lead');
    const waiting = heads.next(CHAIN, 1, linkAs('x'));
    expect(waiting.kind).toBe('wait');
    let woken = false;
    void (waiting as { until: Promise<void> }).until.then(() => (woken = true));
    (lead as { slow: { end(h: Head | null): void } }).slow.end({ seq: 10n, hash: 'h10' });
    await Promise.resolve();
    expect(woken).toBe(true);
    expect(heads.headOf(CHAIN)).toEqual({ seq: 10n, hash: 'h10' });
    // Known head, empty pool: a block of 4 (the block size) is drawn.
    expect(heads.next(CHAIN, 1, linkAs('x'))).toEqual({ kind: 'refill', count: 4 });
  });

  it('predicts each request on the one before, with the pool’s seqs in order, and keeps only seqs above the head', async () => {
    const heads = new AccessLogHeads(4);
    const lead = heads.next(CHAIN, 1, linkAs('x')) as { slow: { end(h: Head | null): void } };
    lead.slow.end({ seq: 10n, hash: 'h10' });
    // A block drawn before the head's seq (out of date) and one after it: only the seqs above 10 are kept.
    await heads.refill(async () => [8n, 9n, 11n, 12n]);
    const a = heads.next(CHAIN, 1, linkAs('ha'));
    expect(a).toMatchObject({ kind: 'fast', expected: { seq: 10n, hash: 'h10' }, seqs: [11n] });
    const b = heads.next(CHAIN, 1, linkAs('hb'));
    expect(b).toMatchObject({ kind: 'fast', expected: { seq: 11n, hash: 'ha' }, seqs: [12n] });
    // Two rows, one seq left: a refill, sized for the block.
    expect(heads.next(CHAIN, 2, linkAs('x'))).toEqual({ kind: 'refill', count: 4 });
    await heads.refill(async () => [20n, 21n, 22n, 23n]);
    expect(heads.next(CHAIN, 2, linkAs('hc'))).toMatchObject({ kind: 'fast', expected: { seq: 12n, hash: 'hb' }, seqs: [20n, 21n] });
    expect(heads.headOf(CHAIN)).toEqual({ seq: 21n, hash: 'hc' });
  });

  it('draws one block at a time: a second request waits for the refill in flight', async () => {
    const heads = new AccessLogHeads(4);
    (heads.next(CHAIN, 1, linkAs('x')) as { slow: { end(h: Head | null): void } }).slow.end({ seq: 1n, hash: 'h1' });
    let release: (seqs: bigint[]) => void = () => undefined;
    const drawing = heads.refill(() => new Promise<bigint[]>((r) => (release = r)));
    const second = heads.next(CHAIN, 1, linkAs('x'));
    expect(kind(second)).toBe('wait');
    release([2n, 3n, 4n, 5n]);
    await drawing;
    await (second as { until: Promise<void> }).until;
    expect(heads.next(CHAIN, 1, linkAs('h2'))).toMatchObject({ kind: 'fast', seqs: [2n] });
  });

  it('forgets the head and the pool while a slow append is in flight, and learns only from the last slow append begun', async () => {
    const heads = new AccessLogHeads(4);
    (heads.next(CHAIN, 1, linkAs('x')) as { slow: { end(h: Head | null): void } }).slow.end({ seq: 1n, hash: 'h1' });
    await heads.refill(async () => [2n, 3n, 4n, 5n]);
    expect(kind(heads.next(CHAIN, 1, linkAs('h2')))).toBe('fast');
    // A fallback (the database refused a prediction) and, while it runs, an append() of another transaction.
    const fallback = heads.beginSlow(CHAIN);
    expect(heads.headOf(CHAIN)).toBeNull();
    const other = heads.beginSlow(CHAIN);
    expect(kind(heads.next(CHAIN, 1, linkAs('x')))).toBe('wait');
    other.end(null);
    // The fallback committed, but the append() began after it and may commit after it: nothing is learned.
    fallback.end({ seq: 30n, hash: 'h30' });
    expect(heads.headOf(CHAIN)).toBeNull();
    // So the next request leads, and its commit is learned; the old pool (seqs 3-5) is gone.
    const lead = heads.next(CHAIN, 1, linkAs('x'));
    expect(kind(lead)).toBe('lead');
    (lead as { slow: { end(h: Head | null): void } }).slow.end({ seq: 40n, hash: 'h40' });
    expect(heads.headOf(CHAIN)).toEqual({ seq: 40n, hash: 'h40' });
    expect(heads.next(CHAIN, 1, linkAs('x'))).toEqual({ kind: 'refill', count: 4 });
  });

  it('learns nothing from a slow append that failed, and ends a slow append once only', () => {
    const heads = new AccessLogHeads(4);
    const lead = heads.next(CHAIN, 1, linkAs('x')) as { slow: { end(h: Head | null): void } };
    const second = heads.beginSlow(CHAIN);
    lead.slow.end(null);
    lead.slow.end(null);
    // The second is still in flight (a double end did not count it out).
    expect(kind(heads.next(CHAIN, 1, linkAs('x')))).toBe('wait');
    second.end(null);
    expect(heads.headOf(CHAIN)).toBeNull();
    expect(kind(heads.next(CHAIN, 1, linkAs('x')))).toBe('lead');
  });

  it('tells each fast append how the one it was predicted on ended', async () => {
    const heads = new AccessLogHeads(4);
    (heads.next(CHAIN, 1, linkAs('x')) as { slow: { end(h: Head | null): void } }).slow.end({ seq: 1n, hash: 'h1' });
    await heads.refill(async () => [2n, 3n, 4n, 5n]);
    type Fast = Extract<Step, { kind: 'fast' }>;
    const a = heads.next(CHAIN, 1, linkAs('h2')) as Fast;
    const b = heads.next(CHAIN, 1, linkAs('h3')) as Fast;
    const c = heads.next(CHAIN, 1, linkAs('h4')) as Fast;
    // The first was predicted on a committed head: nothing to wait for.
    expect(a.predecessor).toBeNull();
    a.settle(true);
    expect(await b.predecessor).toBe(true);
    b.settle(false);
    expect(await c.predecessor).toBe(false);
  });

  it('numbers the appends of every chain from one pool, dropped (and a block drawn meanwhile not kept) when a slow append begins', async () => {
    const heads = new AccessLogHeads(4);
    const other = 'national';
    (heads.next(CHAIN, 1, linkAs('x')) as { slow: { end(h: Head | null): void } }).slow.end({ seq: 1n, hash: 'h1' });
    (heads.next(other, 1, linkAs('x')) as { slow: { end(h: Head | null): void } }).slow.end({ seq: 2n, hash: 'n2' });
    await heads.refill(async () => [3n, 4n, 5n, 6n]);
    expect(heads.next(CHAIN, 1, linkAs('h3'))).toMatchObject({ kind: 'fast', seqs: [3n] });
    expect(heads.next(other, 1, linkAs('n4'))).toMatchObject({ kind: 'fast', seqs: [4n] });
    let release: (seqs: bigint[]) => void = () => undefined;
    const drawing = heads.refill(() => new Promise<bigint[]>((r) => (release = r)));
    // A slow append of the national chain: Aarhus's next seq must come from a block drawn after it.
    const slow = heads.beginSlow(other);
    release([7n, 8n, 9n, 10n]);
    await drawing;
    expect(heads.next(CHAIN, 1, linkAs('x'))).toEqual({ kind: 'refill', count: 4 });
    slow.end({ seq: 20n, hash: 'n20' });
    await heads.refill(async () => [21n, 22n, 23n, 24n]);
    expect(heads.next(CHAIN, 1, linkAs('h21'))).toMatchObject({ kind: 'fast', expected: { seq: 3n, hash: 'h3' }, seqs: [21n] });
  });

  it('leaves a chain another process writes to the slow path for a while, every append at once, then predicts again', async () => {
    let now = 0;
    const heads = new AccessLogHeads(4, 1000, () => now);
    (heads.next(CHAIN, 1, linkAs('x')) as { slow: { end(h: Head | null): void } }).slow.end({ seq: 1n, hash: 'h1' });
    await heads.refill(async () => [2n, 3n, 4n, 5n]);
    const predicted = heads.next(CHAIN, 1, linkAs('h2')) as Extract<Step, { kind: 'fast' }>;
    expect(predicted.kind).toBe('fast');
    heads.contested(CHAIN, predicted.epoch);
    // Two at once, neither waiting for the other (as with access_log_reserve() alone, before decision 183).
    const first = heads.next(CHAIN, 1, linkAs('x')) as { kind: string; slow: { end(h: Head | null): void } };
    const second = heads.next(CHAIN, 1, linkAs('x')) as { kind: string; slow: { end(h: Head | null): void } };
    expect([first.kind, second.kind]).toEqual(['lead', 'lead']);
    first.slow.end({ seq: 10n, hash: 'h10' });
    second.slow.end({ seq: 11n, hash: 'h11' });
    now = 999;
    const third = heads.next(CHAIN, 1, linkAs('x')) as { kind: string; slow: { end(h: Head | null): void } };
    expect(third.kind).toBe('lead');
    third.slow.end({ seq: 12n, hash: 'h12' });
    // The last slow append begun ended last: its head is known, and once the while is over it is predicted on.
    expect(heads.headOf(CHAIN)).toEqual({ seq: 12n, hash: 'h12' });
    now = 1000;
    await heads.refill(async () => [13n, 14n, 15n, 16n]);
    expect(heads.next(CHAIN, 1, linkAs('h13'))).toMatchObject({ kind: 'fast', expected: { seq: 12n, hash: 'h12' }, seqs: [13n] });
  });

  it('does not take a refusal for another process when a slow append of its own began after the prediction', async () => {
    const now = 0;
    const heads = new AccessLogHeads(4, 1000, () => now);
    (heads.next(CHAIN, 1, linkAs('x')) as { slow: { end(h: Head | null): void } }).slow.end({ seq: 1n, hash: 'h1' });
    await heads.refill(async () => [2n, 3n, 4n, 5n]);
    const predicted = heads.next(CHAIN, 1, linkAs('h2')) as Extract<Step, { kind: 'fast' }>;
    // The access history's append() (or a read in two chains) moves the chain before the prediction commits.
    heads.beginSlow(CHAIN).end({ seq: 9n, hash: 'h9' });
    heads.contested(CHAIN, predicted.epoch);
    await heads.refill(async () => [10n, 11n, 12n, 13n]);
    expect(heads.next(CHAIN, 1, linkAs('h10'))).toMatchObject({ kind: 'fast', expected: { seq: 9n, hash: 'h9' }, seqs: [10n] });
  });

  it('keeps chains apart', () => {
    const heads = new AccessLogHeads(4);
    const other = 'national';
    (heads.next(CHAIN, 1, linkAs('x')) as { slow: { end(h: Head | null): void } }).slow.end({ seq: 5n, hash: 'h5' });
    heads.beginSlow(other);
    expect(heads.headOf(CHAIN)).toEqual({ seq: 5n, hash: 'h5' });
    expect(kind(heads.next(other, 1, linkAs('x')))).toBe('wait');
  });
});
