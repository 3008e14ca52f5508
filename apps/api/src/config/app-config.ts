import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
const toDecimal = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;

/**
 * The environment variables the API reads, each with its default and rule. This is the only
 * place that reads process.env; everything else receives an AppConfig.
 */
export class EnvironmentVariables {
  @Transform(toInt)
  @IsInt({ message: 'PORT must be an integer between 0 and 65535' })
  @Min(0, { message: 'PORT must be an integer between 0 and 65535' })
  @Max(65535, { message: 'PORT must be an integer between 0 and 65535' })
  PORT = 3000;

  @IsString()
  @Matches(/^[\w.:-]+$/, { message: 'HOST must be a host name or an IP address' })
  HOST = '127.0.0.1';

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsString()
  @Matches(/\S/, { message: 'DATA_DIR must not be empty' })
  DATA_DIR = './.data';

  @IsIn(NODE_ENVS, { message: `NODE_ENV must be one of ${NODE_ENVS.join(', ')}` })
  NODE_ENV: NodeEnv = 'development';

  @IsOptional()
  @IsIn(['true', 'false'], { message: 'SEED_DEMO must be true or false' })
  SEED_DEMO?: 'true' | 'false';

  /** With the demo accounts, the `demo` scale of synthetic cases (seeds/synthetic), so the screens have something to show. */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'SEED_DEMO_CASES must be true or false' })
  SEED_DEMO_CASES?: 'true' | 'false';

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
  })
  LOG_LEVEL?: string;

  /** Comma-separated origins allowed to call the API from a browser (the web app itself is same-origin). */
  @IsOptional()
  @Matches(/^https?:\/\/[^,\s]+(,https?:\/\/[^,\s]+)*$/, { message: 'CORS_ORIGINS must be comma-separated http(s) origins' })
  CORS_ORIGINS?: string;

  /** The restricted role the API runs as; unset: derived from DATABASE_URL (see prepare-database.ts). */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_APP_URL must be a postgres:// URL' })
  DATABASE_APP_URL?: string;

  /**
   * A read-only streaming replica that the outcome report and evaluator exports read from; unset:
   * they read from the primary. Without a user in the URL, the restricted role's is used.
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_READ_URL must be a postgres:// URL' })
  DATABASE_READ_URL?: string;

  /**
   * false: the schema is brought up to date beforehand by `cli.js migrate` as the database owner (a
   * one-shot job before the replicas start), and the API connects only as DATABASE_APP_URL's role.
   */
  @IsIn(['true', 'false'], { message: 'MIGRATE_ON_START must be true or false' })
  MIGRATE_ON_START: 'true' | 'false' = 'true';

  @Transform(toInt)
  @IsInt({ message: 'LOGIN_RATE_LIMIT must be a whole number of login attempts per minute and address' })
  @Min(1, { message: 'LOGIN_RATE_LIMIT must be at least 1' })
  LOGIN_RATE_LIMIT = 10;

  /**
   * Which proxies may tell the client's address (X-Forwarded-For) and scheme: `none` (the default:
   * the socket's address is the client's), or Express's trust-proxy names (loopback, linklocal,
   * uniquelocal) and addresses and CIDR ranges, comma-separated. The rate limit and the access log use
   * that address, and the cookie's Secure flag that scheme. The default was `loopback`, which let any
   * client on the same host name its own address (issue 17).
   */
  @Matches(/^(none|(loopback|linklocal|uniquelocal|[0-9A-Fa-f:.]+(\/\d{1,3})?)(,\s*(loopback|linklocal|uniquelocal|[0-9A-Fa-f:.]+(\/\d{1,3})?))*)$/, {
    message: 'TRUST_PROXY must be none, or comma-separated proxy addresses or CIDR ranges, or loopback, linklocal, uniquelocal',
  })
  TRUST_PROXY = 'none';

  @Transform(toInt)
  @IsInt({ message: 'AUDIT_RETENTION_DAYS must be a whole number of days' })
  @Min(1, { message: 'AUDIT_RETENTION_DAYS must be at least 1' })
  AUDIT_RETENTION_DAYS = 183;

  /**
   * Minutes after writing a note in which its author may fix an obvious typo without a reason (still
   * kept as a version, marked as a typo fix). Journal practice allows only obvious typos to be fixed
   * directly; no source names a window, so it is a setting (docs/domain.md, "Notes that are never lost").
   */
  @Transform(toInt)
  @IsInt({ message: 'NOTE_TYPO_WINDOW_MINUTES must be a whole number of minutes' })
  @Min(0, { message: 'NOTE_TYPO_WINDOW_MINUTES must be at least 0 (0: no typo fixes)' })
  @Max(1440, { message: 'NOTE_TYPO_WINDOW_MINUTES must be at most 1440 (a day)' })
  NOTE_TYPO_WINDOW_MINUTES = 15;

  @Transform(toInt)
  @IsInt({ message: 'EXPORT_RETENTION_HOURS must be a whole number of hours' })
  @Min(1, { message: 'EXPORT_RETENTION_HOURS must be at least 1' })
  @Max(720, { message: 'EXPORT_RETENTION_HOURS must be at most 720 (30 days)' })
  EXPORT_RETENTION_HOURS = 24;

  /** The largest import file (CSV or XLSX) read, in bytes; a larger upload is refused with 413 naming the limit. */
  @Transform(toInt)
  @IsInt({ message: 'IMPORT_MAX_BYTES must be a whole number of bytes' })
  @Min(1024, { message: 'IMPORT_MAX_BYTES must be at least 1024' })
  @Max(100 * 1024 * 1024, { message: 'IMPORT_MAX_BYTES must be at most 104857600 (100 MiB)' })
  IMPORT_MAX_BYTES = 10 * 1024 * 1024;

  /**
   * The export job's lease: a job running longer is taken for dead (its process gone) and retried
   * on another replica. Must exceed the longest export; short only to test a crashed replica.
   */
  @Transform(toInt)
  @IsInt({ message: 'EXPORT_JOB_TIMEOUT_SECONDS must be a whole number of seconds' })
  @Min(10, { message: 'EXPORT_JOB_TIMEOUT_SECONDS must be at least 10' })
  @Max(86_400, { message: 'EXPORT_JOB_TIMEOUT_SECONDS must be at most 86400 (24 hours, the job queue\'s limit)' })
  EXPORT_JOB_TIMEOUT_SECONDS = 900;

  /**
   * The V8 heap (old generation, MiB) of the worker process that writes an export (decision 132):
   * a worker that needs more dies (V8's fatal out-of-memory) and its job is retried, then failed,
   * while the API stays up. Its working set is one batch of rows and the release's groups.
   */
  @Transform(toInt)
  @IsInt({ message: 'EXPORT_WORKER_HEAP_MIB must be a whole number of MiB' })
  @Min(1, { message: 'EXPORT_WORKER_HEAP_MIB must be at least 1' })
  @Max(4096, { message: 'EXPORT_WORKER_HEAP_MIB must be at most 4096' })
  EXPORT_WORKER_HEAP_MIB = 96;

  /**
   * Exports one user may have queued or running at once, across their projects (one per project is
   * the database's own rule). Each export holds a worker and a long transaction: the cap keeps one
   * evaluator from occupying every replica's worker (OWASP API4).
   */
  @Transform(toInt)
  @IsInt({ message: 'EXPORT_MAX_CONCURRENT_PER_USER must be a whole number of exports' })
  @Min(1, { message: 'EXPORT_MAX_CONCURRENT_PER_USER must be at least 1' })
  @Max(100, { message: 'EXPORT_MAX_CONCURRENT_PER_USER must be at most 100' })
  EXPORT_MAX_CONCURRENT_PER_USER = 2;

  /**
   * The cell key method's largest noise (D) on an evaluator's report figures (docs/disclosure.md).
   * Not to be published: knowing D and V helps an attacker bound the true counts.
   */
  @Transform(toInt)
  @IsInt({ message: 'DISCLOSURE_MAX_NOISE must be a whole number' })
  // With D = 2 a true 3 could not move (its only allowed values are 3, 4 and 5: no mean-0 noise but none).
  @Min(3, { message: 'DISCLOSURE_MAX_NOISE must be at least 3 (with no published 1s or 2s, a smaller one leaves a true 3 unperturbed)' })
  @Max(10, { message: 'DISCLOSURE_MAX_NOISE must be at most 10' })
  DISCLOSURE_MAX_NOISE = 3;

  /** The noise's variance (V); not to be published either. */
  @Transform(toDecimal)
  @IsNumber({}, { message: 'DISCLOSURE_VARIANCE must be a number' })
  @Min(0.1, { message: 'DISCLOSURE_VARIANCE must be at least 0.1' })
  @Max(25, { message: 'DISCLOSURE_VARIANCE must be at most 25' })
  DISCLOSURE_VARIANCE = 2;

  /**
   * Verifications of the whole access log (GET /api/access-log/verify) one user may run per minute
   * (decision 173): each walks every row. Besides, one runs at a time per municipality.
   */
  @Transform(toInt)
  @IsInt({ message: 'ACCESS_LOG_VERIFY_PER_MINUTE must be a whole number of verifications' })
  @Min(1, { message: 'ACCESS_LOG_VERIFY_PER_MINUTE must be at least 1' })
  @Max(1000, { message: 'ACCESS_LOG_VERIFY_PER_MINUTE must be at most 1000' })
  ACCESS_LOG_VERIFY_PER_MINUTE = 4;

  /**
   * Verifications of the access log that may run at once per municipality (the national operator
   * counts as one), across replicas: each holds a connection and walks the whole log (decision 173).
   */
  @Transform(toInt)
  @IsInt({ message: 'ACCESS_LOG_VERIFY_CONCURRENT must be a whole number of verifications' })
  @Min(1, { message: 'ACCESS_LOG_VERIFY_CONCURRENT must be at least 1' })
  @Max(16, { message: 'ACCESS_LOG_VERIFY_CONCURRENT must be at most 16' })
  ACCESS_LOG_VERIFY_CONCURRENT = 1;

  /** Distinct report queries an evaluator may make per Danish day (the averaging attack, docs/disclosure.md). */
  @Transform(toInt)
  @IsInt({ message: 'REPORT_QUERY_BUDGET must be a whole number of queries' })
  @Min(1, { message: 'REPORT_QUERY_BUDGET must be at least 1' })
  @Max(100000, { message: 'REPORT_QUERY_BUDGET must be at most 100000' })
  REPORT_QUERY_BUDGET = 200;

  /**
   * The treatment guarantee's days (Serviceloven § 101 stk. 4: 14), counted as calendar days
   * (unconfirmed: no source says working days; docs/domain.md).
   */
  @Transform(toInt)
  @IsInt({ message: 'TREATMENT_GUARANTEE_DAYS must be a whole number of days' })
  @Min(1, { message: 'TREATMENT_GUARANTEE_DAYS must be at least 1' })
  @Max(60, { message: 'TREATMENT_GUARANTEE_DAYS must be at most 60' })
  TREATMENT_GUARANTEE_DAYS = 14;

  /**
   * Where the access log's signed anchors are appended (JSON lines, one file per day), besides the
   * log stream. Unset: DATA_DIR/audit-anchors outside production, the log stream alone in
   * production. Point it at storage the database's owner cannot rewrite (another host, an
   * append-only mount); every replica may share it.
   */
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'AUDIT_ANCHOR_DIR must not be empty' })
  AUDIT_ANCHOR_DIR?: string;

  /** Seconds between anchors of the chain's head (written when it moved, plus an hourly heartbeat). */
  @Transform(toInt)
  @IsInt({ message: 'AUDIT_ANCHOR_INTERVAL_SECONDS must be a whole number of seconds' })
  @Min(1, { message: 'AUDIT_ANCHOR_INTERVAL_SECONDS must be at least 1' })
  @Max(60, { message: 'AUDIT_ANCHOR_INTERVAL_SECONDS must be at most 60 (an anchor at least every minute)' })
  AUDIT_ANCHOR_INTERVAL_SECONDS = 60;

  /**
   * Public keys (Ed25519, SPKI PEM or DER in base64; comma-separated across a key rotation) that
   * `audit-verify` accepts anchors from. Unset: the one derived from AUDIT_SIGNING_KEY.
   */
  @IsOptional() @IsString() AUDIT_VERIFY_KEY?: string;

  /** Application secrets: required from the environment in production, generated into DATA_DIR otherwise. */
  @IsOptional() @IsString() JWT_SECRET?: string;
  @IsOptional() @IsString() ENCRYPTION_KEY?: string;
  @IsOptional() @IsString() BLIND_INDEX_KEY?: string;
  @IsOptional() @IsString() AUDIT_KEY?: string;
  /** Ed25519 private key signing the access log's anchors (PKCS8, PEM or DER in base64). */
  @IsOptional() @IsString() AUDIT_SIGNING_KEY?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment; throws ConfigError naming every bad variable. */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env): EnvironmentVariables {
  const known = Object.keys(new EnvironmentVariables()).concat([
    'DATABASE_URL', 'SEED_DEMO', 'SEED_DEMO_CASES', 'LOG_LEVEL', 'CORS_ORIGINS', 'DATABASE_APP_URL', 'DATABASE_READ_URL', 'JWT_SECRET', 'ENCRYPTION_KEY', 'BLIND_INDEX_KEY', 'AUDIT_KEY',
    'AUDIT_SIGNING_KEY', 'AUDIT_VERIFY_KEY', 'AUDIT_ANCHOR_DIR',
  ]);
  // Empty strings count as unset, so `PORT= npm start` behaves like no PORT at all.
  const present = Object.fromEntries(
    known.filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]),
  );
  const vars = plainToInstance(EnvironmentVariables, present);
  const errors = validateSync(vars, { skipMissingProperties: false });
  const problems = errors.flatMap((e) => Object.values(e.constraints ?? {}));
  if (vars.MIGRATE_ON_START === 'false' && !vars.DATABASE_APP_URL) {
    problems.push('MIGRATE_ON_START=false needs DATABASE_APP_URL (the API then connects only as that role)');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return vars;
}
