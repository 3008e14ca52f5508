import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { verifyAccessLog } from './audit/access-log-verify';
import { createLogger } from './common/logging/logger';
import { ConfigError } from './config/app-config';
import { loadConfig } from './config/config';
import { dataSourceOptions } from './database/data-source-options';
import { startEmbeddedPostgres } from './database/embedded-postgres';

/**
 * Operational commands, with the API's own configuration (same environment variables):
 *   node dist/apps/api/cli.js audit-verify   verifies the access log's hash chain; exit 1 names the first broken row
 * With no DATABASE_URL it opens the embedded database in DATA_DIR (stop the API first).
 */
async function main(): Promise<number> {
  const [command] = process.argv.slice(2);
  if (command !== 'audit-verify') {
    process.stderr.write('usage: cli.js audit-verify\n');
    return 2;
  }
  const config = loadConfig();
  const logger = createLogger('warn');
  const database = config.databaseUrl
    ? { url: config.databaseUrl, stop: async () => undefined }
    : await startEmbeddedPostgres(config.dataDir, logger);
  const dataSource = new DataSource(dataSourceOptions(database.url));
  try {
    await dataSource.initialize();
    const result = await verifyAccessLog((sql, params) => dataSource.query(sql, params), config.secrets.auditKey);
    if (result.ok) {
      process.stdout.write(`access log verified: ${result.checked} rows, chain intact\n`);
      return 0;
    }
    process.stdout.write(`access log BROKEN at seq ${result.firstBrokenSeq}: ${result.reason} (${result.checked} rows verified before it)\n`);
    return 1;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
