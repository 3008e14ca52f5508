import type { Role } from './permissions';
import type { RecordMeta } from './resources';

export interface User extends RecordMeta {
  email: string;
  displayName: string;
  role: Role;
  /** Null only for the national operator, who belongs to no municipality. */
  municipalityId: string | null;
  active: boolean;
  /** Failed sign-ins since the last successful one (each makes the next attempt wait longer, at most 10 s). */
  failedLogins: number;
  /** When a sign-in last failed; kept after a successful one. */
  lastFailedLoginAt: string | null;
  lastLoginAt: string | null;
}

export interface CreateUserInput {
  email: string;
  displayName: string;
  role: Role;
  password: string;
  active?: boolean;
}

/** The signed-in user as the web app needs it. */
export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  /** Null for the national operator. */
  municipalityId: string | null;
  municipalityName: string | null;
}

export interface LoginInput {
  email: string;
  password: string;
}

export interface LoginResult {
  token: string;
  user: SessionUser;
}

/** Rules the API checks and the web app shows beside the password field. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
