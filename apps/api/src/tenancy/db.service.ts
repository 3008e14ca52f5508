import { Injectable } from '@nestjs/common';
import type { EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { ApiException } from '../common/errors/api.exception';
import { requestContext } from './request-context';
import type { RequestContext } from './request-context';

/**
 * The request's tenant transaction, for services: every query a service makes goes through the
 * EntityManager of the transaction that set the tenant, so row-level security always applies.
 */
@Injectable()
export class Db {
  context(): RequestContext {
    const ctx = requestContext.getStore();
    if (!ctx) throw new Error('No tenant transaction: this code must run inside an authenticated request');
    return ctx;
  }

  manager(): EntityManager {
    return this.context().manager;
  }

  repo<E extends ObjectLiteral>(entity: EntityTarget<E>): Repository<E> {
    return this.manager().getRepository(entity);
  }

  user(): AuthUser {
    return this.context().user;
  }

  /**
   * The municipality a new record of the request belongs to. Only the national operator has none,
   * and no route that writes a municipality's records is open to that role (permissions table).
   */
  municipalityId(): string {
    const id = this.user().municipalityId;
    if (id === null) throw new ApiException(403, 'FORBIDDEN', 'The national operator belongs to no municipality');
    return id;
  }

  /**
   * Records enrolments' citizens as this request read them from the enrolments' own rows (never from
   * input): the access log's row for the answer names those citizens without a query of its own.
   */
  knowEnrolmentCitizens(pairs: Iterable<readonly [enrolmentId: string, citizenId: string]>): void {
    const ctx = this.context();
    const known = (ctx.enrolmentCitizens ??= new Map());
    for (const [enrolmentId, citizenId] of pairs) known.set(enrolmentId.toLowerCase(), citizenId.toLowerCase());
  }

  /**
   * Logs a change to reference data, users, grants or settings with the record before and after, in
   * the request's transaction (so a change that is rolled back leaves no row claiming it happened).
   */
  logChange(resource: string, action: 'create' | 'update' | 'delete', recordId: string, before: unknown, after: unknown): void {
    this.context().accesses.push({ action, resource, recordId, outcome: 'ok', change: { before: before ?? null, after: after ?? null } });
  }
}
