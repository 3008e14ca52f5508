#!/usr/bin/env node
// `npm run db:backup -- [--out DIR]`: a consistent online dump of DATABASE_URL's database (pg_dump, custom
// format: schema, rows, row-level security, grants, the job queue and finished export files) into
// DIR/database.dump, the key material it was written with into DIR/keys.json (mode 0600), and
// DIR/manifest.json (checksum, versions, key fingerprints). Move keys.json to other storage than the
// dump: each alone is useless to a thief, together they reveal every name and CPR number.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { currentKeys, databaseUrl, fail, option, postgresTool } from './postgres-tools.mjs';

const url = databaseUrl();
const keys = currentKeys();
const out = resolve(option('out') ?? join('backups', new Date().toISOString().replace(/[:.]/g, '-')));
mkdirSync(out, { recursive: true, mode: 0o700 });
const { binary, clientMajor, serverMajor } = await postgresTool('pg_dump', url);

const dumpFile = join(out, 'database.dump');
const dump = spawnSync(binary, ['--format=custom', '--compress=6', '--file', dumpFile, '--dbname', url], { encoding: 'utf8' });
if (dump.status !== 0) fail(`pg_dump failed: ${dump.stderr.trim()}`);

const sha256 = (data) => createHash('sha256').update(data).digest('hex');
writeFileSync(join(out, 'keys.json'), `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
chmodSync(join(out, 'keys.json'), 0o600);
writeFileSync(
  join(out, 'manifest.json'),
  `${JSON.stringify({
    createdAt: new Date().toISOString(),
    database: new URL(url).pathname.slice(1),
    serverMajor,
    pgDumpMajor: clientMajor,
    dumpSha256: sha256(readFileSync(dumpFile)),
    // Which keys belong to this dump, without revealing them.
    keyFingerprints: Object.fromEntries(Object.entries(keys).map(([name, value]) => [name, sha256(`outcomes-key-fingerprint:${value}`).slice(0, 16)])),
  }, null, 2)}\n`,
);
process.stdout.write(
  `backup written to ${out}\n` +
    '  database.dump  the database (pg_restore format)\n' +
    '  keys.json      ENCRYPTION_KEY, BLIND_INDEX_KEY, AUDIT_KEY, JWT_SECRET: move it to other storage than the dump\n' +
    '  manifest.json  checksum, versions and key fingerprints\n',
);
