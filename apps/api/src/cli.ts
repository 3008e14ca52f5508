import 'reflect-metadata';
import { EXPORT_DATASETS } from '@outcomes/contracts';
import type { ExportDataset } from '@outcomes/contracts';
import { DataSource } from 'typeorm';
import { existsSync } from 'node:fs';
import { verifyAgainstAnchors } from './audit/access-log-anchored-verify';
import { inOneSnapshot, verifyAccessLog } from './audit/access-log-verify';
import { verdictLine } from './audit/anchor-check';
import { readAnchors } from './audit/anchor-sink';
import type { ParsedAnchors } from './audit/anchor-signing';
import { hashPassword, passwordProblem } from './auth/password';
import { seedSynthetic, SEED_SYNTHETIC_USAGE } from './startup/seed-synthetic';
import { createLogger } from './common/logging/logger';
import { ConfigError } from './config/app-config';
import { loadConfig } from './config/config';
import { dataSourceOptions } from './startup/data-source-options';
import { describeError, openEmbeddedPostgres } from './startup/embedded-postgres';
import { APP_ROLE, derivedAppRole, migrateAsOwner } from './startup/prepare-database';
import { RETENTION_USAGE, retentionArguments, retentionCommand } from './retention/retention-cli';
import { withLiterals } from './common/sql-literals';
import { datasetSql } from './exports/export-datasets';
import { REPORT_ASSESSMENTS_SQL, REPORT_ENROLMENTS_SQL } from './outcomes/outcomes.queries';

const USAGE = `usage:
  cli.js migrate
      as the database owner (DATABASE_URL): applies pending migrations, installs or upgrades the job
      queue, and, given DATABASE_APP_URL, lets its role (${APP_ROLE}) log in with that URL's password.
      For deployments whose API replicas run with MIGRATE_ON_START=false.
  cli.js audit-verify [--anchors <file or directory>]... [--until <ISO time>] [--chain-only]
      verifies the access log's hash chain and checks it against the signed anchors (AUDIT_ANCHOR_DIR,
      or each --anchors: an anchor directory, an anchor file or a saved log stream); prints a verdict
      line and the findings as JSON. Exit 1 on any finding: a truncated tail, a missing or changed row,
      a rewritten chain, an unsigned retention, a bad signature, or no anchors at all. --until: only
      anchors made up to then (a restored backup). --chain-only: the chain alone, no anchors.
      Public keys: AUDIT_VERIFY_KEY, else derived from AUDIT_SIGNING_KEY. While the API runs on the
      embedded database, connects to its server.
  cli.js create-admin --email <e-mail> --name <display name> --municipality <code> [--municipality-name <name>]
      creates the first admin of a municipality (and the municipality, given its name); the password is
      read from standard input. Outside demo mode no account exists until this is run.
  cli.js create-operator --email <e-mail> --name <display name>
      creates a national operator, who governs the municipalities and the national programme catalogue
      and belongs to no municipality (sees no citizen); the password is read from standard input.
${RETENTION_USAGE}
  cli.js export-sql <dataset> <programme id,...> <from> <to>
      prints an export dataset's query with its scope written in (no database needed; for tools/bench)
  cli.js report-sql <programme id> <from> <to>
      prints the outcome report's two queries with their parameters written in (for tools/bench)
${SEED_SYNTHETIC_USAGE}`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function options(args: string[], name: string): string[] {
  return args.flatMap((a, i) => (a === `--${name}` && args[i + 1] !== undefined ? [args[i + 1] as string] : []));
}

/** audit-verify: the chain, then the anchors; a verdict line, then JSON; exit 1 on any finding. */
async function auditVerify(dataSource: DataSource, config: ReturnType<typeof loadConfig>, args: string[]): Promise<number> {
  if (args.includes('--chain-only')) {
    const result = await inOneSnapshot(dataSource, (query) => verifyAccessLog(query, config.secrets.auditKey));
    if (result.ok) {
      process.stdout.write(`access log verified: ${result.checked} rows, chain intact (chain only: not checked against anchors)\n`);
      return 0;
    }
    process.stdout.write(`access log BROKEN at seq ${result.firstBrokenSeq}: ${result.reason} (${result.checked} rows verified before it)\n`);
    return 1;
  }
  const given = options(args, 'anchors');
  const paths = given.length > 0 ? given : config.auditAnchors.dir && existsSync(config.auditAnchors.dir) ? [config.auditAnchors.dir] : [];
  for (const path of paths) if (!existsSync(path)) throw new Error(`--anchors ${path}: no such file or directory`);
  let parsed: ParsedAnchors = readAnchors(paths);
  const until = option(args, 'until');
  if (until !== undefined) {
    const limit = Date.parse(until);
    if (Number.isNaN(limit)) throw new Error(`--until ${until}: not a date and time`);
    parsed = { ...parsed, anchors: parsed.anchors.filter((a) => Date.parse(a.anchor.at) <= limit) };
  }
  if (config.auditAnchors.verifyKeys.length === 0) throw new Error('no public key to check anchors with: set AUDIT_VERIFY_KEY (or AUDIT_SIGNING_KEY)');
  // The anchors were read first: the rows' one snapshot (inOneSnapshot) is newer than every anchor line.
  const result = await inOneSnapshot(dataSource, (query) => verifyAgainstAnchors(query, config.secrets.auditKey, parsed, config.auditAnchors.verifyKeys, config.auditRetentionDays));
  process.stdout.write(`${verdictLine(result)}\n${JSON.stringify({ ...result, anchorSources: paths }, null, 2)}\n`);
  return result.ok ? 0 : 1;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split('\n')[0] ?? '';
}

/** The first line of standard input as a password, or undefined (said on stderr) when the rules refuse it. */
async function passwordFromStdin(email: string): Promise<string | undefined> {
  const password = await readStdin();
  const problem = passwordProblem(password, email);
  if (!problem) return password;
  process.stderr.write(`${problem}\n`);
  return undefined;
}

async function createAdmin(dataSource: DataSource, args: string[]): Promise<number> {
  const email = option(args, 'email')?.trim().toLowerCase();
  const name = option(args, 'name')?.trim();
  const code = option(args, 'municipality');
  const municipalityName = option(args, 'municipality-name');
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email) || !name || !code || !/^\d{3}$/.test(code)) {
    process.stderr.write(USAGE);
    return 2;
  }
  const password = await passwordFromStdin(email);
  if (password === undefined) return 2;
  return dataSource.transaction(async (manager) => {
    if (municipalityName) {
      await manager.query('INSERT INTO municipality (code, name) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING', [code, municipalityName]);
    }
    const [municipality] = (await manager.query('SELECT id FROM municipality WHERE code = $1', [code])) as { id: string }[];
    if (!municipality) {
      process.stderr.write(`no municipality with code ${code}; give --municipality-name to create it\n`);
      return 2;
    }
    const inserted = (await manager.query(
      `INSERT INTO app_user (municipality_id, email, display_name, role, password_hash) VALUES ($1, $2, $3, 'admin', $4)
       ON CONFLICT DO NOTHING RETURNING id`,
      [municipality.id, email, name, await hashPassword(password)],
    )) as { id: string }[];
    if (inserted.length === 0) {
      process.stderr.write('a user with that e-mail exists already\n');
      return 1;
    }
    process.stdout.write(`admin created: ${inserted[0]?.id}\n`);
    return 0;
  });
}

async function createOperator(dataSource: DataSource, args: string[]): Promise<number> {
  const email = option(args, 'email')?.trim().toLowerCase();
  const name = option(args, 'name')?.trim();
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email) || !name) {
    process.stderr.write(USAGE);
    return 2;
  }
  const password = await passwordFromStdin(email);
  if (password === undefined) return 2;
  const inserted = (await dataSource.query(
    `INSERT INTO app_user (municipality_id, email, display_name, role, password_hash) VALUES (NULL, $1, $2, 'operator', $3)
     ON CONFLICT DO NOTHING RETURNING id`,
    [email, name, await hashPassword(password)],
  )) as { id: string }[];
  if (inserted.length === 0) {
    process.stderr.write('a user with that e-mail exists already\n');
    return 1;
  }
  process.stdout.write(`operator created: ${inserted[0]?.id}\n`);
  return 0;
}

/** The API's role gets the password the operator chose for it (DATABASE_APP_URL), not one derived here. */
async function enableAppRoleLogin(dataSource: DataSource, appUrl: string): Promise<void> {
  const url = new URL(appUrl);
  if (decodeURIComponent(url.username) !== APP_ROLE) throw new Error(`DATABASE_APP_URL must name the role ${APP_ROLE}`);
  const password = decodeURIComponent(url.password);
  if (!password) throw new Error('DATABASE_APP_URL must carry a password');
  // ALTER ROLE takes no bind parameters: quote the literal in PostgreSQL itself.
  const [{ sql }] = (await dataSource.query(`SELECT format('ALTER ROLE ${APP_ROLE} WITH LOGIN PASSWORD %L', $1::text) AS sql`, [password])) as [{ sql: string }];
  await dataSource.query(sql);
}

/** retention: as the API's own role (the nightly job's row-level security), with the owner for the anchor. */
async function retention(owner: DataSource, ownerUrl: string, config: ReturnType<typeof loadConfig>, args: string[]): Promise<number> {
  // The API's login as the API set it: never changed from here (another JWT_SECRET would lock the
  // running API out), so a login that fails stops the command with what to set.
  const appUrl = config.databaseAppUrl || derivedAppRole(config, ownerUrl).url;
  const app = new DataSource(dataSourceOptions(appUrl));
  try {
    try {
      await app.initialize();
    } catch {
      process.stderr.write(`retention: cannot sign in as ${APP_ROLE}: set DATABASE_APP_URL, or run with the API's own JWT_SECRET (and start the API once first)\n`);
      return 1;
    }
    return await retentionCommand(owner, app, appUrl, config, args, { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(line) });
  } finally {
    if (app.isInitialized) await app.destroy();
  }
}

/**
 * Operational commands, run as the database owner with the API's own configuration (the same
 * environment variables). With no DATABASE_URL they use the embedded database in DATA_DIR: the running
 * API's server when it runs, else one started for the command.
 */
async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'report-sql') {
    const [programmeId, from, to] = args;
    if (!programmeId || !from || !to) {
      process.stderr.write(USAGE);
      return 2;
    }
    // The second query takes the first's enrolments as an array, as the API sends their ids.
    const ids = withLiterals('ARRAY(SELECT id FROM enrolment WHERE programme_id = $1 AND referral_date BETWEEN $2 AND $3)', [programmeId, from, to]);
    process.stdout.write(`${withLiterals(REPORT_ENROLMENTS_SQL, [programmeId, from, to])};\n${REPORT_ASSESSMENTS_SQL.replace('$1', ids)};\n`);
    return 0;
  }
  if (command === 'export-sql') {
    const [dataset, programmeIds, periodFrom, periodTo] = args;
    if (!dataset || !programmeIds || !periodFrom || !periodTo || !(EXPORT_DATASETS as readonly string[]).includes(dataset)) {
      process.stderr.write(USAGE);
      return 2;
    }
    process.stdout.write(`${datasetSql(dataset as ExportDataset, { programmeIds: programmeIds.split(','), periodFrom, periodTo })}\n`);
    return 0;
  }
  if (!['audit-verify', 'create-admin', 'create-operator', 'seed-synthetic', 'migrate', 'retention'].includes(command ?? '')) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (command === 'retention') {
    // Bad arguments are refused before a database is opened (or an embedded one started).
    const refused = retentionArguments(args);
    if (typeof refused === 'string') {
      process.stderr.write(`retention: ${refused}\nusage:\n${RETENTION_USAGE}\n`);
      return 2;
    }
  }
  const config = loadConfig(process.env, { verifier: command === 'audit-verify' });
  const logger = createLogger(command === 'migrate' ? config.logLevel : 'warn');
  const database = config.databaseUrl
    ? { url: config.databaseUrl, stop: async () => undefined }
    : await openEmbeddedPostgres(config.dataDir, logger);
  const dataSource = new DataSource(dataSourceOptions(database.url));
  try {
    await dataSource.initialize();
    if (command === 'create-admin') return await createAdmin(dataSource, args);
    if (command === 'create-operator') return await createOperator(dataSource, args);
    if (command === 'seed-synthetic') return await seedSynthetic(dataSource, config, args);
    if (command === 'retention') return await retention(dataSource, database.url, config, args);
    if (command === 'migrate') {
      await migrateAsOwner(dataSource, database.url, config, logger);
      if (config.databaseAppUrl) await enableAppRoleLogin(dataSource, config.databaseAppUrl);
      process.stdout.write('database up to date\n');
      return 0;
    }
    return await auditVerify(dataSource, config, args);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : describeError(error)}\n`);
    process.exit(1);
  },
);
