import { applyDecorators, createParamDecorator, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import type { ExecutionContext } from '@nestjs/common';
import type { Action, ResourceName } from '@outcomes/contracts';
import type { Request } from 'express';
import type { AuthUser } from './auth-user';

export const PUBLIC_ROUTE = 'auth:public';
export const PERMISSION = 'auth:permission';
export const SIGNED_IN_ONLY = 'auth:signed-in';
export const SECOND_TRANSACTION = 'auth:second-transaction';

/** No sign-in needed (health, login). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/**
 * What this handler does to which resource, checked against PERMISSIONS. Without it, signed-in routes are refused.
 * Also published in the OpenAPI document as `x-permission`, so clients (and the bad-input suite, which must
 * call each endpoint as a role allowed there) can tell who may call it without a copy of the route table.
 */
export const Permission = (resource: ResourceName, action: Action): MethodDecorator =>
  applyDecorators(
    SetMetadata(PERMISSION, { resource, action }),
    ApiExtension('x-permission', { resource, action }),
    // Every resource route accepts a personal API token whose scope names `resource:action`; tokens are
    // never managed with a token (no scope can carry api-tokens), so those routes do not list the scheme.
    ...(resource === 'api-tokens' ? [] : [ApiBearerAuth(API_TOKEN_SCHEME)]),
  );

/** The OpenAPI security scheme of personal API tokens (app.setup.ts describes it). */
export const API_TOKEN_SCHEME = 'api-token';

/**
 * The handler opens a second tenant transaction while the request's own is open (a download logged and
 * committed before the file streams). Its session check then reads the session on a connection of its
 * own, returned at once, and does not open the request's transaction (decision 179): a request that
 * held its first connection from the guard on and waited for a second deadlocked under load, every
 * connection of the pool held by a request waiting for another (exports.e2e-spec.ts, twelve downloads).
 */
export const SecondTransaction = (): MethodDecorator => SetMetadata(SECOND_TRANSACTION, true);

/** Any signed-in user may call it (their own session: me, logout). */
export const SignedIn = (): MethodDecorator => SetMetadata(SIGNED_IN_ONLY, true);

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<Request & { user: AuthUser }>().user;
});
