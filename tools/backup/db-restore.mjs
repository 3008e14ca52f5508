#!/usr/bin/env node
// `npm run db:restore -- --from DIR [--keys FILE]`: restores DIR/database.dump into DATABASE_URL's
// database, which must be new and empty (nothing is overwritten), as the same owner role that made
// the backup, then verifies the access log's hash chain with the backup's AUDIT_KEY (keys.json, or
// --keys where it is kept apart). Start the API on the restored database with the keys of keys.json.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { databaseUrl, fail, option, postgresTool, SECRET_NAMES } from './postgres-tools.mjs';

const APP_ROLE = 'outcomes_app';
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

const from = option('from');
if (!from) fail('usage: db-restore.mjs --from <backup directory> [--keys <keys.json>]   (target: DATABASE_URL, a new empty database)', 2);
const dumpFile = join(resolve(from), 'database.dump');
const keysFile = resolve(option('keys') ?? join(from, 'keys.json'));
for (const file of [dumpFile, keysFile]) if (!existsSync(file)) fail(`${file} not found`);
const manifest = JSON.parse(readFileSync(join(resolve(from), 'manifest.json'), 'utf8'));
if (createHash('sha256').update(readFileSync(dumpFile)).digest('hex') !== manifest.dumpSha256) fail('database.dump does not match the checksum in manifest.json: the file is damaged or not this backup’s');
const keys = JSON.parse(readFileSync(keysFile, 'utf8'));
for (const name of SECRET_NAMES) {
  const fingerprint = createHash('sha256').update(`outcomes-key-fingerprint:${keys[name]}`).digest('hex').slice(0, 16);
  if (fingerprint !== manifest.keyFingerprints[name]) fail(`${name} in ${keysFile} is not the key this backup was made with`);
}

const url = databaseUrl();
const client = new pg.Client({ connectionString: url });
await client.connect();
const { rows: [{ tables }] } = await client.query(`SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`);
if (tables > 0) fail(`the target database is not empty (${tables} tables): restore into a new database, never over a live one`);
// Roles live outside any database: a new server needs the API's role before the grants can be restored.
await client.query(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN CREATE ROLE ${APP_ROLE} NOLOGIN NOBYPASSRLS; END IF; END $$`);
await client.end();

const { binary } = await postgresTool('pg_restore', url);
const restore = spawnSync(binary, ['--exit-on-error', '--single-transaction', '--dbname', url, dumpFile], { encoding: 'utf8' });
if (restore.status !== 0) fail(`pg_restore failed (nothing was restored): ${restore.stderr.trim()}`);
process.stdout.write(`restored ${manifest.database} of ${manifest.createdAt} into ${new URL(url).pathname.slice(1)}\n`);

// The chain verifies only with the AUDIT_KEY it was written with: this also proves the keys fit the data.
// Chain only: anchors made after the backup name rows the backup cannot have (audit-verify --until checks the rest).
const verify = spawnSync(process.execPath, [join(root, 'dist/apps/api/cli.js'), 'audit-verify', '--chain-only'], {
  encoding: 'utf8',
  env: { PATH: process.env.PATH, NODE_ENV: 'production', DATABASE_URL: url, LOG_LEVEL: 'warn', ...keys },
});
process.stdout.write(verify.stdout);
if (verify.status !== 0) fail(`the restored access log did not verify: ${verify.stderr.trim()}`);
