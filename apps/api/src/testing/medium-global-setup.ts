import './register-paths';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { seedDemo } from '@outcomes/seeds';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../startup/data-source-options';

interface ThrowawayPostgres {
  url: string;
  stop(): Promise<void>;
}

declare global {
  var __MEDIUM_DATABASE__: ThrowawayPostgres | undefined;
}

/**
 * Once per medium run: a fresh database (a new one on DATABASE_URL's server, or an embedded
 * PostgreSQL without it: tools/testing/throwaway-postgres.mjs, as the integration tests), brought
 * up to date by the migrations (never synchronize) and given the demo municipalities, centres and
 * users of seeds/ (DEMO_IDS), which the factories refer to. Each test file then works inside
 * transactions it rolls back (medium.ts), so this database stays as it is here for the whole run.
 */
export default async function mediumGlobalSetup(): Promise<void> {
  const { startThrowawayPostgres } = (await import(join(__dirname, '../../../../tools/testing/throwaway-postgres.mjs'))) as {
    startThrowawayPostgres(): Promise<ThrowawayPostgres>;
  };
  const db = await startThrowawayPostgres();
  globalThis.__MEDIUM_DATABASE__ = db;
  const owner = new DataSource(dataSourceOptions(db.url));
  try {
    await owner.initialize();
    await owner.runMigrations({ transaction: 'each' });
    // No one signs in here: a stand-in for the password hash spares eight argon2 hashes per run.
    await seedDemo((sql, params) => owner.query(sql, params), async () => 'medium tests sign no one in');
  } catch (error) {
    await db.stop();
    throw error;
  } finally {
    if (owner.isInitialized) await owner.destroy();
  }
  process.env['MEDIUM_DATABASE_URL'] = db.url;
  // The keys of this run's personal data at rest, for the factories and the services (IdentifierCrypto).
  process.env['MEDIUM_ENCRYPTION_KEY'] = randomBytes(32).toString('base64');
  process.env['MEDIUM_BLIND_INDEX_KEY'] = randomBytes(32).toString('base64');
}
