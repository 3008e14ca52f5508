import { Client } from 'pg';
import type { ClientConfig } from 'pg';

/** Sends of one text (in this process) before it is prepared: a statement sent once is not worth a backend's memory. */
const MIN_USES = 2;
/** Texts this process remembers (their sends, their names); the least recently used are forgotten past this. */
const MAX_TEXTS = 2000;
/** Prepared statements kept on one connection: PostgreSQL holds each one's parse tree and plans in the backend's memory. */
export const MAX_PREPARED_PER_CONNECTION = 100;
/** More parameters than this (an import's many-row INSERT): a text seldom sent twice, sent unprepared. */
const MAX_PARAMETERS = 128;

/**
 * A text PostgreSQL could not re-plan the same way. `SELECT *` (or `t.*`) is expanded when it is
 * prepared, so a column added by a migration while a process runs would make its next execution fail
 * with "cached plan must not change result type"; such texts are sent unprepared. (A statement that
 * fails so anyway is forgotten and prepared afresh: AutoPrepareClient.failed.)
 */
const STAR = /(^|[\s,.(])\*\s*(,|from\b|$)/i;

/**
 * A named statement's failures after which its name is not used again: the server still holds it but
 * it no longer fits (0A000: its result type changed, a column's type altered by a migration while
 * this process runs; 42883, 42804: its parameters' types), so it is deallocated; or the server does
 * not hold it (26000; and a failure before the server saw the values, with no SQLSTATE: a value pg
 * could not serialise, after which pg closed the statement but still counts it as parsed), so pg is
 * told to forget it; or the server holds one of that name that pg did not know of (42P05).
 */
const STILL_HELD = new Set(['0A000', '42883', '42804']);
const NOT_HELD = new Set(['26000']);
const UNKNOWN_TO_PG = new Set(['42P05']);

/** Whether `error` is the server refusing a prepared statement as stale (held but no longer fitting, or gone): the access log's own prepared INSERT is replaced on these too. */
export function isStaleStatement(error: unknown): boolean {
  const code = error !== null && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (STILL_HELD.has(code) || NOT_HELD.has(code));
}

/** The text's name is given up: its next send, on any connection, prepares it under a new one. */
function retire(text: string, name: string): void {
  const entry = known.get(text);
  if (entry?.name === name) entry.name = undefined;
}

type Known = { sends: number; name?: string };
const known = new Map<string, Known>();
let lastName = 0;

/** The name `text` is prepared under, once it has been sent often enough; undefined for a text sent unprepared. */
function nameFor(text: string): string | undefined {
  let entry = known.get(text);
  if (entry === undefined) {
    if (STAR.test(text)) return undefined;
    entry = { sends: 0 };
    if (known.size >= MAX_TEXTS) known.delete(known.keys().next().value as string);
  } else {
    known.delete(text); // to the most recently used end
  }
  known.set(text, entry);
  entry.sends += 1;
  if (entry.name === undefined && entry.sends >= MIN_USES) entry.name = `outcomes_${++lastName}`;
  return entry.name;
}

/** pg's own bookkeeping (pg 8): the statements its connection has parsed or sent to parse, its queue, and whether it awaits an answer. */
interface PgInternals {
  connection: { parsedStatements: Record<string, string>; submittedNamedStatements: Record<string, string> };
  _queryQueue: unknown[];
  readyForQuery: boolean;
}

/**
 * pg's Client, preparing the statements the API sends again and again (decision 188), as JDBC and
 * Npgsql's auto-prepare do: a parameterised text sent a second time goes as a named statement, which
 * PostgreSQL parses once per connection and, after five executions, plans once (a generic plan) if
 * that plan costs no more than planning each time. The bench measured planning at a third of
 * PostgreSQL's time for a list request (the row-level security policies' subqueries are planned with
 * every statement). Row-level security is unchanged: the policies read the tenant from
 * `current_setting()` in STABLE functions, evaluated at each execution, never folded into a plan
 * (auto-prepare.e2e-spec.ts holds a prepared query to the tenant of each transaction, and checks in
 * the catalogue that no policy calls an IMMUTABLE function of ours).
 *
 * Each connection keeps at most MAX_PREPARED_PER_CONNECTION, the least recently used deallocated
 * first, and only between transactions: a DEALLOCATE that failed inside one would abort it. A
 * statement the server no longer accepts as prepared (a migration changed its table while this
 * process ran) fails once and is prepared afresh under a new name. Queries given as objects (a name,
 * a cursor, a stream), with a callback, or without parameters pass through as they are. pg's
 * pipeline mode is refused: it sends queued statements before a DEALLOCATE's answer is read.
 */
export class AutoPrepareClient extends Client {
  /** This connection's prepared names (and their texts), least recently used first. */
  private readonly prepared = new Map<string, string>();
  /** Names evicted from `prepared` (and their texts), to be deallocated when the connection is next between transactions. */
  private readonly evicted = new Map<string, string>();

  constructor(config?: string | ClientConfig) {
    super(config);
    if ((this as unknown as { pipeline?: boolean }).pipeline) throw new Error('AutoPrepareClient does not support pg pipeline mode');
  }

  // pg's query() has a dozen overloads; this one only looks at (text, values[]) and passes the rest on.
  override query(...args: unknown[]): never {
    this.deallocateEvicted();
    const [text, values, callback] = args;
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && values.length <= MAX_PARAMETERS && callback === undefined) {
      const name = nameFor(text);
      if (name !== undefined) {
        this.use(name, text);
        const sent = super.query({ text, values, name }) as unknown as Promise<unknown>;
        return sent.catch((error: unknown) => {
          this.failed(text, name, error);
          throw error;
        }) as never;
      }
    }
    return (super.query as (...a: unknown[]) => never)(...args);
  }

  private get internals(): PgInternals {
    return this as unknown as PgInternals;
  }

  /** Notes `name` as used now, evicting the least recently used past the limit. */
  private use(name: string, text: string): void {
    this.evicted.delete(name); // evicted, not yet deallocated, and wanted again: still there
    this.prepared.delete(name);
    this.prepared.set(name, text);
    while (this.prepared.size > MAX_PREPARED_PER_CONNECTION) {
      const [oldest, oldestText] = this.prepared.entries().next().value as [string, string];
      this.prepared.delete(oldest);
      this.evicted.set(oldest, oldestText);
    }
  }

  /**
   * Deallocates the evicted names the server holds, if the connection is idle between transactions
   * (its last answer said so and nothing is queued), in one query that goes before the statement about
   * to be sent (one query ahead of it, as pg will require). Its callback runs as the answer is read,
   * before pg sends the next queued statement, so pg forgets the names before a later statement would
   * use one. Should it fail (a name the server did not hold after all: the rest are then not
   * deallocated either), pg forgets them all and none of those names is used again.
   */
  private deallocateEvicted(): void {
    const pg = this.internals;
    if (this.evicted.size === 0 || this.getTransactionStatus() !== 'I' || !pg.readyForQuery || pg._queryQueue.length > 0) return;
    const parsed = pg.connection.parsedStatements;
    const batch = new Map<string, string>();
    for (const [name, text] of this.evicted) {
      // Its Parse still in flight: deallocated at a later idle moment. Never parsed (its first use failed): nothing to free.
      if (parsed[name] === undefined && pg.connection.submittedNamedStatements[name] !== undefined) continue;
      this.evicted.delete(name);
      if (parsed[name] !== undefined) batch.set(name, text);
    }
    if (batch.size === 0) return;
    super.query([...batch.keys()].map((name) => `DEALLOCATE ${name}`).join('; '), (error: Error | null) => {
      for (const [name, text] of batch) {
        delete parsed[name];
        if (error) retire(text, name);
      }
    });
  }

  /** A named statement failed: if its copy on this connection is stale, neither pg nor this process uses that name again. */
  private failed(text: string, name: string, error: unknown): void {
    const code = error !== null && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
    // The server's errors carry a SQLSTATE; pg's and Node's own (ERR_…, ECONNRESET) do not.
    const sqlstate = typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
    const held = sqlstate !== undefined && STILL_HELD.has(sqlstate);
    const notHeld = sqlstate === undefined || NOT_HELD.has(sqlstate);
    if (!held && !notHeld && !(sqlstate !== undefined && UNKNOWN_TO_PG.has(sqlstate))) return;
    retire(text, name);
    this.prepared.delete(name);
    const parsed = this.internals.connection.parsedStatements;
    if (notHeld) delete parsed[name];
    else if (held && parsed[name] !== undefined) this.evicted.set(name, text);
  }
}
