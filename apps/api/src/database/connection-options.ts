import type { DataSourceOptions } from 'typeorm';
import { AutoPrepareClient } from './auto-prepare-client';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * How this API talks to PostgreSQL, without the entities: the read connection (tenancy's
 * ReadTransaction) needs exactly these settings and no entity metadata, and this layer must not know
 * the features. startup/data-source-options.ts adds the entities and the migrations.
 */
export function connectionOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: {
      max: 10,
      // Fail fast when the database is away, so requests answer 503 instead of hanging.
      connectionTimeoutMillis: 2000,
      statement_timeout: 30000,
      application_name: 'outcomes-api',
      // pg-pool's own option: its connections prepare the statements sent again and again (decision 188).
      Client: AutoPrepareClient,
    },
  };
}
