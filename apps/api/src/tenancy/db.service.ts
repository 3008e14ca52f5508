import { Injectable } from '@nestjs/common';
import type { EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
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
}
