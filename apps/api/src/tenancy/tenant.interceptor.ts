import { Injectable } from '@nestjs/common';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_ACTION_OF, GOVERNED_RESOURCES, PERSONAL_DATA_RESOURCES } from '@outcomes/contracts';
import type { Action, ResourceName } from '@outcomes/contracts';
import type { Request } from 'express';
import { from, lastValueFrom } from 'rxjs';
import type { Observable } from 'rxjs';
import { PERMISSION } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { ApiException } from '../common/errors/api.exception';
import { referenceRefusal } from '../common/errors/database-errors';
import { clientAddress, routeRecordId } from './request-info';
import { TenantTransaction } from './tenant-transaction.service';

/** The search criterion as logged: the list's filter (never its paging), or null. */
function criterionOf(request: Request): string | null {
  const filter = (request.query as Record<string, unknown>)['filter'];
  return typeof filter === 'string' && filter !== '{}' ? filter.slice(0, 2000) : null;
}

/**
 * Runs every signed-in request inside its tenant transaction, and logs each use of personal data
 * (search with its criterion, read, create, update, delete) in that same transaction. A request for
 * a record the user may not see answers 404 like a missing one, and that refusal is logged too.
 */
@Injectable()
export class TenantInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly tenant: TenantTransaction,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const user = request.user;
    if (!user) return next.handle();
    const permission = this.reflector.get<{ resource: ResourceName; action: Action } | undefined>(PERMISSION, context.getHandler());
    const audited = permission && PERSONAL_DATA_RESOURCES.includes(permission.resource) ? permission : undefined;
    const address = clientAddress(request);

    const work = this.tenant.run(user, address, async (ctx) => {
      const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
      if (audited) {
        const record = audited.action === 'list' ? undefined : (result as { id?: string; citizenId?: string } | undefined);
        const recordId = (audited.action === 'create' ? record?.id : undefined) ?? routeRecordId(request) ?? record?.id ?? null;
        ctx.accesses.push({
          action: ACCESS_ACTION_OF[audited.action],
          resource: audited.resource,
          recordId,
          citizenId: audited.resource === 'citizens' ? recordId : (record?.citizenId ?? null),
          criterion: ctx.criterion ?? (audited.action === 'list' ? criterionOf(request) : null),
          outcome: 'ok',
        });
      }
      return result;
    });

    // A refused write to reference data, users, grants or settings (another municipality's, the
    // national catalogue, a field the role may not change) is logged as an attempt, after the rollback.
    const governedWrite = permission && GOVERNED_RESOURCES.includes(permission.resource) && permission.action !== 'list' && permission.action !== 'read' ? permission : undefined;

    return from(
      work.catch(async (error: unknown) => {
        // A reference outside the municipality (the service's refusal or the database's key): 400
        // naming the field, nothing written (the work's transaction rolled back), the attempt logged.
        const refused = permission ? referenceRefusal(error) : undefined;
        if (permission && refused) {
          await this.tenant.run(user, address, async (ctx) => {
            ctx.accesses.push({
              action: ACCESS_ACTION_OF[permission.action],
              resource: permission.resource,
              recordId: routeRecordId(request),
              criterion: `reference: ${refused.field}`,
              outcome: 'refused',
            });
          });
          throw refused;
        }
        if (governedWrite && error instanceof ApiException && ([400, 403, 409].includes(error.getStatus()) || (error.getStatus() === 404 && !audited))) {
          await this.tenant.run(user, address, async (ctx) => {
            ctx.accesses.push({
              action: ACCESS_ACTION_OF[governedWrite.action],
              resource: governedWrite.resource,
              recordId: routeRecordId(request),
              outcome: error.getStatus() === 404 ? 'not-found' : 'refused',
            });
          });
        }
        if (audited && error instanceof ApiException && error.getStatus() === 404) {
          await this.tenant.run(user, address, async (ctx) => {
            const recordId = routeRecordId(request);
            ctx.accesses.push({
              action: ACCESS_ACTION_OF[audited.action],
              resource: audited.resource,
              recordId,
              citizenId: audited.resource === 'citizens' ? recordId : null,
              outcome: 'not-found',
            });
          });
        }
        throw error;
      }),
    );
  }
}
