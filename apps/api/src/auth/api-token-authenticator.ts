import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { API_TOKEN_PREFIX } from '@outcomes/contracts';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { ApiException } from '../common/errors/api.exception';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';

interface TokenRow {
  id: string;
  user_id: string;
  scope: string[];
  role: string;
  expires_at: Date;
  revoked_at: Date | null;
  end_reason: string | null;
}

/** The SHA-256 (hex) under which a token is stored: the secret is 256 random bits, so no salt or slow hash is needed. */
export function apiTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The personal API token of a request, if it carries one: only from `Authorization: Bearer otk_…`,
 * never from a query string or a body (a secret in a URL ends up in logs and browser history). A
 * session JWT in the same header is left to the JWT strategy.
 */
export function bearerApiToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const token = match?.[1];
  return token?.startsWith(API_TOKEN_PREFIX) ? token : undefined;
}

/**
 * A 401 for a token that exists but is no longer honoured (expired, revoked, ended with its user):
 * `holder` is its user as they are now, with the token's id, under whom the refusal is logged
 * (decision 158). An unknown token has no holder and is not logged.
 */
export class ApiTokenRefused extends ApiException {
  constructor(
    code: 'UNAUTHORIZED' | 'TOKEN_EXPIRED' | 'TOKEN_REVOKED',
    message: string,
    readonly holder: AuthUser | undefined,
  ) {
    super(401, code, message);
  }
}

const END_REASONS: Record<string, string> = {
  deactivated: 'its user was deactivated',
  'role-changed': "its user's role changed",
  'password-changed': 'its user was given a new password',
};

/**
 * The small bearer strategy of personal API tokens: the token's hash found through auth_api_token()
 * (before any tenant is known, like a session), then the user as they are now, narrowed to the token's
 * scope. Each refusal says why: unknown, expired, revoked (and by what), or the user's role or account changed.
 */
@Injectable()
export class ApiTokenAuthenticator {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
  ) {}

  async authenticate(token: string): Promise<AuthUser> {
    const [row] = (await this.dataSource.query('SELECT * FROM auth_api_token($1)', [apiTokenHash(token)])) as TokenRow[];
    if (!row) throw new ApiTokenRefused('UNAUTHORIZED', 'The API token is not valid: no such token', undefined);
    const now = await this.auth.userAsNow(row.user_id);
    const refused = (code: 'TOKEN_EXPIRED' | 'TOKEN_REVOKED', message: string): ApiTokenRefused =>
      new ApiTokenRefused(code, message, now ? { ...now.user, apiTokenId: row.id, apiTokenScope: row.scope } : undefined);
    if (row.revoked_at) {
      const why = END_REASONS[row.end_reason ?? ''] ?? 'it was revoked';
      throw refused('TOKEN_REVOKED', `The API token was revoked: ${why} (${row.revoked_at.toISOString()})`);
    }
    if (row.expires_at.getTime() <= Date.now()) {
      throw refused('TOKEN_EXPIRED', `The API token expired at ${row.expires_at.toISOString()}: make a new one`);
    }
    if (!now?.active) throw refused('TOKEN_REVOKED', 'The API token was revoked: its user was deactivated');
    // The trigger revokes on a role change; this holds even if the row was never updated (defence in depth).
    if (now.user.role !== row.role) throw refused('TOKEN_REVOKED', "The API token was revoked: its user's role changed");
    return { ...now.user, apiTokenId: row.id, apiTokenScope: row.scope };
  }
}
