import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { IdentifierCrypto } from '../../src/common/crypto/identifier-crypto';
import { dataSourceOptions } from '../../src/startup/data-source-options';
import { Factories } from '../../src/testing/factories';

/**
 * Records a test needs around what it tests, written straight into the run's database as its owner
 * (the medium tests' factories, src/testing/factories.ts), instead of through dozens of requests:
 * for tests that are not about creating them. Encrypted with the API's own keys, so the API reads
 * them as its own. Nothing here writes the access log: its rows and hash chain are the API's alone.
 */
let source: DataSource | undefined;

async function ownerSource(): Promise<DataSource> {
  const url = process.env['TEST_DATABASE_URL'];
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run through jest.integration.config.cjs');
  if (!source) {
    source = new DataSource({ ...dataSourceOptions(url), migrations: [], extra: { max: 2 } });
    await source.initialize();
  }
  return source;
}

/** The owner's EntityManager over the same connections as `rows()`: for support helpers written against one (src/testing). */
export async function ownerManager(): Promise<EntityManager> {
  return (await ownerSource()).manager;
}

export async function rows(): Promise<Factories> {
  const url = process.env['TEST_DATABASE_URL'];
  const key = process.env['TEST_ENCRYPTION_KEY'];
  const indexKey = process.env['TEST_BLIND_INDEX_KEY'];
  if (!url || !key || !indexKey) throw new Error('TEST_DATABASE_URL and the API’s keys are not set: run through jest.integration.config.cjs');
  if (!source) {
    source = new DataSource({ ...dataSourceOptions(url), migrations: [], extra: { max: 2 } });
    await source.initialize();
  }
  const manager = source.manager;
  return new Factories(() => manager, new IdentifierCrypto(key, indexKey));
}

/** The API's own identifier crypto (its keys, from the integration run's environment): for rows written here that the API reads. */
export function apiCrypto(): IdentifierCrypto {
  const key = process.env['TEST_ENCRYPTION_KEY'];
  const indexKey = process.env['TEST_BLIND_INDEX_KEY'];
  if (!key || !indexKey) throw new Error('the API’s keys are not set: run through jest.integration.config.cjs');
  return new IdentifierCrypto(key, indexKey);
}

export async function closeRows(): Promise<void> {
  await source?.destroy();
  source = undefined;
}
