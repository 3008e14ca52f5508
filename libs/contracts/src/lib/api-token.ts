import type { Action, Role } from './permissions';
import { PERMISSIONS } from './permissions';
import type { ResourceName } from './resources';

/**
 * Personal API tokens (issue 24; docs/api-tokens.md). A token is `otk_<prefix>_<secret>`: the prefix
 * (8 hex digits) is shown in lists to tell tokens apart and is not secret; the secret is 256 random bits.
 * The whole token is shown once, when made; the API stores only its SHA-256.
 */
export const API_TOKEN_PREFIX = 'otk_';
export const API_TOKEN_PURPOSE_MAX = 200;

/** One permission of a token's scope: `<resource>:<action>`, e.g. `export-jobs:create`. */
export type ApiTokenScopeEntry = `${ResourceName}:${Action}`;

/** Why a token stopped working: revoked by a person, or ended with the user's role, account or password. */
export const API_TOKEN_END_REASONS = ['revoked', 'role-changed', 'deactivated', 'password-changed'] as const;
export type ApiTokenEndReason = (typeof API_TOKEN_END_REASONS)[number];

export interface ApiToken {
  id: string;
  userId: string;
  /** The token's owner, for an admin's list of their users' tokens. */
  userDisplayName: string;
  purpose: string;
  /** `otk_` + 8 hex digits: enough to recognise the token in a script's configuration, useless to call with. */
  prefix: string;
  scope: ApiTokenScopeEntry[];
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  endReason: ApiTokenEndReason | null;
}

/** The answer to creating a token: the only time `token` is ever shown. */
export interface CreatedApiToken extends ApiToken {
  token: string;
}

export interface ApiTokenInput {
  purpose: string;
  /** Days from now (1 to the municipality's `apiTokenMaxDays`, at most 365). */
  expiresInDays: number;
  scope: ApiTokenScopeEntry[];
}

/** Tokens never manage tokens: a script holding one cannot make itself another, longer-lived one. */
const NEVER_IN_SCOPE: readonly ResourceName[] = ['api-tokens'];

/**
 * What only a signed-in person may do (decision 139). Writing users would let a token set a password
 * or make an account, and so turn itself into sessions and new tokens (the session's attacker review
 * did exactly that); break-the-glass and a retention run are a person's decision, with a reason.
 */
const SESSION_ONLY: readonly ApiTokenScopeEntry[] = ['users:create', 'users:update', 'users:delete', 'emergency-accesses:create', 'retention:create'];

/** Every permission a token of this role may carry: the role's own, less the token routes and what only a session may do. */
export function tokenScopeChoices(role: Role): ApiTokenScopeEntry[] {
  return Object.entries(PERMISSIONS[role])
    .filter(([resource]) => !NEVER_IN_SCOPE.includes(resource as ResourceName))
    .flatMap(([resource, actions]) => (actions ?? []).map((action) => `${resource}:${action}` as ApiTokenScopeEntry))
    .filter((entry) => !SESSION_ONLY.includes(entry));
}
