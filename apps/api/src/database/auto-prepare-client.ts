import { Client } from 'pg';

/** Sends of one text (in this process) before it is prepared: a statement sent once is not worth a backend's memory. */
const MIN_USES = 2;
/** Texts this process remembers (their sends, their names); the oldest are forgotten past this. */
const MAX_TEXTS = 2000;
/** Prepared statements kept on one connection: PostgreSQL holds each one's parse tree and plans in the backend's memory. */
export const MAX_PREPARED_PER_CONNECTION = 100;

/**
 * A text PostgreSQL could not re-plan the same way. `SELECT *` (or `t.*`) is expanded when it is
 * prepared, so a column added by a migration while a process runs would make its next execution fail
 * with "cached plan must not change result type"; such texts are sent unprepared.
 */
const STAR = /(^|[\s,.(])\*\s*(,|from\b|$)/i;

type Known = { sends: number; name?: string };
const known = new Map<string, Known>();
let lastName = 0;

/** The name `text` is prepared under, once it has been sent often enough; undefined for a text sent unprepared. */
function nameFor(text: string): string | undefined {
  let entry = known.get(text);
  if (entry === undefined) {
    if (STAR.test(text)) return undefined;
    entry = { sends: 0 };
    known.set(text, entry);
    if (known.size > MAX_TEXTS) known.delete(known.keys().next().value as string);
  }
  entry.sends += 1;
  if (entry.name === undefined && entry.sends >= MIN_USES) entry.name = `outcomes_${++lastName}`;
  return entry.name;
}

/** What pg's connection keeps of the statements it has parsed (its own bookkeeping: it sends no Parse for a name it holds). */
type ParsedStatements = { parsedStatements: Record<string, string> };

/**
 * pg's Client, preparing the statements the API sends again and again (decision 188), as JDBC and
 * Npgsql's auto-prepare do: a parameterised text sent a second time goes as a named statement, which
 * PostgreSQL parses once per connection and, after five executions, plans once (a generic plan) if
 * that plan costs no more than planning each time. The bench measured planning at a third of
 * PostgreSQL's time for a list request (the row-level security policies' subqueries are planned with
 * every statement). Row-level security is unchanged: the policies read the tenant from
 * `current_setting()` in STABLE functions, evaluated at each execution, never folded into a plan
 * (row-level-security.e2e-spec.ts holds a prepared list to the tenant of each transaction).
 *
 * Each connection keeps at most MAX_PREPARED_PER_CONNECTION, the least recently used deallocated
 * first. Queries given as objects (a name, a cursor, a stream) and texts without parameters pass
 * through as they are.
 */
export class AutoPrepareClient extends Client {
  /** This connection's prepared names, least recently used first. */
  private readonly prepared = new Map<string, true>();

  // pg's query() has a dozen overloads; this one only looks at (text, values[]) and passes the rest on.
  override query(...args: unknown[]): never {
    const [text, values] = args;
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
      const name = nameFor(text);
      if (name !== undefined) {
        this.use(name);
        return super.query({ text, values, name }, args[2] as never) as never;
      }
    }
    return (super.query as (...a: unknown[]) => never)(...args);
  }

  /** Notes `name` as used now, deallocating the least recently used past the limit (before the statement that needs the room is sent). */
  private use(name: string): void {
    if (this.prepared.delete(name)) {
      this.prepared.set(name, true);
      return;
    }
    this.prepared.set(name, true);
    if (this.prepared.size <= MAX_PREPARED_PER_CONNECTION) return;
    const oldest = this.prepared.keys().next().value as string;
    this.prepared.delete(oldest);
    const parsed = (this as unknown as { connection: ParsedStatements }).connection.parsedStatements;
    if (parsed[oldest] === undefined) return; // never parsed here (its first use failed): nothing to free
    // The callback runs as the DEALLOCATE's answer is read, before pg sends the next queued statement:
    // pg must forget the name before a later statement would use it, and only if the server did.
    super.query(`DEALLOCATE ${oldest}`, (error: Error | null) => {
      if (error) this.prepared.set(oldest, true);
      else delete parsed[oldest];
    });
  }
}
