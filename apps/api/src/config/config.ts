import { join, resolve } from 'node:path';
import { createPublicKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { parseSigningKey, parseVerifyKey } from '../audit/anchor-signing';
import type { NodeEnv } from './app-config';
import { ConfigError, readEnvironment } from './app-config';
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
  /** Minutes in which a note's author may fix a typo without a reason (still versioned). */
  noteTypoWindowMinutes: number;
  /** Hours a finished export stays downloadable. */
  exportRetentionHours: number;
  /** Seconds an export job may run before it is taken for dead and retried. */
  exportJobTimeoutSeconds: number;
  /** The old-generation heap (MiB) of an export's worker process. */
  exportWorkerHeapMiB: number;
  /** Exports one user may have queued or running at once. */
  exportMaxConcurrentPerUser: number;
  /** IMPORT_MAX_BYTES: the largest import file read. */
  importMaxBytes: number;
  /** The cell key method's settings (D and V; no 1s or 2s is fixed): never published. */
  disclosure: { maxNoise: number; variance: number };
  /** Distinct report queries an evaluator may make per Danish day. */
  reportQueryBudget: number;
  /** Verifications of the whole access log one user may run per minute (one per municipality at a time). */
  accessLogVerifyPerMinute: number;
  /** Verifications of the access log running at once per municipality. */
  accessLogVerifyConcurrent: number;
  /** The treatment guarantee's calendar days from the request to the start (14). */
  treatmentGuaranteeDays: number;
  logLevel: string;
  /** Browser origins other than the API's own that may call it (the Vite dev server in development). */
  corsOrigins: string[];
  secrets: AppSecrets;
  auditAnchors: AuditAnchorConfig;
}

export interface AuditAnchorConfig {
  /** The anchor directory; undefined: anchors go to the log stream only. */
  dir: string | undefined;
  intervalSeconds: number;
  /** Signs anchors; undefined only in a verifier given AUDIT_VERIFY_KEY alone. */
  signingKey: KeyObject | undefined;
  /** What audit-verify accepts: AUDIT_VERIFY_KEY's keys, else the signing key's public half. */
  verifyKeys: KeyObject[];
}

export interface LoadOptions {
  /** audit-verify: checks signatures with public keys (AUDIT_VERIFY_KEY), so AUDIT_SIGNING_KEY is not required. */
  verifier?: boolean;
}

function auditAnchorConfig(vars: ReturnType<typeof readEnvironment>, production: boolean, dataDir: string, secrets: AppSecrets): AuditAnchorConfig {
  const signingKey = secrets.auditSigningKey ? parseSigningKey(secrets.auditSigningKey) : undefined;
  let verifyKeys: KeyObject[] = signingKey ? [createPublicKey(signingKey)] : [];
  if (vars.AUDIT_VERIFY_KEY) {
    const problems: string[] = [];
    verifyKeys = vars.AUDIT_VERIFY_KEY.split(',').flatMap((text, i) => {
      try {
        return [parseVerifyKey(text)];
      } catch (error) {
        problems.push(`AUDIT_VERIFY_KEY (key ${i + 1}) ${(error as Error).message}`);
        return [];
      }
    });
    if (problems.length > 0) throw new ConfigError(problems);
  }
  return {
    dir: vars.AUDIT_ANCHOR_DIR ? resolve(vars.AUDIT_ANCHOR_DIR) : production ? undefined : join(dataDir, 'audit-anchors'),
    intervalSeconds: vars.AUDIT_ANCHOR_INTERVAL_SECONDS,
    signingKey,
    verifyKeys,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** The restricted role's connection URL (the one the request path, the job queue and the anchors use). */
export const APP_DATABASE_URL = Symbol('APP_DATABASE_URL');

export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: LoadOptions = {}): AppConfig {
  const vars = readEnvironment(env);
  const production = vars.NODE_ENV === 'production';
  const dataDir = resolve(vars.DATA_DIR);
  const migrateOnStart = vars.MIGRATE_ON_START === 'true';
  const embedded = vars.DATABASE_URL === undefined && migrateOnStart;
  const secrets = resolveSecrets(vars, production, dataDir, { signingKeyRequired: !options.verifier });
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
    noteTypoWindowMinutes: vars.NOTE_TYPO_WINDOW_MINUTES,
    exportRetentionHours: vars.EXPORT_RETENTION_HOURS,
    exportJobTimeoutSeconds: vars.EXPORT_JOB_TIMEOUT_SECONDS,
    exportWorkerHeapMiB: vars.EXPORT_WORKER_HEAP_MIB,
    exportMaxConcurrentPerUser: vars.EXPORT_MAX_CONCURRENT_PER_USER,
    importMaxBytes: vars.IMPORT_MAX_BYTES,
    disclosure: { maxNoise: vars.DISCLOSURE_MAX_NOISE, variance: vars.DISCLOSURE_VARIANCE },
    reportQueryBudget: vars.REPORT_QUERY_BUDGET,
    accessLogVerifyPerMinute: vars.ACCESS_LOG_VERIFY_PER_MINUTE,
    accessLogVerifyConcurrent: vars.ACCESS_LOG_VERIFY_CONCURRENT,
    treatmentGuaranteeDays: vars.TREATMENT_GUARANTEE_DAYS,
    // Demo data by default only on the embedded database, never in production (nor without the owner).
    seedDemo: !production && migrateOnStart && (vars.SEED_DEMO === undefined ? embedded : vars.SEED_DEMO === 'true'),
    seedDemoCases: !production && migrateOnStart && (vars.SEED_DEMO === undefined ? embedded : vars.SEED_DEMO === 'true') && (vars.SEED_DEMO_CASES === undefined ? embedded : vars.SEED_DEMO_CASES === 'true'),
    logLevel: vars.LOG_LEVEL ?? (vars.NODE_ENV === 'test' ? 'warn' : 'info'),
    corsOrigins: vars.CORS_ORIGINS ? vars.CORS_ORIGINS.split(',') : production ? [] : ['http://127.0.0.1:4200'],
    secrets,
    auditAnchors: auditAnchorConfig(vars, production, dataDir, secrets),
  };
}
