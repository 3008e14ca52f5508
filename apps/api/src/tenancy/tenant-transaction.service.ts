import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient, QueryResult } from 'pg';
import { DataSource } from 'typeorm';
import type { QueryRunner } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { AccessLogWriter } from '../audit/access-log.writer';
import { databaseUnavailable } from '../common/errors/database-errors';
import { requestContext } from './request-context';
import { applyTenantSettings } from './tenant-session';
import type { RequestContext } from './request-context';

/**
 * The one home of tenant isolation in the API: BEGIN; set the user, role and municipality as
 * transaction-local settings that the row-level security policies read; run the work; append its
 * access-log rows; COMMIT. Any error rolls everything back, access-log rows included.
 * For a signed-in session, BEGIN and the settings come in the session check's round trip (begin(),
 * decision 179); the access log's INSERT comes in the COMMIT's (decision 181).
 */
@Injectable()
export class TenantTransaction {
  /**
   * Transactions the session check opened (begin()), each waiting for its request's run(); keyed by
   * the request's own AuthUser object, which the check made for that request alone.
   */
  private readonly kept = new WeakMap<AuthUser, QueryRunner>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accessLog: AccessLogWriter,
  ) {}

  async run<T>(user: AuthUser, address: string | null, work: (ctx: RequestContext) => Promise<T>): Promise<T> {
    // The request's session check may have opened the transaction and set the tenant already (begin()):
    // it is continued, once; a later run() for the same request (a refusal logged after a rollback) opens its own.
    const kept = this.kept.get(user);
    this.kept.delete(user);
    const runner = kept ?? this.dataSource.createQueryRunner();
    if (!kept) await runner.connect();
    try {
      if (!kept) {
        await runner.startTransaction();
        await applyTenantSettings(runner.manager, user);
      }
      const ctx: RequestContext = { user, manager: runner.manager, address, accesses: [], afterCommit: [] };
      const result = await requestContext.run(ctx, () => work(ctx));
      await this.commit(runner, ctx);
      for (const hook of ctx.afterCommit) hook();
      return result;
    } catch (error) {
      // TypeORM releases a query runner whose connection fails (the server went away mid-transaction);
      // the next query then throws QueryRunnerProviderAlreadyReleasedError, which told the client 500.
      // Only `finally` below releases it otherwise, so a runner released here means the database was lost.
      if (runner.isReleased) throw databaseUnavailable();
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * Opens a transaction and runs `select` in the same round trip as its START TRANSACTION: one
   * simple-protocol query, so `select` takes no parameters (its values must be literals the caller
   * has checked). The session check uses it to read the session and set the tenant settings at once
   * (auth.service.ts); it then keep()s the transaction for the request or end()s it. Answers the
   * select's rows.
   */
  async begin(select: string): Promise<{ runner: QueryRunner; rows: Record<string, unknown>[] }> {
    const runner = this.dataSource.createQueryRunner();
    // TypeORM's postgres runner answers pg's client; its query() cannot answer a multi-statement result.
    // A connection not had (the pool's wait ran out, the database away) is the caller's 503; nothing to end.
    const client = (await runner.connect().catch(async (error: unknown) => {
      await runner.release();
      throw error;
    })) as PoolClient;
    try {
      const results = (await client.query(`START TRANSACTION; ${select}`)) as unknown as QueryResult[];
      // What TypeORM's startTransaction() records once its START TRANSACTION is sent: COMMIT, ROLLBACK
      // and the savepoints of a nested transaction (manager.transaction, imports) go by it.
      Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
      return { runner, rows: (results[1]?.rows ?? []) as Record<string, unknown>[] };
    } catch (error) {
      await this.end(runner);
      throw error;
    }
  }

  /**
   * COMMIT, with the access log's rows in the same round trip when the request logged anything
   * (decisions 181, 183): AccessLogWriter.commit() sends them, and the COMMIT, on this connection.
   */
  private async commit(runner: QueryRunner, ctx: RequestContext): Promise<void> {
    if (ctx.accesses.length === 0) {
      await runner.commitTransaction();
      return;
    }
    const client = (await runner.connect()) as PoolClient;
    // A failure leaves the transaction aborted (or over): run()'s catch rolls it back as after any failed statement.
    await this.accessLog.commit(client, runner.manager, ctx);
    Object.assign(runner, { isTransactionActive: false, transactionDepth: 0 });
  }

  /** Hands an opened transaction to `user`'s request: its run() continues it. */
  keep(user: AuthUser, runner: QueryRunner): void {
    this.kept.set(user, runner);
  }

  /**
   * Ends the transaction kept for `user`'s request if no run() took it (the request ended before its
   * tenant interceptor ran: a guard after the session's refused it, or the client went away).
   */
  async discard(user: AuthUser): Promise<void> {
    const runner = this.kept.get(user);
    if (!runner) return;
    this.kept.delete(user);
    await this.end(runner);
  }

  /** Rolls back (harmless outside a transaction, and after a failed statement) and returns the connection. */
  async end(runner: QueryRunner): Promise<void> {
    if (runner.isReleased) return;
    await runner.query('ROLLBACK').catch(() => undefined);
    Object.assign(runner, { isTransactionActive: false, transactionDepth: 0 });
    await runner.release();
  }
}
