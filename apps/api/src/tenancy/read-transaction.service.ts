import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import type { AppConfig } from '../config/config';
import { APP_CONFIG, APP_DATABASE_URL } from '../config/config';
import { connectionOptions } from '../database/connection-options';
import { applyTenantSettings } from './tenant-session';
import { asMunicipality } from './tenant-settings';

/** What a read transaction offers: its manager, and moving its tenant to a municipality the user may read. */
export interface ReadScope {
  manager: EntityManager;
  as<T>(municipalityId: string, work: () => Promise<T>): Promise<T>;
}

/**
 * DATABASE_READ_URL without a user (postgres://replica:5432/outcomes) borrows the restricted role's
 * name and password from the primary's connection: a streaming replica has the same roles, and the
 * role's password may be one the API derived itself (see prepare-database.ts).
 */
export function readConnectionUrl(readUrl: string, appUrl: string): string {
  const read = new URL(readUrl);
  if (read.username) return readUrl;
  const app = new URL(appUrl);
  read.username = app.username;
  read.password = app.password;
  return read.toString();
}

/**
 * The big reads (the outcome report, evaluator exports) go through here: a READ ONLY, REPEATABLE READ
 * transaction (one snapshot for the count and the rows) on the read connection, DATABASE_READ_URL, a
 * streaming replica, so that they do not load the primary; on the primary itself when it is unset.
 * The same tenant settings as the request's are set, so row-level security applies there exactly as
 * on the primary. Nothing is written through it: the access-log rows and the export file are
 * written on the primary, in the request's or the job's own transaction.
 */
@Injectable()
export class ReadTransaction implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ReadTransaction');
  private separate: DataSource | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_DATABASE_URL) private readonly appUrl: string,
    @InjectDataSource() private readonly primary: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.databaseReadUrl) return;
    const url = readConnectionUrl(this.config.databaseReadUrl, this.appUrl);
    const options = connectionOptions(url);
    const dataSource = new DataSource({ ...options, extra: { ...options.extra, application_name: 'outcomes-api-read' } } as typeof options);
    await dataSource.initialize();
    // Row-level security is the tenant boundary: a role that escapes it must not serve these reads.
    const [role] = (await dataSource.query(
      `SELECT rolsuper OR rolbypassrls AS unbounded, EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owner
       FROM pg_roles WHERE rolname = current_user`,
    )) as { unbounded: boolean; owner: boolean }[];
    if (!role || role.unbounded || role.owner) {
      await dataSource.destroy();
      throw new Error('DATABASE_READ_URL must connect as the restricted application role (not a superuser, not BYPASSRLS, not the tables\' owner)');
    }
    this.separate = dataSource;
    this.logger.log('reports and exports read from DATABASE_READ_URL');
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.separate?.isInitialized) await this.separate.destroy();
  }

  async run<T>(user: AuthUser, work: (read: ReadScope) => Promise<T>): Promise<T> {
    const runner = (this.separate ?? this.primary).createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      await applyTenantSettings(runner.manager, user);
      const scope: ReadScope = { manager: runner.manager, as: (municipalityId, fn) => asMunicipality(runner.manager, user, municipalityId, fn) };
      const result = await work(scope);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }
}
