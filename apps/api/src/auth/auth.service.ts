import { createHmac } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role, SessionUser } from '@outcomes/contracts';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config';
import { ApiException } from '../common/errors/api.exception';
import { isUuid, sessionAndTenantSql } from '../tenancy/tenant-session';
import { TenantTransaction } from '../tenancy/tenant-transaction.service';
import { ABSOLUTE_SECONDS, IDLE_SECONDS } from './auth-user';
import type { AuthUser, TokenPayload } from './auth-user';
import { decoyHash, verifyPassword } from './password';
import { hasSaneTimes } from './token-times';

/** One message for a wrong password, an unknown e-mail or a deactivated account. */
export const LOGIN_REFUSED = 'Wrong e-mail or password';

interface AdmitRow {
  /** null: the e-mail names no account (counted all the same, by its keyed hash). */
  id: string | null;
  role: Role | null;
  /** Only when the attempt is admitted. */
  password_hash: string | null;
  active: boolean | null;
  /** > 0: too soon after the last failure; refused without looking at the password. */
  retry_after_ms: number;
}


interface SessionRow {
  id: string;
  email: string;
  display_name: string;
  municipality_id: string | null;
  municipality_name: string | null;
  role: Role;
  active: boolean;
  token_version: number;
  granted_municipality_ids: string[];
}

/**
 * The 429 of the per-account delay: the same for an existing and an unknown e-mail, in English and
 * Danish (the web app shows its own translation). Retry-After is set from retryAfterSeconds.
 */
function tooSoon(seconds: number): ApiException {
  return new ApiException(
    429,
    'TOO_MANY_REQUESTS',
    `Too many failed sign-ins for this e-mail address: try again in ${seconds} s. / For mange mislykkede login med denne e-mailadresse: prøv igen om ${seconds} s.`,
    undefined,
    { retryAfterSeconds: seconds },
  );
}

/**
 * Sign-in and sessions. These run before a tenant is known, through the database's SECURITY
 * DEFINER functions (auth_*), which expose only what authentication needs.
 */
@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tenant: TenantTransaction,
  ) {}

  /**
   * Checks a password. After n failures in a row on an address (known or not), an attempt sooner than
   * min(2^(n-1), 10) s after the last one is refused with 429 and Retry-After, the password unread;
   * a correct password after the wait always signs in (no lock-out: issue 17).
   */
  async verifyCredentials(email: string, password: string): Promise<AuthUser> {
    const emailHash = this.emailHash(email);
    const [row] = (await this.dataSource.query('SELECT * FROM auth_login_admit($1, $2)', [email, emailHash])) as AdmitRow[];
    if (!row) throw new Error('auth_login_admit answered no row');
    if (row.retry_after_ms > 0) {
      const seconds = Math.ceil(row.retry_after_ms / 1000);
      this.logger.warn({ userId: row.id, retryAfterSeconds: seconds }, 'login attempt too soon after a failure');
      throw tooSoon(seconds);
    }
    if (row.id === null || row.password_hash === null) {
      await verifyPassword(await decoyHash(), password);
      await this.dataSource.query('SELECT auth_login_failed(NULL, $1)', [emailHash]);
      throw new ApiException(401, 'UNAUTHORIZED', LOGIN_REFUSED);
    }
    const matches = await verifyPassword(row.password_hash, password);
    if (!row.active || !matches) {
      await this.dataSource.query('SELECT auth_login_failed($1, NULL)', [row.id]);
      this.logger.warn({ userId: row.id, active: row.active }, 'login refused');
      throw new ApiException(401, 'UNAUTHORIZED', LOGIN_REFUSED);
    }
    await this.dataSource.query('SELECT auth_login_succeeded($1)', [row.id]);
    const now = Math.floor(Date.now() / 1000);
    const user = await this.loadSession(row.id, now, now);
    if (!user) throw new ApiException(401, 'UNAUTHORIZED', LOGIN_REFUSED);
    return user;
  }

  /** The keyed hash under which attempts on an e-mail that names no account are counted (never the address itself). */
  private emailHash(email: string): string {
    return createHmac('sha256', Buffer.from(this.config.secrets.blindIndexKey, 'base64')).update(`login:${email.toLowerCase()}`).digest('base64');
  }

  /**
   * The user behind a token, if the token is still honoured (active user, same token version, within 12 h).
   * The signature and `exp` are checked by passport-jwt, but jsonwebtoken checks `exp` only when it is
   * there: a signed token without it was honoured for ever (issue 17). So every time claim this API
   * writes must be present and consistent with what sign() writes.
   */
  async userForToken(payload: TokenPayload, { openTransaction }: { openTransaction: boolean }): Promise<AuthUser | undefined> {
    if (!hasSaneTimes(payload, Math.floor(Date.now() / 1000))) return undefined;
    if (!openTransaction) {
      // A handler that opens a second transaction (SecondTransaction): the session on a connection of its own.
      const user = await this.loadSession(payload.sub, payload.auth, payload.iat);
      return user && user.tokenVersion === payload.tv ? user : undefined;
    }
    if (!isUuid(payload.sub)) return undefined;
    // The session is read in the request's own tenant transaction, opened by the same round trip, which
    // also sets the tenant from the row read; the request's tenant interceptor continues it (decision 179).
    const { runner, rows } = await this.tenant.begin(sessionAndTenantSql(payload.sub));
    const [row] = rows as unknown as SessionRow[];
    if (!row?.active || row.token_version !== payload.tv) {
      await this.tenant.end(runner);
      return undefined;
    }
    const user = this.toAuthUser(row, payload.auth, payload.iat);
    this.tenant.keep(user, runner);
    return user;
  }

  /** A token that expires after 30 idle minutes, never later than 12 h after sign-in. */
  sign(user: AuthUser): string {
    const now = Math.floor(Date.now() / 1000);
    const expiresIn = Math.max(1, Math.min(IDLE_SECONDS, user.authTime + ABSOLUTE_SECONDS - now));
    const payload: TokenPayload = { sub: user.id, role: user.role, mun: user.municipalityId, tv: user.tokenVersion, auth: user.authTime };
    return this.jwt.sign(payload, { expiresIn });
  }

  /** Ends every session of the user at once (logout, deactivation, password change). */
  async endSessions(userId: string): Promise<void> {
    await this.dataSource.query('SELECT auth_end_sessions($1)', [userId]);
  }

  sessionUser(user: AuthUser): SessionUser {
    const { id, email, displayName, role, municipalityId, municipalityName } = user;
    return { id, email, displayName, role, municipalityId, municipalityName };
  }

  get cookieMaxAgeMs(): number {
    return IDLE_SECONDS * 1000;
  }

  get secure(): boolean {
    return this.config.production;
  }

  /** The user as they are now, for work done on their behalf outside a request (an export job); undefined when deactivated. */
  activeUser(id: string): Promise<AuthUser | undefined> {
    return this.loadSession(id, 0, 0);
  }

  /**
   * The user as they are now, active or not: whom a refused API token's call is logged under (its user
   * may have been deactivated, which is why it is refused).
   */
  async userAsNow(id: string): Promise<{ user: AuthUser; active: boolean } | undefined> {
    const [row] = (await this.dataSource.query('SELECT * FROM auth_session($1)', [id])) as SessionRow[];
    return row ? { user: this.toAuthUser(row, 0, 0), active: row.active } : undefined;
  }

  private async loadSession(id: string, authTime: number, issuedAt: number): Promise<AuthUser | undefined> {
    const [row] = (await this.dataSource.query('SELECT * FROM auth_session($1)', [id])) as SessionRow[];
    if (!row?.active) return undefined;
    return this.toAuthUser(row, authTime, issuedAt);
  }

  private toAuthUser(row: SessionRow, authTime: number, issuedAt: number): AuthUser {
    return {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      municipalityId: row.municipality_id,
      municipalityName: row.municipality_name,
      grantedMunicipalityIds: row.granted_municipality_ids,
      tokenVersion: row.token_version,
      authTime,
      issuedAt,
    };
  }
}
