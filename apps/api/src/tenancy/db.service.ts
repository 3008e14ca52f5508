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
   * Runs work as another municipality the user may read (their own or one granted to an evaluator),
   * by moving the transaction's tenant setting; row-level security then applies to that one.
   */
  async asMunicipality<T>(municipalityId: string, work: () => Promise<T>): Promise<T> {
    const user = this.user();
    if (municipalityId !== user.municipalityId && !user.grantedMunicipalityIds.includes(municipalityId)) {
      throw new ApiException(403, 'FORBIDDEN', 'That municipality has not been granted to you', { municipalityId: 'is not your municipality nor one granted to you' });
    }
    const manager = this.manager();
    const restore = (): Promise<unknown> => manager.query(`SELECT set_config('app.municipality_id', $1, true)`, [user.municipalityId]);
    await manager.query(`SELECT set_config('app.municipality_id', $1, true)`, [municipalityId]);
    let result: T;
    try {
      result = await work();
    } catch (error) {
      // After a failed statement the transaction is aborted and the restore fails too: keep the first error.
      await restore().catch(() => undefined);
      throw error;
    }
    await restore();
    return result;
  }
}
