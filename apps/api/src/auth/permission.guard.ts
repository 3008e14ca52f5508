import { Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_ACTION_OF, can } from '@outcomes/contracts';
import type { Action, ResourceName } from '@outcomes/contracts';
import type { Request } from 'express';
import { ApiException } from '../common/errors/api.exception';
import { TenantTransaction } from '../tenancy/tenant-transaction.service';
import { PERMISSION, PUBLIC_ROUTE, SIGNED_IN_ONLY } from './auth.decorators';
import type { AuthUser } from './auth-user';
import { clientAddress, routeRecordId } from '../tenancy/request-info';

/**
 * The one enforcement point of the permissions table (libs/contracts). A signed-in route without
 * a @Permission is refused: nothing is open by accident. Refusals are written to the access log.
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tenant: TenantTransaction,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    if (this.reflector.getAllAndOverride<boolean>(SIGNED_IN_ONLY, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user: AuthUser }>();
    const permission = this.reflector.get<{ resource: ResourceName; action: Action } | undefined>(PERMISSION, context.getHandler());
    if (permission && can(request.user.role, permission.resource, permission.action)) return true;

    await this.tenant.run(request.user, clientAddress(request), async (ctx) => {
      ctx.accesses.push({
        action: permission ? ACCESS_ACTION_OF[permission.action] : 'read',
        resource: permission?.resource ?? request.path.slice(0, 50),
        recordId: routeRecordId(request),
        outcome: 'refused',
      });
    });
    throw new ApiException(403, 'FORBIDDEN', 'Your role does not allow this');
  }
}
