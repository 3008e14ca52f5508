import type { Role, SessionUser } from '@outcomes/contracts';

/** The authenticated user of a request, as the JWT strategy loaded it from the database. */
export interface AuthUser extends SessionUser {
  grantedMunicipalityIds: string[];
  tokenVersion: number;
  /** When the user signed in (seconds since the epoch): the absolute session limit counts from here. */
  authTime: number;
  /** When the presented token was issued (seconds): decides whether to refresh the cookie. */
  issuedAt: number;
  /** Set when the request came with a personal API token (issue 24): its id, logged with every access. */
  apiTokenId?: string;
  /** The token's scope (`<resource>:<action>`): the permission guard allows only these, within the role's own. */
  apiTokenScope?: readonly string[];
}

export interface TokenPayload {
  sub: string;
  role: Role;
  /** The user's municipality; null for the national operator. */
  mun: string | null;
  /** Token version: raised on logout and deactivation, voiding every earlier token. */
  tv: number;
  /** Time of sign-in, seconds since the epoch. */
  auth: number;
  iat?: number;
  exp?: number;
}

export const SESSION_COOKIE = 'outcomes_session';
export const JWT_AUDIENCE = 'outcomes-api';
export const JWT_ISSUER = 'outcomes';
export const JWT_ALGORITHM = 'HS256';
/** Idle expiry: a token lives 30 minutes and is renewed while the user is active. */
export const IDLE_SECONDS = 30 * 60;
/** Absolute expiry: 12 hours after sign-in, whatever the activity. */
export const ABSOLUTE_SECONDS = 12 * 60 * 60;
