import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { static as serveStatic } from 'express';
import type { NextFunction, Request, Response } from 'express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { MAX_JSON_BODY_BYTES } from '@outcomes/contracts';
import type { Logger } from 'pino';
import { AllExceptionsFilter, payloadTooLarge } from './common/errors/all-exceptions.filter';
import { importTooLarge, isImportUpload } from './imports/import-upload';
import { validationExceptionFactory } from './common/errors/validation-errors';
import { WellFormedInputPipe } from './common/well-formed-input.pipe';
import { ServedRecordInterceptor } from './common/served-record/served-record.interceptor';
import { isApiPath } from './common/api-path';
import { requestLogger } from './common/logging/logger';
import type { AppConfig } from './config/config';
import { API_TOKEN_SCHEME } from './auth/auth.decorators';

/** Everything between HTTP and the controllers, in the order a request meets it. */
export function configureApp(app: NestExpressApplication, config: AppConfig, logger: Logger, webDir: string): void {
  app.disable('x-powered-by');
  // No proxy named: trust none (false), so X-Forwarded-For is ignored and the socket's address counts.
  app.set('trust proxy', config.trustProxy.length === 0 ? false : config.trustProxy);
  app.use(requestLogger(logger));
  // Every API answer, errors included, may carry personal data: no browser or proxy keeps a copy
  // (the back button on a shared workstation, a caching proxy). Set first, so even the answers of
  // the size check, the body parser and unknown routes carry it. The web app's static files (outside
  // /api) stay cacheable. (issue 17)
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (isApiPath(req.path)) res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // MUI (emotion) and Swagger UI inject style elements at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  app.enableCors({
    origin: config.corsOrigins,
    credentials: true,
    exposedHeaders: ['Content-Range', 'X-Request-Id'],
  });
  app.use(cookieParser());
  // The only body parser: NestFactory.create runs with bodyParser: false (main.ts), so Nest's default
  // urlencoded parser (100 kB) is not registered and no other content type is ever read into memory;
  // a body of another type reaches the handler as no body at all (400 naming the missing fields).
  // A body declared larger than the limit is refused on its header, and the connection closed: the
  // body parser would answer 413 only after reading the whole declared body to discard it, so a client
  // declaring 10 MiB (and sending nothing) held a connection until Node's request timeout (5 min).
  app.use((req: Request, res: Response, next: NextFunction) => {
    // An import's upload (issue 24) is the one body that is a file: its own, larger limit (IMPORT_MAX_BYTES),
    // read as a stream by the imports controller, which counts the bytes again (a body may omit its length).
    const upload = isImportUpload(req);
    if (Number(req.headers['content-length']) > (upload ? config.importMaxBytes : MAX_JSON_BODY_BYTES)) {
      res.setHeader('Connection', 'close');
      res.status(413).json(upload ? importTooLarge(config.importMaxBytes) : payloadTooLarge());
      return;
    }
    next();
  });
  app.useBodyParser('json', { limit: MAX_JSON_BODY_BYTES });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(
    // First: input too deep or not storable as text is a 400 before class-transformer walks it.
    new WellFormedInputPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // Numbers arrive as numbers in JSON; no silent string-to-number conversion.
      transformOptions: { enableImplicitConversion: false },
      exceptionFactory: validationExceptionFactory,
    }),
  );
  // After the tenant interceptor (an APP_INTERCEPTOR, applied when the app was created): an update that
  // sends the record as served has its read-only fields compared and taken out before the pipes run.
  app.useGlobalInterceptors(new ServedRecordInterceptor((type) => app.get(type, { strict: false })));
  app.useGlobalFilters(new AllExceptionsFilter());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Drug treatment outcomes API')
      .setDescription('react-admin simple-rest resources; errors are { statusCode, code, message, errors? }')
      .setVersion('0.1.0')
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'otk_<8 hex>_<secret>',
          description:
            'A personal API token (issue 24; docs/api-tokens.md) in `Authorization: Bearer otk_…`, never in a query string. ' +
            'It acts as its user, narrowed to its scope (`<resource>:<action>`, each route’s `x-permission`). ' +
            'Refusals: 401 TOKEN_EXPIRED, 401 TOKEN_REVOKED (revoked, user deactivated or role changed), 401 UNAUTHORIZED (unknown), ' +
            '403 TOKEN_SCOPE (errors.scope names the missing permission). Browsers use the httpOnly session cookie instead.',
        },
        API_TOKEN_SCHEME,
      )
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  // One address: the built web app at /, the API at /api.
  if (existsSync(join(webDir, 'index.html'))) {
    // Not for the API's paths: the static middleware looks for a file of the request's path on disk
    // (a stat system call), which every API request paid for nothing (4.5 % of a list request's CPU,
    // docs/performance.md).
    const assets = serveStatic(webDir, { index: false, maxAge: '1h' });
    app.use((req: Request, res: Response, next: NextFunction) => (isApiPath(req.path) ? next() : assets(req, res, next)));
    app.use((req: Request, res: Response, next: NextFunction) => {
      // The API's own paths, in any case (Express routes /API/... to the API too), never get the app's page.
      if (req.method !== 'GET' || isApiPath(req.path)) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(webDir, 'index.html'));
    });
  } else {
    logger.warn({ webDir }, 'no built web app found; serving the API only (run `npx nx build web`)');
  }
}
