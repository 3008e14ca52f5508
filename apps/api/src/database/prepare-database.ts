import { createHmac } from 'node:crypto';
import { seedDemo } from '@outcomes/seeds';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { hashPassword } from '../auth/password';
import type { AppConfig } from '../config/config';
import { installJobQueue } from '../exports/job-queue';
import { dataSourceOptions } from './data-source-options';
import { startEmbeddedPostgres } from './embedded-postgres';

// Any fixed number; replicas starting together take turns migrating.
const MIGRATION_LOCK = 815_001;
export const APP_ROLE = 'outcomes_app';

export interface PreparedDatabase {
  /** The restricted role's connection: what the API serves requests with. */
  appUrl: string;
  stop(): Promise<void>;
}

/** Runs pending migrations as the owner, under an advisory lock, so two replicas starting at once do not race. */
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
    const rows = await seedDemo((sql, params) => manager.query(sql, params), hashPassword);
    await manager.query(`UPDATE seed_run SET rows = $1 WHERE name = 'demo'`, [rows]);
    logger.info({ rows }, 'demo data seeded');
  });
}

/**
 * The API serves requests as the restricted role (no ownership, no BYPASSRLS). Given explicitly by
 * DATABASE_APP_URL, or else enabled for login here by the owner, with a password derived from the
 * application's secrets, so every replica sharing those secrets derives the same one.
 */
async function appRoleUrl(config: AppConfig, owner: DataSource, ownerUrl: string): Promise<string> {
  if (config.databaseAppUrl) return config.databaseAppUrl;
  const password = createHmac('sha256', config.secrets.jwtSecret).update('outcomes_app database password').digest('hex');
  // ALTER ROLE takes no bind parameters; the password is hex, so inlining it is safe.
  await owner.query(`ALTER ROLE ${APP_ROLE} WITH LOGIN PASSWORD '${password}'`);
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}

/** Finds or starts PostgreSQL, brings its schema up to date and seeds demo data when configured. */
export async function prepareDatabase(config: AppConfig, logger: Logger): Promise<PreparedDatabase> {
  const database = config.databaseUrl
    ? { url: config.databaseUrl, stop: async () => undefined }
    : await startEmbeddedPostgres(config.dataDir, logger);
  const owner = new DataSource(dataSourceOptions(database.url));
  try {
    await owner.initialize();
    await migrate(owner, logger);
    await installJobQueue(database.url, APP_ROLE, logger);
    if (config.seedDemo) await seedDemoOnce(owner, logger);
    return { appUrl: await appRoleUrl(config, owner, database.url), stop: database.stop };
  } catch (error) {
    await database.stop();
    throw error;
  } finally {
    if (owner.isInitialized) await owner.destroy();
  }
}
