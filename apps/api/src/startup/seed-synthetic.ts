import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { danishToday } from '@outcomes/domain';
import { isScaleName, loadSynthetic, SCALE_NAMES } from '@outcomes/seeds';
import type { LoadSummary, ScaleName } from '@outcomes/seeds';
import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { AccessLogWriter } from '../audit/access-log.writer';
import { hashPassword } from '../auth/password';
import type { AuthUser } from '../auth/auth-user';
import { IdentifierCrypto } from '../common/crypto/identifier-crypto';
import type { AppConfig } from '../config/config';
import { syntheticWorkers } from './synthetic-workers';

export const SEED_SYNTHETIC_USAGE = `  cli.js seed-synthetic --scale <${SCALE_NAMES.join('|')}> [--seed <number>] [--as-of <YYYY-MM-DD>] [--workers <n>]
      loads deterministic synthetic data (seeds/synthetic) with COPY as the database owner, identifiers
      encrypted with this configuration's keys; one access-log row per municipality records the load.
      --workers: threads generating the next municipalities while one is copied (default: cores - 1;
      0 generates in the main thread).
`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/**
 * Loads one scale through the generator in seeds/synthetic as the database owner, handed what only
 * the API has: its IdentifierCrypto (the same keys and code the API encrypts with) and its
 * access-log writer (the audit key never enters the database).
 */
export async function loadSyntheticScale(
  dataSource: DataSource,
  config: AppConfig,
  options: { scale: ScaleName; seed: number; asOf: string; log: (message: string) => void; workers?: number },
): Promise<LoadSummary> {
  const { scale, seed, asOf } = options;
  const keys = { encryptionKey: config.secrets.encryptionKey, blindIndexKey: config.secrets.blindIndexKey };
  const crypto = new IdentifierCrypto(keys.encryptionKey, keys.blindIndexKey);
  const encoder = options.workers ? syntheticWorkers(options.workers, keys) : undefined;
  const accessLog = new AccessLogWriter(config);
  const runner = dataSource.createQueryRunner();
  // The runner's own pg connection: COPY needs the raw client, the access-log writer the runner's manager; one transaction.
  const client = (await runner.connect()) as PoolClient;
  try {
    return await loadSynthetic(client, {
      scale,
      seed,
      asOf,
      crypto,
      encoder,
      unusablePasswordHash: await hashPassword(randomBytes(32).toString('base64')),
      log: options.log,
      recordLoad: async (_client, m) => {
        const user = { id: m.loaderUserId, role: 'admin', municipalityId: m.id, grantedMunicipalityIds: [] } as unknown as AuthUser;
        await accessLog.append(runner.manager, {
          user,
          manager: runner.manager,
          address: null,
          afterCommit: [],
          accesses: [{ action: 'create', resource: 'synthetic-data', criterion: JSON.stringify({ scale, seed, asOf, citizens: m.citizens }), outcome: 'ok' }],
        });
      },
    });
  } finally {
    await encoder?.close();
    await runner.release();
  }
}

/**
 * `npm run seed:synthetic`: the generator in seeds/synthetic, handed what only the API has: its
 * IdentifierCrypto (the same keys and code the API encrypts with) and its access-log writer (the
 * audit key never enters the database). A bulk load reads no citizen; it is recorded as one
 * `create` of `synthetic-data` per municipality, by that municipality's inactive loader account.
 */
export async function seedSynthetic(dataSource: DataSource, config: AppConfig, args: string[]): Promise<number> {
  const scale = option(args, 'scale') ?? '';
  const seed = Number(option(args, 'seed') ?? '1');
  const asOf = option(args, 'as-of') ?? danishToday();
  const workers = Number(option(args, 'workers') ?? Math.max(0, availableParallelism() - 1));
  const validWorkers = Number.isInteger(workers) && workers >= 0 && workers <= 64;
  if (!isScaleName(scale) || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff || !/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !validWorkers) {
    process.stderr.write(SEED_SYNTHETIC_USAGE);
    return 2;
  }
  const summary = await loadSyntheticScale(dataSource, config, { scale, seed, asOf, workers, log: (message) => process.stdout.write(`${message}\n`) });
  const total = Object.values(summary.rows).reduce((a, b) => a + b, 0);
  process.stdout.write(`${JSON.stringify({ ...summary, totalRows: total })}\n`);
  return 0;
}
