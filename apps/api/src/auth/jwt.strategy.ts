import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER, SESSION_COOKIE } from './auth-user';
import type { AuthUser, TokenPayload } from './auth-user';
import { AuthService } from './auth.service';

const fromCookie = (req: Request): string | null => {
  const cookies = req.cookies as Record<string, string> | undefined;
  return cookies?.[SESSION_COOKIE] ?? null;
};

/** Set by the session guard on a request whose handler opens a second transaction (auth.decorators.ts, SecondTransaction). */
export const OWN_SESSION_READ = Symbol('own session read');
export type SessionCheckRequest = Request & { [OWN_SESSION_READ]?: boolean };

/** The session token from the httpOnly cookie (browsers) or a Bearer header (scripts). */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromExtractors([fromCookie, ExtractJwt.fromAuthHeaderAsBearerToken()]),
      // A KeyObject made once: given a string, jsonwebtoken first tries it as a public key (a thrown
      // and caught error) and then makes a secret key of it, on every request (docs/performance.md,
      // "Smaller findings"). Same bytes as the string (UTF-8), so tokens signed with it verify.
      // passport-jwt hands it to jsonwebtoken as it is; its types predate KeyObject support.
      secretOrKey: createSecretKey(Buffer.from(config.secrets.jwtSecret, 'utf8')) as unknown as Buffer,
      algorithms: [JWT_ALGORITHM],
      audience: JWT_AUDIENCE,
      issuer: JWT_ISSUER,
      ignoreExpiration: false,
      passReqToCallback: true,
    });
  }

  async validate(request: SessionCheckRequest, payload: TokenPayload): Promise<AuthUser | false> {
    return (await this.auth.userForToken(payload, { openTransaction: request[OWN_SESSION_READ] !== true })) ?? false;
  }
}
