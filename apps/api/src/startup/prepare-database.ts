import { createHmac } from 'node:crypto';
import { danishToday } from '@outcomes/domain';
import { DEMO_IDS, seedDemo, seedDemoCaseRecords } from '@outcomes/seeds';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AccessLogWriter } from '../audit/access-log.writer';
import type { AuthUser } from '../auth/auth-user';
import { hashPassword } from '../auth/password';
import { IdentifierCrypto } from '../common/crypto/identifier-crypto';
import type { AppConfig } from '../config/config';
import { installJobQueue } from '../exports/job-queue';
import { dataSourceOptions } from './data-source-options';
import { startEmbeddedPostgres } from './embedded-postgres';
import { MIGRATIONS } from '../database/migrations';
import { loadSyntheticScale } from './seed-synthetic';

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

/**
 * Everything the database owner does to bring a database up to date: the migrations, pg-boss's own
 * schema and queues, and (for an API that checks it without the owner) read access to the list of
 * applied migrations. Run at start-up, or by `cli.js migrate` before replicas that do not migrate.
 */
export async function migrateAsOwner(owner: DataSource, ownerUrl: string, config: AppConfig, logger: Logger): Promise<void> {
  await migrate(owner, logger);
  await installJobQueue(owner, ownerUrl, APP_ROLE, config.exportJobTimeoutSeconds, logger);
  await owner.query(`GRANT SELECT ON migrations TO ${APP_ROLE}`);
  // The retention access_log_prune() applies: the owner's to set, never the API role's (it cannot read this table).
  await owner.query(
    `UPDATE access_log_settings SET retention = make_interval(days => $1), updated_at = now() WHERE id = 1 AND retention IS DISTINCT FROM make_interval(days => $1)`,
    [config.auditRetentionDays],
  );
  await quietAppRoleStatements(owner, logger);
}

/**
 * The API role's statements stay out of the server's log (decision 187): the access log's rows go
 * to PostgreSQL as literals in the text of the query that commits them (decision 181), and a refused
 * pipelined append (decision 183) is a routine error of that query, so under PostgreSQL's defaults
 * every refusal would log the rows' user and citizen ids, address and change. `panic` keeps the error
 * line without the statement; `-1` keeps the role's statements out of slow-statement logging, where
 * the statement waiting on a chain's lock is exactly that query. Set at every migration, not once in
 * a migration: role settings are not in a database's dump, so a restore onto a new server (tools/
 * backup) gets them back at its next start. An owner that may not (neither a superuser nor granted
 * SET on the parameters and ADMIN on the role) is told, and the deployment guide says what to set.
 */
async function quietAppRoleStatements(owner: DataSource, logger: Logger): Promise<void> {
  try {
    await owner.query(`ALTER ROLE ${APP_ROLE} SET log_min_error_statement = panic`);
    await owner.query(`ALTER ROLE ${APP_ROLE} SET log_min_duration_statement = -1`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error; // insufficient_privilege
    logger.warn(
      `${APP_ROLE}: log_min_error_statement and log_min_duration_statement left as they are (the database owner may not set them): set them as docs/deployment.md says, or failed and slow statements log access-log rows`,
    );
  }
}

/** The applied migrations as the app role sees them: none when the table is missing or not yet granted to it. */
async function appliedMigrations(app: DataSource): Promise<{ name: string }[]> {
  try {
    return (await app.query('SELECT name FROM migrations')) as { name: string }[];
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '42P01' || code === '42501') return []; // undefined_table, insufficient_privilege
    throw error;
  }
}

/** With MIGRATE_ON_START=false: refuse to serve a schema that `cli.js migrate` has not brought up to date. */
async function assertSchemaCurrent(appUrl: string): Promise<void> {
  const app = new DataSource({ ...dataSourceOptions(appUrl), entities: [], migrations: [] });
  await app.initialize();
  try {
    const applied = new Set((await appliedMigrations(app)).map((r) => r.name));
    // TypeORM records a migration by its `name` property, or its class name without one.
    const pending = MIGRATIONS.map((M) => (new M() as { name?: string }).name ?? M.name).filter((name) => !applied.has(name));
    if (pending.length > 0) throw new Error(`${pending.length} migration(s) pending (${pending.join(', ')}): run \`node dist/apps/api/cli.js migrate\` as the database owner first`);
  } finally {
    await app.destroy();
  }
}

/** Demo data is written once, on the first start; deleting a demo record later does not bring it back. */
async function seedDemoOnce(dataSource: DataSource, config: AppConfig, logger: Logger): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO seed_run (name, rows) VALUES ('demo', 0) ON CONFLICT DO NOTHING RETURNING name`,
    );
    if (inserted.length === 0) return;
    const crypto = new IdentifierCrypto(config.secrets.encryptionKey, config.secrets.blindIndexKey);
    const rows = await seedDemo((sql, params) => manager.query(sql, params), hashPassword, crypto);
    await manager.query(`UPDATE seed_run SET rows = $1 WHERE name = 'demo'`, [rows]);
    logger.info({ rows }, 'demo data seeded');
  });
}

/**
 * Synthetic cases at the `demo` scale (120 citizens in the two demo municipalities, two years of
 * enrolments, sessions, groups, outreach and ASI interviews), once, so that `npm start` shows
 * worklists, dashboards and exports with something in them. Seed 1, as of the first start.
 */
async function seedDemoCasesOnce(dataSource: DataSource, config: AppConfig, logger: Logger): Promise<void> {
  const loaded = (await dataSource.query(`SELECT 1 FROM seed_run WHERE name LIKE 'synthetic:%'`)) as unknown[];
  if (loaded.length > 0) return;
  const summary = await loadSyntheticScale(dataSource, config, {
    scale: 'demo',
    seed: 1,
    asOf: danishToday(),
    log: (message) => logger.debug(message),
  });
  logger.info({ rows: Object.values(summary.rows).reduce((a, b) => a + b, 0) }, 'synthetic demo cases seeded');
  // The legal case record (issue 21): requests within and past the guarantee, a decision, a plan due for review.
  const crypto = new IdentifierCrypto(config.secrets.encryptionKey, config.secrets.blindIndexKey);
  const accessLog = new AccessLogWriter(config);
  const records = await dataSource.transaction(async (manager) => {
    const rows = await seedDemoCaseRecords((sql, params) => manager.query(sql, params), crypto);
    // Recorded as a bulk load is (seed-synthetic.ts): one create per municipality, by the demo staff member the records name.
    for (const town of ['odense', 'aarhus'] as const) {
      const user = { id: DEMO_IDS.users[town].staff, role: 'staff', municipalityId: DEMO_IDS.municipalities[town], grantedMunicipalityIds: [] } as unknown as AuthUser;
      await accessLog.append(manager, { user, manager, address: null, afterCommit: [], accesses: [{ action: 'create', resource: 'synthetic-data', criterion: JSON.stringify({ demo: 'case-records', citizens: 3 }), outcome: 'ok' }] });
    }
    return rows;
  });
  logger.info({ rows: records }, 'demo case records seeded');
}

/**
 * The API serves requests as the restricted role (no ownership, no BYPASSRLS). Given explicitly by
 * DATABASE_APP_URL, or else enabled for login here by the owner, with a password derived from the
 * application's secrets, so every replica sharing those secrets derives the same one.
 */
export async function appRoleUrl(config: AppConfig, owner: DataSource, ownerUrl: string): Promise<string> {
  if (config.databaseAppUrl) return config.databaseAppUrl;
  const { url, password } = derivedAppRole(config, ownerUrl);
  // ALTER ROLE takes no bind parameters; the password is hex, so inlining it is safe.
  await owner.query(`ALTER ROLE ${APP_ROLE} WITH LOGIN PASSWORD '${password}'`);
  return url;
}

/**
 * The API role's login when DATABASE_APP_URL is not set: the owner's address with the role and a
 * password derived from JWT_SECRET. Only the API's start-up sets it (appRoleUrl); a command uses it
 * as it is, so a command run with another JWT_SECRET cannot change the running API's password.
 */
export function derivedAppRole(config: AppConfig, ownerUrl: string): { url: string; password: string } {
  const password = createHmac('sha256', config.secrets.jwtSecret).update('outcomes_app database password').digest('hex');
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = password;
  return { url: url.toString(), password };
}

/** Finds or starts PostgreSQL, brings its schema up to date and seeds demo data when configured. */
export async function prepareDatabase(config: AppConfig, logger: Logger): Promise<PreparedDatabase> {
  if (!config.migrateOnStart && config.databaseAppUrl) {
    await assertSchemaCurrent(config.databaseAppUrl);
    return { appUrl: config.databaseAppUrl, stop: async () => undefined };
  }
  const database = config.databaseUrl
    ? { url: config.databaseUrl, stop: async () => undefined }
    : await startEmbeddedPostgres(config.dataDir, logger);
  const owner = new DataSource(dataSourceOptions(database.url));
  try {
    await owner.initialize();
    await migrateAsOwner(owner, database.url, config, logger);
    if (config.seedDemo) await seedDemoOnce(owner, config, logger);
    if (config.seedDemoCases) await seedDemoCasesOnce(owner, config, logger);
    return { appUrl: await appRoleUrl(config, owner, database.url), stop: database.stop };
  } catch (error) {
    await database.stop();
    throw error;
  } finally {
    if (owner.isInitialized) await owner.destroy();
  }
}
