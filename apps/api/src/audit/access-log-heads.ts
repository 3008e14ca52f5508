/**
 * What this API process believes about each access-log chain, for the pipelined append (decision
 * 183): the chain's predicted head (the last row this process appended to it, or sent to be
 * appended) and a pool of sequence numbers drawn ahead in blocks. A belief only: the database checks
 * every fast append against the real head (access_log_expect()), so a wrong belief (another process
 * wrote the chain, an append failed) costs a fallback to access_log_reserve(), never a wrong chain.
 *
 * A chain's head is known or unknown. Known: a request takes its seqs from the pool and hashes its
 * rows on the predicted head at once, synchronously, and the head moves to its last row, so the
 * next request can predict on it before this one commits. Unknown: one request (the leader) takes
 * the slow path; the others wait here until no slow append of the chain is in flight, then decide
 * again. A slow append that commits as the only slow append of its chain since it began teaches the
 * head. Any slow append (a fallback, a request in two chains, append()) makes the head unknown while
 * it is in flight, since it moves the head in a way no prediction followed.
 */

export interface Head {
  seq: bigint;
  hash: string;
}

interface ChainState {
  head: Head | null;
  /** Slow appends in flight. */
  slow: number;
  /** Bumped by every slow append's start: a slow append teaches the head only if none began after it. */
  epoch: number;
  /** Requests waiting for `slow` to reach 0. */
  idle: (() => void)[];
  /** Fast appends in flight, by the seq of their last row: whether each committed, once it settled. */
  inFlight: Map<bigint, Promise<boolean>>;
  /** Until when (ms) the chain is written by another process too: no predictions, every append slow and none waiting. */
  contestedUntil: number;
}

/** What a request appending `count` rows to one chain does next. */
export type Step =
  | { kind: 'fast'; expected: Head; seqs: bigint[]; predecessor: Promise<boolean> | null; settle: (committed: boolean) => void; epoch: number }
  | { kind: 'refill'; count: number }
  | { kind: 'wait'; until: Promise<void> }
  | { kind: 'lead'; slow: SlowAppend };

/** A slow append in flight: end it once, with the head it committed, or null (failed, or not committed yet). */
export interface SlowAppend {
  end(head: Head | null): void;
}

export class AccessLogHeads {
  private readonly chains = new Map<string, ChainState>();
  /**
   * Seqs drawn ahead, increasing, one pool for every chain: the process gives out seqs in the order
   * of its appends, across chains too (a row of one municipality is not numbered below an earlier
   * row of another one). Dropped when a slow append begins (it draws above the pool).
   */
  private pool: bigint[] = [];
  /** The refill in flight, which other requests wait for rather than draw a block each. */
  private refilling: Promise<void> | null = null;
  /** Bumped when the pool is dropped: a block drawn before is not kept. */
  private poolGeneration = 0;

  constructor(
    private readonly block = 256,
    /** How long a chain another process writes too is left to the slow path, after a prediction was refused for it. */
    private readonly contestedMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  private state(chain: string): ChainState {
    let s = this.chains.get(chain);
    if (!s) {
      s = { head: null, slow: 0, epoch: 0, idle: [], inFlight: new Map(), contestedUntil: 0 };
      this.chains.set(chain, s);
    }
    return s;
  }

  /**
   * Decides a one-chain append of `count` rows. For 'fast' the seqs are taken and `link` is called at
   * once with the expected head and the seqs; it answers the new head (the last row's seq and hash),
   * which becomes the predicted head before this returns.
   */
  next(chain: string, count: number, link: (expected: Head, seqs: bigint[]) => Head): Step {
    const s = this.state(chain);
    // Another process writes the chain: predictions would mostly be refused (a round trip and a
    // statement lost each), so every append takes decision 127's path, side by side, as before.
    if (this.now() < s.contestedUntil) return { kind: 'lead', slow: this.beginSlow(chain) };
    if (s.head === null) {
      if (s.slow > 0) return { kind: 'wait', until: new Promise((resolve) => s.idle.push(resolve)) };
      return { kind: 'lead', slow: this.beginSlow(chain) };
    }
    const head = s.head;
    // A seq not above the head would be refused: drop it (the head was learned from a newer slow append).
    while (this.pool.length > 0 && (this.pool[0] as bigint) <= head.seq) this.pool.shift();
    if (this.pool.length < count) {
      if (this.refilling) return { kind: 'wait', until: this.refilling.catch(() => undefined) };
      return { kind: 'refill', count: Math.max(this.block, count) };
    }
    const seqs = this.pool.splice(0, count);
    const next = link(head, seqs);
    s.head = next;
    // The append predicted on this one learns how it ended (the database may see them in either order).
    let settle: (committed: boolean) => void = () => undefined;
    const settled = new Promise<boolean>((resolve) => (settle = resolve));
    s.inFlight.set(next.seq, settled);
    return {
      kind: 'fast',
      expected: head,
      seqs,
      epoch: s.epoch,
      predecessor: s.inFlight.get(head.seq) ?? null,
      settle: (committed) => {
        if (s.inFlight.get(next.seq) === settled) s.inFlight.delete(next.seq);
        settle(committed);
      },
    };
  }

  /**
   * Adds a block drawn from the sequence (`draw`, on the caller's connection); other requests wait for
   * it. The block is kept only above what the pool holds, so the pool stays increasing.
   */
  async refill(draw: () => Promise<bigint[]>): Promise<void> {
    if (this.refilling) return this.refilling;
    const generation = this.poolGeneration;
    const run = (async () => {
      try {
        const drawn = await draw();
        if (generation !== this.poolGeneration) return;
        const floor = this.pool.length > 0 ? (this.pool[this.pool.length - 1] as bigint) : -1n;
        this.pool.push(...drawn.filter((seq) => seq > floor).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      } finally {
        this.refilling = null;
      }
    })();
    this.refilling = run;
    return run;
  }

  /**
   * A slow append of the chain begins (a fallback after a refused fast append, a request in two
   * chains, a leader, an append() outside the commit): the head is unknown until it ends, and the
   * pool is dropped (its seqs are below what the slow append draws, and would number later rows of
   * any chain below this one's).
   */
  beginSlow(chain: string): SlowAppend {
    const s = this.state(chain);
    s.head = null;
    this.pool = [];
    this.poolGeneration++;
    s.slow++;
    const epoch = ++s.epoch;
    let ended = false;
    return {
      end: (head) => {
        if (ended) return;
        ended = true;
        s.slow--;
        if (s.slow > 0) return;
        if (head && s.epoch === epoch) s.head = head;
        const idle = s.idle.splice(0);
        for (const wake of idle) wake();
      },
    };
  }

  /**
   * A prediction made at `epoch` was refused because the chain's head is another than predicted, not
   * merely behind. When no slow append of this process began since (one of ours would explain it: an
   * access history's append(), a read in two chains, a fallback), another process appended to the
   * chain: for the next `contestedMs` every append of the chain takes the slow path without waiting
   * for the others.
   */
  contested(chain: string, epoch: number): void {
    const s = this.state(chain);
    if (s.epoch === epoch) s.contestedUntil = this.now() + this.contestedMs;
  }

  /** The predicted head, for tests. */
  headOf(chain: string): Head | null {
    return this.chains.get(chain)?.head ?? null;
  }
}
