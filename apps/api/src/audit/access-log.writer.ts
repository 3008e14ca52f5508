import { Inject, Injectable } from '@nestjs/common';
import { escapeLiteral } from 'pg';
import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import { isDatabaseUnavailable } from '../common/errors/database-errors';
import type { AppConfig } from '../config/config';
import { isStaleStatement } from '../database/auto-prepare-client';
import { APP_CONFIG } from '../config/config';
import type { RequestContext } from '../tenancy/request-context';
import { canonicalJson, chainHash, chainOf, normaliseChange, normaliseCitizenIds } from './access-log-chain';
import type { ChainedRow } from './access-log-chain';
import { AccessLogHeads } from './access-log-heads';
import type { Head, SlowAppend, Step } from './access-log-heads';

const COLUMNS = ['seq', 'at', 'user_id', 'role', 'municipality_id', 'action', 'resource', 'record_id', 'citizen_id', 'criterion', 'address', 'outcome', 'citizen_ids', 'change', 'api_token_id', 'prev_hash', 'hash'];

const values = (r: ChainedRow): unknown[] => [r.seq, r.at, r.userId, r.role, r.municipalityId, r.action, r.resource, r.recordId, r.citizenId, r.criterion, r.address, r.outcome, r.citizenIds, r.change === null ? null : canonicalJson(r.change), r.apiTokenId ?? null, r.prevHash, r.hash];

/**
 * A value of an access-log row as an SQL literal, of the kinds values() makes and no other (a kind
 * added there must be added here, or the INSERT fails rather than store it differently): text as
 * text (the column's type converts it, as it does a parameter's text; the seq is text too), a time as
 * its ISO text (what the hash covers; the column is timestamptz), a list of ids as an array literal.
 */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return escapeLiteral(value);
  if (value instanceof Date) return escapeLiteral(value.toISOString());
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return escapeLiteral(`{${value.map((v: string) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`);
  }
  throw new Error(`access log: no literal for a ${typeof value}`);
}

/** A request's access before its place in a chain: everything but the seq, the time and the links. */
type Unlinked = Omit<ChainedRow, 'seq' | 'at' | 'prevHash' | 'hash'> & { chain: string };

/** The savepoint the fast append rolls back to when the chain's head was not the one predicted. */
const FAST = 'access_log_fast';

/** access_log_expect()'s refusal when the head is older than the predicted one: the predecessor may not have committed yet (migration AccessLogExpect). */
const PREDECESSOR_PENDING = 'OLA02';
/** access_log_expect()'s refusal when the head is another than predicted: someone else appended to the chain. */
const HEAD_ELSEWHERE = 'OLA01';
/** A statement timeout (or a cancel). */
const QUERY_CANCELED = '57014';
/** The longest a request waits in this process (for a leader, a refill, a predecessor) before it takes the slow path. */
const IN_PROCESS_WAIT_MS = 1000;

/** `promise`'s value, boxed, if it settles within `ms`; undefined if it does not (or rejects). */
async function settlesWithin<T>(promise: Promise<T>, ms: number): Promise<{ value: T } | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([promise.then((value) => ({ value }), () => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}

function errorCode(error: unknown): unknown {
  return error !== null && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
}

type FastStep = Extract<Step, { kind: 'fast' }>;

/**
 * Appends a request's accesses to their municipalities' hash chains (decision 127), inside the
 * request's own transaction, each row linked to its own chain's previous row and hashed here with
 * the key the database never sees.
 *
 * At a request's COMMIT (commit(), decision 183) the rows of a request in one chain whose head this
 * process knows are linked at once on the predicted head with seqs drawn ahead (AccessLogHeads) and
 * sent with access_log_expect() and the COMMIT in one query: the chain's lock is taken and released
 * within that one query, and several requests of the chain can be in flight, each predicted on the
 * one before. Otherwise, and whenever the database refuses the prediction, the slow path of
 * decisions 127 and 181: access_log_reserve() takes the chains' locks (held to COMMIT) and answers
 * their heads and the seqs, then the INSERT goes with the COMMIT.
 */
@Injectable()
export class AccessLogWriter {
  /** This process's beliefs about the chains' heads, and its seqs drawn ahead. */
  readonly heads = new AccessLogHeads();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Appends and waits for the INSERT, the transaction left open (writers outside a request's COMMIT:
   * the import's batches, the demo and synthetic data, the access history's own row). Always the
   * slow path: the chains' locks are then held until the caller commits, however long that is. The
   * chains are noted in the context, so its COMMIT does not wait in-process for a chain it holds.
   */
  async append(manager: EntityManager, ctx: RequestContext): Promise<void> {
    const pending = this.unlinked(ctx);
    if (pending.length === 0) return;
    const chains = [...new Set(pending.map((p) => p.chain))];
    for (const chain of chains) (ctx.lockedChains ??= new Set()).add(chain);
    const slows = chains.map((chain) => this.heads.beginSlow(chain));
    try {
      const rows = await this.reserveAndLink(manager, pending);
      const insert = insertOf(rows);
      await manager.query(insert.text, insert.values);
    } finally {
      // Not committed yet: nothing is learned; a leader's reserve waits for this transaction's lock.
      for (const slow of slows) slow.end(null);
    }
  }

  /**
   * Appends the request's rows and commits (decisions 181, 183), on `client`, the connection of
   * `manager`'s transaction. A failure leaves the transaction aborted or ended, for the caller's
   * rollback, as any failed statement does.
   */
  async commit(client: PoolClient, manager: EntityManager, ctx: RequestContext): Promise<void> {
    const pending = this.unlinked(ctx);
    const chains = [...new Set(pending.map((p) => p.chain))];
    const chain = chains[0];
    const insert = await prepareRowInsert(client);
    if (chains.length === 1 && chain !== undefined && !ctx.lockedChains?.size) {
      for (let attempt = 0; attempt < 32; attempt++) {
        let sql = '';
        // Hashing and the query's text are made inside next(), before the predicted head moves: a row
        // that cannot be hashed or written fails here, and no other request is predicted on it.
        const step = this.heads.next(chain, pending.length, (expected, seqs) => {
          const rows = link(this.config.secrets.auditKey, pending, new Map([[chain, expected.hash]]), seqs.map(String));
          sql = fastSql(insert, chain, expected, rows);
          const last = rows[rows.length - 1] as ChainedRow;
          return { seq: BigInt(last.seq), hash: last.hash };
        });
        if (step.kind === 'fast') return this.fast(client, manager, insert, chain, step, sql, pending);
        if (step.kind === 'lead') return this.slow(client, manager, insert, pending, new Map([[chain, step.slow]]));
        // Waiting here holds the request's connection and transaction with no statement running (no
        // statement_timeout, no deadlock detection): after a second, the database's own queue instead.
        if (step.kind === 'wait' && !(await settlesWithin(step.until, IN_PROCESS_WAIT_MS))) break;
        if (step.kind === 'refill') await this.heads.refill(() => drawSeqs(manager, step.count));
      }
    }
    return this.slow(client, manager, insert, pending, new Map(chains.map((c) => [c, this.heads.beginSlow(c)])));
  }

  /**
   * The fast append: one query, the lock taken and the head checked by access_log_expect(), the rows
   * and the COMMIT. Refused because the predecessor (the append this one was predicted on) has not
   * committed yet (the database took the two in the other order): back to the savepoint, which
   * releases the lock, wait for the predecessor to end, and send the same query again if it committed.
   * Any other failure before the COMMIT rolls back to the savepoint and takes the slow path in the
   * same transaction; the head is unknown until that commits.
   */
  private async fast(client: PoolClient, manager: EntityManager, insert: string, chain: string, step: FastStep, sql: string, pending: Unlinked[]): Promise<void> {
    let failure: unknown;
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        await client.query(sql);
        step.settle(true);
        return;
      } catch (error) {
        failure = error;
        forgetStaleRowInsert(client, error);
      }
      // A statement timeout (waiting on the chain's lock) ends the request as it did before decision
      // 183; the slow path would wait as long again.
      const ended = errorCode(failure) === QUERY_CANCELED ? failure : await this.rollbackToFast(client);
      if (ended !== null) {
        // The transaction is over: nothing of it is in the chain, and the head this process predicted is not.
        this.heads.beginSlow(chain).end(null);
        step.settle(false);
        throw whyAppendEnded(failure, ended);
      }
      if (errorCode(failure) === HEAD_ELSEWHERE) this.heads.contested(chain, step.epoch);
      if (errorCode(failure) !== PREDECESSOR_PENDING || !step.predecessor) break;
      const predecessor = await settlesWithin(step.predecessor, IN_PROCESS_WAIT_MS);
      if (!predecessor || !predecessor.value) break;
    }
    const slow = this.heads.beginSlow(chain);
    step.settle(false);
    return this.slow(client, manager, insert, pending, new Map([[chain, slow]]));
  }

  /** Back to the fast append's savepoint: null, or why not when the transaction is over (the COMMIT itself failed, or the connection). */
  private async rollbackToFast(client: PoolClient): Promise<unknown> {
    try {
      await client.query(`ROLLBACK TO SAVEPOINT ${FAST}`);
      return null;
    } catch (error) {
      return error ?? new Error('ROLLBACK TO SAVEPOINT failed');
    }
  }

  /** The slow append (decisions 127, 181): reserve, then the INSERT with the COMMIT; a committed append teaches its chains' heads. */
  private async slow(client: PoolClient, manager: EntityManager, insert: string, pending: Unlinked[], slows: Map<string, SlowAppend>): Promise<void> {
    const learned = new Map<string, Head>();
    try {
      const rows = await this.reserveAndLink(manager, pending);
      await client.query(`${rowInserts(insert, rows)}; COMMIT`).catch((error: unknown) => {
        forgetStaleRowInsert(client, error);
        throw error;
      });
      for (const row of rows) learned.set(chainOf(row.municipalityId), { seq: BigInt(row.seq), hash: row.hash });
    } finally {
      for (const [chain, slow] of slows) slow.end(learned.get(chain) ?? null);
    }
  }

  /** access_log_reserve(): the chains' locks (to COMMIT), their heads and the seqs; the rows linked on them. */
  private async reserveAndLink(manager: EntityManager, pending: Unlinked[]): Promise<ChainedRow[]> {
    const chains = [...new Set(pending.map((p) => p.chain))];
    const [reserved] = (await manager.query('SELECT chains, prev_hashes, seqs FROM access_log_reserve($1::text[], $2)', [chains, pending.length])) as [
      { chains: string[]; prev_hashes: string[]; seqs: string[] },
    ];
    return link(this.config.secrets.auditKey, pending, new Map(reserved.chains.map((chain, i) => [chain, reserved.prev_hashes[i] as string])), reserved.seqs);
  }

  /** The request's accesses as rows without their place; the context's list is emptied (each is written once). */
  private unlinked(ctx: RequestContext): Unlinked[] {
    const pending = ctx.accesses.map((access): Unlinked => {
      const municipalityId = access.municipalityId ?? ctx.user.municipalityId;
      return {
        chain: chainOf(municipalityId),
        userId: ctx.user.id,
        role: ctx.user.role,
        municipalityId,
        action: access.action,
        resource: access.resource,
        recordId: access.recordId ?? null,
        citizenId: access.citizenId ?? null,
        criterion: access.criterion ?? null,
        address: ctx.address,
        outcome: access.outcome,
        citizenIds: normaliseCitizenIds(access.citizenIds),
        change: normaliseChange(access.change),
        apiTokenId: ctx.user.apiTokenId ?? null,
      };
    });
    ctx.accesses = [];
    return pending;
  }
}

/** The rows in their places: `seqs` in order, each linked to its chain's previous row from `heads` on, hashed with `key`. */
function link(key: string, pending: Unlinked[], heads: Map<string, string>, seqs: string[]): ChainedRow[] {
  const at = new Date();
  return pending.map(({ chain, ...access }, i): ChainedRow => {
    const row = { ...access, seq: seqs[i] as string, at, prevHash: heads.get(chain) as string };
    const hash = chainHash(key, row);
    heads.set(chain, hash);
    return { ...row, hash };
  });
}

/**
 * What a fast append that could not go back to its savepoint fails with: the database's answer to
 * the append, unless the connection went away under it (PostgreSQL stopping), which the API answers
 * 503 DATABASE_UNAVAILABLE. The load-and-fault suite saw the other way round answer 500: an append
 * refused as "the chain's head is older than expected" (its predecessor's COMMIT never happened,
 * the database was stopping), then the rollback refused because the connection was gone.
 */
export function whyAppendEnded(failure: unknown, rollbackFailure: unknown): unknown {
  return isDatabaseUnavailable(rollbackFailure) && !isDatabaseUnavailable(failure) ? rollbackFailure : failure;
}

/** The fast append's one query (decision 183): the savepoint, the check and lock, the rows, the COMMIT. */
function fastSql(insert: string, chain: string, expected: Head, rows: ChainedRow[]): string {
  const first = (rows[0] as ChainedRow).seq;
  return `SAVEPOINT ${FAST}; SELECT access_log_expect(${escapeLiteral(chain)}, ${escapeLiteral(expected.hash)}, ${escapeLiteral(String(expected.seq))}::bigint, ${escapeLiteral(first)}::bigint); ${rowInserts(insert, rows)}; COMMIT`;
}

/** The INSERT of `rows`, parameterised. */
function insertOf(rows: ChainedRow[]): { text: string; values: unknown[] } {
  const placeholders = rows.map((_, r) => `(${COLUMNS.map((__, c) => `$${r * COLUMNS.length + c + 1}`).join(', ')})`);
  return { text: `INSERT INTO access_log (${COLUMNS.join(', ')}) VALUES ${placeholders.join(', ')}`, values: rows.flatMap(values) };
}

/**
 * The statement commit() inserts a row with (decision 188), per connection: prepared once, so that
 * PostgreSQL plans the INSERT and its row-level security checks (subqueries of their own) once, not
 * with every request; measured at 0.7-0.8 ms of PostgreSQL's time per request before. pg's pool hands
 * out the same Client object for the same connection. Each PREPARE has a name of its own in the
 * process, so it can never meet one already there (a PREPARE outlives any transaction).
 */
const rowInsertOf = new WeakMap<PoolClient, string>();
let rowInsertNames = 0;

async function prepareRowInsert(client: PoolClient): Promise<string> {
  const known = rowInsertOf.get(client);
  if (known !== undefined) return known;
  const name = `access_log_row_${++rowInsertNames}`;
  await client.query(`PREPARE ${name} AS INSERT INTO access_log (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((_, c) => `$${c + 1}`).join(', ')})`);
  rowInsertOf.set(client, name);
  return name;
}

/**
 * An append failed: if its prepared INSERT is what the server refused (a migration changed
 * access_log's columns while this process runs: "cached plan must not change result type", or the
 * statement is gone), the connection prepares a new one for its next append; the old one stays until
 * the connection ends. This request fails; the next one succeeds.
 */
function forgetStaleRowInsert(client: PoolClient, error: unknown): void {
  if (isStaleStatement(error)) rowInsertOf.delete(client);
}

/** The rows' INSERTs with the values written in as literals, to go with other statements in one simple-protocol query (decision 181), on prepareRowInsert()'s statement `name`. */
function rowInserts(name: string, rows: ChainedRow[]): string {
  return rows.map((r) => `EXECUTE ${name}(${values(r).map(literal).join(', ')})`).join('; ');
}

/** A block of seqs from the one global sequence, on the request's connection (nextval is not undone by a rollback). */
async function drawSeqs(manager: EntityManager, count: number): Promise<bigint[]> {
  const rows = (await manager.query(`SELECT nextval('access_log_seq')::text AS seq FROM generate_series(1, $1::int)`, [count])) as { seq: string }[];
  return rows.map((r) => BigInt(r.seq));
}
