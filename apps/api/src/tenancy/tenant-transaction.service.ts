import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
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
 */
@Injectable()
export class TenantTransaction {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accessLog: AccessLogWriter,
  ) {}

  async run<T>(user: AuthUser, address: string | null, work: (ctx: RequestContext) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await applyTenantSettings(runner.manager, user);
      const ctx: RequestContext = { user, manager: runner.manager, address, accesses: [], afterCommit: [] };
      const result = await requestContext.run(ctx, () => work(ctx));
      await this.accessLog.append(runner.manager, ctx);
      await runner.commitTransaction();
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
}
