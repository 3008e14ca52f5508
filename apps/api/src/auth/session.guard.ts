import { Injectable } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request, Response } from 'express';
import { clientGone } from '../common/client-gone';
import { ApiException } from '../common/errors/api.exception';
import { isDatabaseUnavailable, isPoolExhausted } from '../common/errors/database-errors';
import { TenantTransaction } from '../tenancy/tenant-transaction.service';
import { PERMISSION, PUBLIC_ROUTE, SECOND_TRANSACTION } from './auth.decorators';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { ApiTokenAuthenticator, ApiTokenRefused, bearerApiToken } from './api-token-authenticator';
import { logRefusal } from './refusal-log';
import type { RoutePermission } from './refusal-log';
import { setSessionCookie } from './session-cookie';
import { OWN_SESSION_READ } from './jwt.strategy';
import type { SessionCheckRequest } from './jwt.strategy';

// Renew the cookie at most once a minute: that is what makes the 30 minutes an idle limit.
const RENEW_AFTER_SECONDS = 60;

/** Every route needs a valid session (or a personal API token, issue 24) unless marked @Public(). */
@Injectable()
export class SessionGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly apiTokens: ApiTokenAuthenticator,
    private readonly tenant: TenantTransaction,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    // A personal API token (Authorization: Bearer otk_…) stands on its own: no cookie is read or renewed.
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const apiToken = bearerApiToken(request);
    if (apiToken) {
      try {
        request.user = await this.apiTokens.authenticate(apiToken);
      } catch (error) {
        // An expired or ended token is someone's: its use is in their log (a script left running, or a
        // leaked token tried). A string that is no token names no one, and is not logged (decision 158).
        if (error instanceof ApiTokenRefused && error.holder) {
          await logRefusal(this.tenant, request, error.holder, this.reflector.get<RoutePermission>(PERMISSION, context.getHandler()));
        }
        throw error;
      }
      return true;
    }
    // The JWT strategy reads it: a handler that opens a second transaction gets no transaction from the check.
    if (this.reflector.get<boolean>(SECOND_TRANSACTION, context.getHandler())) (request as SessionCheckRequest)[OWN_SESSION_READ] = true;
    await (super.canActivate(context) as Promise<boolean>);
    const http = context.switchToHttp();
    const user = http.getRequest<Request & { user: AuthUser }>().user;
    // The session check opened the request's tenant transaction (decision 179); the tenant interceptor
    // continues it. Should the request end without that (a later guard refused it without logging, the
    // client went away first), it is rolled back here and its connection returned to the pool.
    const response = http.getResponse<Response>();
    response.once('close', () => void this.tenant.discard(user));
    // A client gone during the check fired its `close` before anyone listened: discarded now.
    if (clientGone(response)) void this.tenant.discard(user);
    if (Math.floor(Date.now() / 1000) - user.issuedAt > RENEW_AFTER_SECONDS) {
      setSessionCookie(http.getResponse<Response>(), this.auth.sign(user), this.auth.cookieMaxAgeMs, http.getRequest<Request>().secure);
    }
    return true;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    // A session cannot be checked while the database is away or every connection is busy: a 503, not a 401.
    if (isDatabaseUnavailable(error) || isPoolExhausted(error)) throw error;
    if (error || !user) throw new ApiException(401, 'UNAUTHORIZED', 'Sign in first: the session is missing, invalid or expired');
    return user;
  }
}
