import { Catch, HttpException, Logger } from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { MAX_JSON_BODY_BYTES } from '@outcomes/contracts';
import type { ApiErrorBody, ErrorCode } from '@outcomes/contracts';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { mapDatabaseError } from './database-errors';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'VERSION_CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
};

/** Errors raised by Express's body parser before Nest sees the request. */
interface BodyParserError {
  type?: string;
  status?: number;
}

/** What is worth logging about a lost database connection: its kind and the driver's message. */
function connectionFailure(error: unknown): { type: string; code?: string; message: string } {
  const e = error as Error & { code?: string; driverError?: { code?: string; message?: string } };
  return { type: e.constructor.name, code: e.code ?? e.driverError?.code, message: e.driverError?.message ?? e.message };
}

function isApiErrorBody(body: unknown): body is ApiErrorBody {
  return typeof body === 'object' && body !== null && 'code' in body && 'statusCode' in body;
}

/**
 * The one place an error becomes a response: always { statusCode, code, message, errors? },
 * never a stack trace or a SQL text. Unexpected errors are logged with the request id and
 * answered with that id only.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const response = ctx.getResponse<Response>();
    const request = ctx.getRequest<Request>();
    const body = this.toBody(exception, request);
    if (!response.headersSent) {
      if (body.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(body.retryAfterSeconds));
      response.status(body.statusCode).json(body);
    }
  }

  private toBody(exception: unknown, request: Request): ApiErrorBody {
    if (exception instanceof HttpException) {
      const response = exception.getResponse();
      if (isApiErrorBody(response)) return response;
      const status = exception.getStatus();
      if (status === 400 && /^Failed to decode param/.test(exception.message)) {
        // Express could not percent-decode a route parameter (e.g. %ED%A0%80). It was answered as a
        // problem of `body`, echoing the raw text; it is the URL path, and echoing input is avoided.
        return { statusCode: 400, code: 'VALIDATION_FAILED', message: 'Invalid input. path: is not valid percent-encoded UTF-8', errors: { path: 'is not valid percent-encoded UTF-8' } };
      }
      if (status === 400) {
        // Raised outside our validation (e.g. a body that is not JSON): still name what was wrong.
        const rule = /JSON/.test(exception.message) ? 'is not valid JSON' : exception.message;
        return { statusCode: 400, code: 'VALIDATION_FAILED', message: `Invalid input. body: ${rule}`, errors: { body: rule } };
      }
      if (status === 413) {
        return payloadTooLarge();
      }
      const message = status === 404 ? 'Not found' : exception.message;
      return { statusCode: status, code: CODE_BY_STATUS[status] ?? 'HTTP_ERROR', message };
    }

    const parserError = exception as BodyParserError;
    if (parserError.type === 'entity.parse.failed') {
      return { statusCode: 400, code: 'VALIDATION_FAILED', message: 'Invalid input. body: is not valid JSON', errors: { body: 'is not valid JSON' } };
    }
    if (parserError.type === 'entity.too.large') {
      return payloadTooLarge();
    }
    if (typeof parserError.type === 'string' && parserError.status && parserError.status < 500) {
      return { statusCode: parserError.status, code: 'HTTP_ERROR', message: 'The request body could not be read', errors: { body: 'could not be read' } };
    }

    const mapped = mapDatabaseError(exception);
    if (mapped) {
      // While the database is away every request lands here: one short line each, not a stack trace and
      // not the failed query with its parameters (search text, personal data). Found by the
      // load-and-fault resilience suite, where this flood of synchronous log writes slowed the 503s.
      if (mapped.getStatus() >= 500) {
        const busy = (mapped.getResponse() as ApiErrorBody).code === 'SERVER_BUSY';
        this.logger.warn({ failure: connectionFailure(exception), reqId: request.id }, busy ? 'every database connection busy' : 'database unavailable');
      }
      return mapped.getResponse() as ApiErrorBody;
    }

    this.logger.error({ err: loggable(exception), reqId: request.id }, 'unhandled error');
    return {
      statusCode: 500,
      code: 'INTERNAL',
      message: `An unexpected error occurred; it has been logged with reference ${String(request.id ?? 'unknown')}`,
    };
  }
}

/**
 * A failed query as it may be logged: its SQL and PostgreSQL's error code, never its parameters nor
 * PostgreSQL's message, which quote values (search text, identifiers, personal data).
 */
function loggable(exception: unknown): unknown {
  if (!(exception instanceof QueryFailedError)) return exception;
  const driver = exception.driverError as { code?: string; constraint?: string };
  return { type: 'QueryFailedError', code: driver.code, constraint: driver.constraint, query: exception.query, stack: exception.stack?.split('\n').slice(1).join('\n') };
}

/** A body over the limit, however it was found out (its header, the parser, a stream cut short). */
export function payloadTooLarge(): ApiErrorBody {
  return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: `The request body is larger than the ${MAX_JSON_BODY_BYTES} bytes the API accepts`, errors: { body: `must be at most ${MAX_JSON_BODY_BYTES} bytes` } };
}
