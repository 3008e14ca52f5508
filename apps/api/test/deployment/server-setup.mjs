// Finds the PostgreSQL server the deployment checks run against and tells them through
// DEPLOYMENT_SERVER_URL. Nothing is skipped: without a server the run fails and says what it needs.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import pg from 'pg';

const MACHINE_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

async function reachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export default async function serverSetup() {
  const url = process.env.DATABASE_URL || MACHINE_SERVER;
  // The development and CI machines have a Debian cluster that may not be running yet (as .ci/run does).
  if (!(await reachable(url)) && !process.env.DATABASE_URL && existsSync('/etc/postgresql')) {
    for (const version of readdirSync('/etc/postgresql')) spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'ignore' });
  }
  if (!(await reachable(url))) {
    throw new Error(
      `The deployment checks need a PostgreSQL server and its pg_dump/pg_restore: none answers at ${url.replace(/:[^:@/]*@/, ':***@')}.\n` +
        'Set DATABASE_URL to a server whose owner may create databases, or install one (Debian: apt-get install postgresql).',
    );
  }
  process.env.DEPLOYMENT_SERVER_URL = url;
  // The API's role is per server and its password derives from JWT_SECRET: one for the whole run.
  process.env.DEPLOYMENT_JWT_SECRET = randomBytes(48).toString('base64');
}
