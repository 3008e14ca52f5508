import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role, SessionUser } from '@outcomes/contracts';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config';
import { ApiException } from '../common/errors/api.exception';
import { ABSOLUTE_SECONDS, IDLE_SECONDS } from './auth-user';
import type { AuthUser, TokenPayload } from './auth-user';
import { decoyHash, verifyPassword } from './password';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

/** One message for a wrong password, an unknown e-mail, a locked or a deactivated account. */
export const LOGIN_REFUSED = 'Wrong e-mail or password, or the account is locked';

interface LoginRow {
  id: string;
  role: Role;
  password_hash: string;
  active: boolean;
  locked_until: Date | null;
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
  ) {}

  /** Checks a password; counts failures and locks the account after five for 15 minutes. */
  async verifyCredentials(email: string, password: string): Promise<AuthUser> {
    const [row] = (await this.dataSource.query('SELECT * FROM auth_user_by_email($1)', [email])) as LoginRow[];
    if (!row) {
      await verifyPassword(await decoyHash(), password);
      throw new ApiException(401, 'UNAUTHORIZED', LOGIN_REFUSED);
    }
    const locked = row.locked_until !== null && row.locked_until.getTime() > Date.now();
    const matches = await verifyPassword(row.password_hash, password);
    if (locked || !row.active || !matches) {
      if (!locked && !matches) {
        await this.dataSource.query('SELECT auth_login_failed($1, $2, $3)', [row.id, MAX_FAILED_LOGINS, `${LOCK_MINUTES} minutes`]);
      }
      this.logger.warn({ userId: row.id, locked, active: row.active }, 'login refused');
      throw new ApiException(401, 'UNAUTHORIZED', LOGIN_REFUSED);
    }
    await this.dataSource.query('SELECT auth_login_succeeded($1)', [row.id]);
    const now = Math.floor(Date.now() / 1000);
    const user = await this.loadSession(row.id, now, now);
    if (!user) throw new ApiException(401, 'UNAUTHORIZED', LOGIN_REFUSED);
    return user;
  }

  /** The user behind a token, if the token is still honoured (active user, same token version, within 12 h). */
  async userForToken(payload: TokenPayload): Promise<AuthUser | undefined> {
    const now = Math.floor(Date.now() / 1000);
    if (typeof payload.auth !== 'number' || now - payload.auth > ABSOLUTE_SECONDS) return undefined;
    const user = await this.loadSession(payload.sub, payload.auth, payload.iat ?? now);
    if (!user || user.tokenVersion !== payload.tv) return undefined;
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

  private async loadSession(id: string, authTime: number, issuedAt: number): Promise<AuthUser | undefined> {
    const [row] = (await this.dataSource.query('SELECT * FROM auth_session($1)', [id])) as SessionRow[];
    if (!row?.active) return undefined;
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
