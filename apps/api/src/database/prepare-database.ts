import { seedDemo } from '@outcomes/seeds';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { dataSourceOptions } from './data-source-options';
import { startEmbeddedPostgres } from './embedded-postgres';
import type { RunningDatabase } from './embedded-postgres';

// Any fixed number; replicas starting together take turns migrating.
const MIGRATION_LOCK = 815_001;

/** Runs pending migrations under an advisory lock, so two replicas starting at once do not race. */
export async function migrate(dataSource: DataSource, logger: Logger): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    await runner.release();
  }
}

/** Demo data is written once, on the first start; deleting a demo record later does not bring it back. */
async function seedDemoOnce(dataSource: DataSource, logger: Logger): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO seed_run (name, rows) VALUES ('demo', 0) ON CONFLICT DO NOTHING RETURNING name`,
    );
    if (inserted.length === 0) return;
    const rows = await seedDemo((sql, params) => manager.query(sql, params));
    await manager.query(`UPDATE seed_run SET rows = $1 WHERE name = 'demo'`, [rows]);
    logger.info({ rows }, 'demo data seeded');
  });
}

/** Finds or starts PostgreSQL, brings its schema up to date and seeds demo data when configured. */
export async function prepareDatabase(config: AppConfig, logger: Logger): Promise<RunningDatabase> {
  const database: RunningDatabase = config.databaseUrl
    ? { url: config.databaseUrl, stop: async () => undefined }
    : await startEmbeddedPostgres(config.dataDir, logger);
  const dataSource = new DataSource(dataSourceOptions(database.url));
  try {
    await dataSource.initialize();
    await migrate(dataSource, logger);
    if (config.seedDemo) await seedDemoOnce(dataSource, logger);
  } catch (error) {
    await database.stop();
    throw error;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
  return database;
}
