// What db-backup.mjs and db-restore.mjs share: finding pg_dump / pg_restore of a fitting version,
// the database URL, and the key material that must travel beside (never inside) a dump.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';

export const SECRET_NAMES = ['JWT_SECRET', 'ENCRYPTION_KEY', 'BLIND_INDEX_KEY', 'AUDIT_KEY'];

export function fail(message, code = 1) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

export function option(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The database to back up or restore into: always an explicit server (see below for the embedded one). */
export function databaseUrl() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    fail(
      'DATABASE_URL is not set. The embedded development database (DATA_DIR) runs PostgreSQL 18 from npm, which ships\n' +
        'no pg_dump: back it up by stopping the app and copying DATA_DIR whole (it holds the database and secrets.json).',
      78,
    );
  }
  return url;
}

/** pg_dump or pg_restore from PG_BIN, else from PATH, refused when older than the server (it would fail midway). */
export async function postgresTool(name, url) {
  const binary = process.env.PG_BIN ? join(process.env.PG_BIN, name) : name;
  const probe = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) fail(`${name} not found${process.env.PG_BIN ? ` in PG_BIN=${process.env.PG_BIN}` : ' on PATH'}: install the PostgreSQL client of the server's major version (Debian: postgresql-client-NN) or set PG_BIN`);
  const clientMajor = Number(/(\d+)(?:\.\d+)?/.exec(probe.stdout)?.[1]);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query('SHOW server_version_num');
  await client.end();
  const serverMajor = Math.floor(Number(rows[0].server_version_num) / 10000);
  if (clientMajor < serverMajor) fail(`${name} ${clientMajor} is older than the server (PostgreSQL ${serverMajor}): use the client of version ${serverMajor} or newer (PG_BIN)`);
  return { binary, clientMajor, serverMajor };
}

/**
 * The keys the data was written with: from the environment (production), else from DATA_DIR/secrets.json
 * (what the API generates outside production). Every one must be there: a backup without its keys is unreadable.
 */
export function currentKeys() {
  const keys = Object.fromEntries(SECRET_NAMES.filter((n) => process.env[n]).map((n) => [n, process.env[n]]));
  const file = join(resolve(process.env.DATA_DIR || './.data'), 'secrets.json');
  if (Object.keys(keys).length < SECRET_NAMES.length && existsSync(file)) {
    const generated = JSON.parse(readFileSync(file, 'utf8'));
    const fromFile = { JWT_SECRET: generated.jwtSecret, ENCRYPTION_KEY: generated.encryptionKey, BLIND_INDEX_KEY: generated.blindIndexKey, AUDIT_KEY: generated.auditKey };
    for (const name of SECRET_NAMES) keys[name] ??= fromFile[name];
  }
  const missing = SECRET_NAMES.filter((n) => !keys[n]);
  if (missing.length > 0) fail(`the key material is incomplete (${missing.join(', ')} not in the environment nor in DATA_DIR/secrets.json): a backup without its keys cannot be read`);
  return keys;
}
