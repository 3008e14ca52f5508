import { randomBytes } from 'node:crypto';
import { API_TOKEN_PREFIX } from '@outcomes/contracts';

/**
 * A new token: `otk_` + 8 hex digits (the listed, non-secret prefix) + `_` + 256 random bits
 * (base64url). Only its SHA-256 is stored (api-token-authenticator.ts: apiTokenHash).
 */
export function newApiToken(): { token: string; prefix: string } {
  const prefix = `${API_TOKEN_PREFIX}${randomBytes(4).toString('hex')}`;
  return { token: `${prefix}_${randomBytes(32).toString('base64url')}`, prefix };
}
