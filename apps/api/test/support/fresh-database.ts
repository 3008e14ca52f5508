import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface FreshDatabase {
  name: string;
  /** The owner's URL of the new database. */
  url: string;
  drop(): Promise<void>;
}

/**
 * A new, empty database on the server the integration run uses (embedded, or DATABASE_URL's), for
 * tests that start API processes of their own. Roles are per server: the API's role password is
 * derived from JWT_SECRET, so such processes must share the run's JWT_SECRET (TEST_JWT_SECRET).
 */
export async function freshDatabase(prefix: string, serverUrl = process.env['TEST_DATABASE_URL']): Promise<FreshDatabase> {
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set: run through jest.integration.config.cjs');
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Fresh secrets for an API process, sharing the run's JWT_SECRET (see freshDatabase). */
export function processSecrets(jwtSecret = process.env['TEST_JWT_SECRET'] as string): Record<string, string> {
  return {
    JWT_SECRET: jwtSecret,
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
    AUDIT_KEY: randomBytes(32).toString('base64'),
    AUDIT_SIGNING_KEY: signingKey(),
  };
}

/** A fresh Ed25519 private key for the access log's anchors, as AUDIT_SIGNING_KEY takes it (PKCS8 DER, base64). */
export function signingKey(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
}

/** One statement on a connection of its own (the owner's, for a spec's checks of a fresh database), closed after. */
export async function queryOnce<T extends Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
