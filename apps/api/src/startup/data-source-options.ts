import type { DataSourceOptions } from 'typeorm';
import { connectionOptions } from '../database/connection-options';
import { MIGRATIONS } from '../database/migrations';
import { ENTITIES } from './entities';

/** The one set of options behind Nest's connection, the start-up migrator and the TypeORM CLI. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return { ...connectionOptions(url), entities: ENTITIES, migrations: MIGRATIONS, migrationsTableName: 'migrations' } as DataSourceOptions;
}
