import { HttpException } from '@nestjs/common';
import type { ApiErrorBody, ErrorCode } from '@outcomes/contracts';
import type { RequestContext } from '../../tenancy/request-context';

/** An error whose body is already in the shape every client reads: { statusCode, code, message, errors? }. */
export class ApiException extends HttpException {
  /**
   * The refusal's own access-log rows: the request's transaction rolls back with the error, so the
   * tenant interceptor runs this in a fresh tenant transaction of the same user before answering
   * (e.g. an expired emergency access, logged in both municipalities). Never part of the answer.
   */
  logRefusal?: (ctx: RequestContext) => Promise<void>;

  constructor(status: number, code: ErrorCode, message: string, errors?: Record<string, string>, extra?: Pick<ApiErrorBody, 'existingId' | 'mergedIntoId' | 'allowed' | 'failures' | 'retryAfterSeconds'>) {
    const body: ApiErrorBody = { statusCode: status, code, message, ...(errors ? { errors } : {}), ...extra };
    super(body, status);
  }

  static notFound(what: string): ApiException {
    return new ApiException(404, 'NOT_FOUND', `${what} not found`);
  }

  static versionConflict(what: string): ApiException {
    return new ApiException(
      409,
      'VERSION_CONFLICT',
      `${what} was changed by someone else since you loaded it; reload it and make your change again`,
      { version: 'is stale' },
    );
  }

  static validation(errors: Record<string, string>): ApiException {
    const message = Object.entries(errors)
      .map(([field, rule]) => `${field}: ${rule}`)
      .join('; ');
    return new ApiException(400, 'VALIDATION_FAILED', `Invalid input. ${message}`, errors);
  }
}

/**
 * A reference to a record outside the user's municipality (or to none at all: under row-level
 * security the two look the same): 400 naming the field. The tenant interceptor logs it as a refusal.
 */
export class ReferenceRefused extends ApiException {
  constructor(
    readonly field: string,
    rule: string,
  ) {
    super(400, 'VALIDATION_FAILED', `Invalid input. ${field}: ${rule}`, { [field]: rule });
  }
}
