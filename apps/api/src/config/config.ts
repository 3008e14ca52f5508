import { resolve } from 'node:path';
import type { NodeEnv } from './app-config';
import { readEnvironment } from './app-config';
import type { AppSecrets } from './secrets';
import { resolveSecrets } from './secrets';

/** The validated configuration the whole API runs on. */
export interface AppConfig {
  port: number;
  host: string;
  nodeEnv: NodeEnv;
  production: boolean;
  /** Absolute path of the data directory (embedded PostgreSQL, generated secrets). */
  dataDir: string;
  /** External PostgreSQL; undefined means: start the embedded one. */
  databaseUrl: string | undefined;
  /** Connection of the restricted application role, when given explicitly. */
  databaseAppUrl: string | undefined;
  /** A read-only replica for reports and exports; undefined: they read from the primary. */
  databaseReadUrl: string | undefined;
  seedDemo: boolean;
  /** Synthetic demo cases with the demo accounts: by default only where demo data is the default (`npm start`). */
  seedDemoCases: boolean;
  /** false: `cli.js migrate` has run as the owner; the API needs only databaseAppUrl. */
  migrateOnStart: boolean;
  /** Login attempts per minute and client address. */
  loginRateLimit: number;
  /** Proxies trusted to forward the client's address and scheme (Express's `trust proxy`); empty: none. */
  trustProxy: string[];
  /** Days the access log keeps its rows. */
  auditRetentionDays: number;
  /** Hours a finished export stays downloadable. */
  exportRetentionHours: number;
  /** Seconds an export job may run before it is taken for dead and retried. */
  exportJobTimeoutSeconds: number;
  /** Exports one user may have queued or running at once. */
  exportMaxConcurrentPerUser: number;
  logLevel: string;
  /** Browser origins other than the API's own that may call it (the Vite dev server in development). */
  corsOrigins: string[];
  secrets: AppSecrets;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const vars = readEnvironment(env);
  const production = vars.NODE_ENV === 'production';
  const dataDir = resolve(vars.DATA_DIR);
  const migrateOnStart = vars.MIGRATE_ON_START === 'true';
  const embedded = vars.DATABASE_URL === undefined && migrateOnStart;
  return {
    port: vars.PORT,
    host: vars.HOST,
    nodeEnv: vars.NODE_ENV,
    production,
    dataDir,
    databaseUrl: vars.DATABASE_URL,
    databaseAppUrl: vars.DATABASE_APP_URL,
    databaseReadUrl: vars.DATABASE_READ_URL,
    migrateOnStart,
    loginRateLimit: vars.LOGIN_RATE_LIMIT,
    trustProxy: vars.TRUST_PROXY === 'none' ? [] : vars.TRUST_PROXY.split(',').map((entry) => entry.trim()),
    auditRetentionDays: vars.AUDIT_RETENTION_DAYS,
    exportRetentionHours: vars.EXPORT_RETENTION_HOURS,
    exportJobTimeoutSeconds: vars.EXPORT_JOB_TIMEOUT_SECONDS,
    exportMaxConcurrentPerUser: vars.EXPORT_MAX_CONCURRENT_PER_USER,
    // Demo data by default only on the embedded database, never in production (nor without the owner).
    seedDemo: !production && migrateOnStart && (vars.SEED_DEMO === undefined ? embedded : vars.SEED_DEMO === 'true'),
    seedDemoCases: !production && migrateOnStart && (vars.SEED_DEMO === undefined ? embedded : vars.SEED_DEMO === 'true') && (vars.SEED_DEMO_CASES === undefined ? embedded : vars.SEED_DEMO_CASES === 'true'),
    logLevel: vars.LOG_LEVEL ?? (vars.NODE_ENV === 'test' ? 'warn' : 'info'),
    corsOrigins: vars.CORS_ORIGINS ? vars.CORS_ORIGINS.split(',') : production ? [] : ['http://127.0.0.1:4200'],
    secrets: resolveSecrets(vars, production, dataDir),
  };
}
