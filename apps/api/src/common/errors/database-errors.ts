import { QueryFailedError } from 'typeorm';
import { fieldsOfConstraint } from '../../database/constraint-fields';
import { REFERENCE_RULES } from '../../database/reference-rules';
import { ApiException, ReferenceRefused } from './api.exception';

const camel = (s: string): string => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

interface PgError {
  code?: string;
  message?: string;
  detail?: string;
  constraint?: string;
  column?: string;
}


/**
 * A refused reference outside the municipality: the service's own refusal, or the database's
 * (a same-municipality foreign key or trigger, on the referencing side; the referenced side's
 * "still in use" stays a 409). Undefined for anything else.
 */
export function referenceRefusal(error: unknown): ReferenceRefused | undefined {
  if (error instanceof ReferenceRefused) return error;
  if (!(error instanceof QueryFailedError)) return undefined;
  const pg = error.driverError as PgError;
  if (pg.code !== '23503' && pg.code !== '23514') return undefined;
  const rule = pg.constraint ? REFERENCE_RULES.get(pg.constraint) : undefined;
  if (!rule || /^update or delete on table/.test(pg.message ?? '')) return undefined;
  return new ReferenceRefused(rule.field, rule.rule);
}

/**
 * The fields a violated key covers: from "Key (municipality_id, name)=(…)" when PostgreSQL gives the
 * detail (it withholds it on tables with row-level security), else from the constraint's name.
 * The values are never echoed.
 */
function keyFields(detail: string | undefined, constraint: string | undefined): string[] {
  const match = /^Key \(([^)]+)\)=/.exec(detail ?? '');
  if (match?.[1]) return match[1].split(',').map((c) => camel(c.trim()));
  return (constraint && fieldsOfConstraint(constraint)) || [];
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03', '53300']);

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as PgError).code ?? (error instanceof QueryFailedError ? (error.driverError as PgError).code : undefined);
  if (code && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(error.message);
}

/**
 * pg-pool's wait for a free connection ran out (connectionTimeoutMillis): every connection was busy
 * for that long. That is overload, not a database that is away: saying "database unavailable" then
 * sends an operator looking for the wrong fault.
 */
export function isPoolExhausted(error: unknown): boolean {
  return error instanceof Error && /timeout exceeded when trying to connect/.test(error.message);
}

export function serverBusy(): ApiException {
  return new ApiException(503, 'SERVER_BUSY', 'The server is busy; try again shortly');
}

export function databaseUnavailable(): ApiException {
  return new ApiException(503, 'DATABASE_UNAVAILABLE', 'The database is unavailable; try again shortly');
}

/** Maps PostgreSQL constraint failures to client errors; undefined when it is not one of ours. */
export function mapDatabaseError(error: unknown): ApiException | undefined {
  if (isPoolExhausted(error)) return serverBusy();
  if (isDatabaseUnavailable(error)) return databaseUnavailable();
  if (!(error instanceof QueryFailedError)) return undefined;
  const refused = referenceRefusal(error);
  if (refused) return refused;
  const pg = error.driverError as PgError;
  const fields = keyFields(pg.detail, pg.constraint);
  switch (pg.code) {
    case '23505': {
      const errors = Object.fromEntries(fields.map((f) => [f, 'must be unique; another record already has this value']));
      return new ApiException(409, 'DUPLICATE', `A record with the same ${fields.join(' and ') || 'key'} already exists`, errors);
    }
    case '23001':
      return new ApiException(409, 'STILL_REFERENCED', 'The record is still in use by other records and cannot be deleted');
    case '23503':
      if (/is not present/.test(pg.detail ?? '')) {
        const errors = Object.fromEntries(fields.map((f) => [f, 'refers to a record that does not exist']));
        return new ApiException(400, 'VALIDATION_FAILED', `Invalid input. ${fields.join(', ')}: refers to a record that does not exist`, errors);
      }
      return new ApiException(409, 'STILL_REFERENCED', 'The record is still in use by other records and cannot be deleted');
    case 'MG400':
      // The row names a citizen merged into another record: the services say so up front; this is the
      // database's answer to a write that raced the merge (migration WritesFollowMerge), in the same words.
      return ApiException.validation({ citizenId: 'citizenId names a record merged into another; use that record' });
    case '42501':
      // Row-level security refused a write outside the user's municipality (the service's own rules come first).
      return new ApiException(403, 'FORBIDDEN', 'This record belongs to another municipality');
    case '23514':
    case '23502':
    case '22P02':
    case '22001':
    case '22003':
    case '22007':
    case '22008':
    case '22009': {
      // 22009: a time-zone offset PostgreSQL does not take (beyond ±15:59); the list filters check for it first.
      const field = pg.column ? camel(pg.column) : 'body';
      return new ApiException(400, 'VALIDATION_FAILED', `Invalid input. ${field}: violates a database rule`, { [field]: 'violates a database rule' });
    }
    default:
      return undefined;
  }
}
