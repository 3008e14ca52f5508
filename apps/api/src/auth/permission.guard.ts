import { Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { can } from '@outcomes/contracts';
import type { Action, ResourceName } from '@outcomes/contracts';
import type { Request } from 'express';
import { ApiException } from '../common/errors/api.exception';
import { TenantTransaction } from '../tenancy/tenant-transaction.service';
import { PERMISSION, PUBLIC_ROUTE, SIGNED_IN_ONLY } from './auth.decorators';
import type { AuthUser } from './auth-user';
import { logRefusal } from './refusal-log';

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
    const request = context.switchToHttp().getRequest<Request & { user: AuthUser }>();
    const scope = request.user.apiTokenScope;
    if (this.reflector.getAllAndOverride<boolean>(SIGNED_IN_ONLY, targets)) {
      // A token may ask who it is (GET /auth/me) and read shared code lists, never end the user's sessions (logout).
      if (!scope || request.method === 'GET') return true;
      await logRefusal(this.tenant, request, request.user, undefined);
      throw new ApiException(403, 'TOKEN_SCOPE', 'This is done from a signed-in session, not with an API token', { scope: 'no token scope allows this' });
    }
    const permission = this.reflector.get<{ resource: ResourceName; action: Action } | undefined>(PERMISSION, context.getHandler());
    if (permission && can(request.user.role, permission.resource, permission.action)) {
      // A personal API token narrows the role's permissions to its scope (issue 24).
      const needed = `${permission.resource}:${permission.action}`;
      if (!scope || scope.includes(needed)) return true;
      await logRefusal(this.tenant, request, request.user, permission);
      throw new ApiException(403, 'TOKEN_SCOPE', `The API token's scope does not include ${needed}`, { scope: `does not include ${needed}` });
    }

    await logRefusal(this.tenant, request, request.user, permission);
    throw new ApiException(403, 'FORBIDDEN', 'Your role does not allow this');
  }
}
