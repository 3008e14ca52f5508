import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import type { AppConfig } from '../config/config';
import { TenantInterceptor } from '../tenancy/tenant.interceptor';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from './auth-user';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { ApiTokenAuthenticator } from './api-token-authenticator';
import { JwtStrategy } from './jwt.strategy';
import { LocalStrategy } from './local.strategy';
import { PermissionGuard } from './permission.guard';
import { SessionGuard } from './session.guard';

/** Sign-in, sessions, and the global guards: a session on every route, then the permissions table. */
@Module({})
export class AuthModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AuthModule,
      // Global: work done for a user outside a request (export jobs) loads them through AuthService.
      global: true,
      imports: [
        PassportModule,
        JwtModule.register({
          secret: config.secrets.jwtSecret,
          signOptions: { algorithm: JWT_ALGORITHM, audience: JWT_AUDIENCE, issuer: JWT_ISSUER },
          verifyOptions: { algorithms: [JWT_ALGORITHM], audience: JWT_AUDIENCE, issuer: JWT_ISSUER },
        }),
        // Per client address, in memory: each replica counts its own (see docs/decisions.md).
        ThrottlerModule.forRoot({ throttlers: [{ name: 'login', ttl: 60_000, limit: config.loginRateLimit }] }),
      ],
      controllers: [AuthController],
      providers: [
        AuthService,
        LocalStrategy,
        JwtStrategy,
        ApiTokenAuthenticator,
        { provide: APP_GUARD, useClass: SessionGuard },
        { provide: APP_GUARD, useClass: PermissionGuard },
        { provide: APP_INTERCEPTOR, useClass: TenantInterceptor },
      ],
      exports: [AuthService],
    };
  }
}
