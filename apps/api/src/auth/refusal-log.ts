import { ACCESS_ACTION_OF } from '@outcomes/contracts';
import type { AccessAction, Action, ResourceName } from '@outcomes/contracts';
import type { Request } from 'express';
import type { TenantTransaction } from '../tenancy/tenant-transaction.service';
import { clientAddress, routeRecordId } from '../tenancy/request-info';
import type { AuthUser } from './auth-user';

/** A route without a permission (signed-in only, e.g. logout): what its method does. */
const ACTION_OF_METHOD: Record<string, AccessAction> = { POST: 'create', PUT: 'update', PATCH: 'update', DELETE: 'delete' };

export type RoutePermission = { resource: ResourceName; action: Action } | undefined;

/**
 * Writes a refused request to the access log under `user` (with their API token's id, when the call
 * came with one), in a tenant transaction of its own: a refusal answers before the request's own
 * transaction is opened. The route's permission names the row; a route without one, its path.
 */
export async function logRefusal(tenant: TenantTransaction, request: Request, user: AuthUser, permission: RoutePermission): Promise<void> {
  await tenant.run(user, clientAddress(request), async (ctx) => {
    ctx.accesses.push({
      action: permission ? ACCESS_ACTION_OF[permission.action] : (ACTION_OF_METHOD[request.method] ?? 'read'),
      resource: permission?.resource ?? request.path.slice(0, 50),
      recordId: routeRecordId(request),
      outcome: 'refused',
    });
  });
}
