import { Injectable } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request, Response } from 'express';
import { ApiException } from '../common/errors/api.exception';
import { isDatabaseUnavailable, isPoolExhausted } from '../common/errors/database-errors';
import { PUBLIC_ROUTE } from './auth.decorators';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { setSessionCookie } from './session-cookie';

// Renew the cookie at most once a minute: that is what makes the 30 minutes an idle limit.
const RENEW_AFTER_SECONDS = 60;

/** Every route needs a valid session unless marked @Public(). */
@Injectable()
export class SessionGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    await (super.canActivate(context) as Promise<boolean>);
    const http = context.switchToHttp();
    const user = http.getRequest<Request & { user: AuthUser }>().user;
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
