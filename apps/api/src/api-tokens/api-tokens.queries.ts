import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { findByIdOr404 } from '../common/crud/find-by-id';
import { ApiTokenEntity } from './api-token.entity';

// Every query of api_token, in the request's tenant transaction: row-level security shows a user their
// own tokens and an admin also their municipality's users' (migration ApiTokensTenancy).

export function apiTokenList(m: EntityManager): SelectQueryBuilder<ApiTokenEntity> {
  return m.getRepository(ApiTokenEntity).createQueryBuilder('t');
}

export function apiTokenOr404(m: EntityManager, id: string): Promise<ApiTokenEntity> {
  return findByIdOr404(m.getRepository(ApiTokenEntity), id, 'API token');
}

/** The municipality's longest token life in days; the national operator (no municipality) has the year. */
export async function maxTokenDays(m: EntityManager): Promise<number> {
  const rows = (await m.query('SELECT api_token_max_days AS days FROM municipality WHERE id = app_municipality_id()')) as { days: number }[];
  return rows[0]?.days ?? 365;
}

export async function insertApiToken(m: EntityManager, token: Omit<ApiTokenEntity, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'lastUsedAt' | 'revokedAt' | 'revokedByUserId' | 'endReason'>): Promise<string> {
  const result = await m.getRepository(ApiTokenEntity).insert(token);
  return (result.identifiers[0] as { id: string }).id;
}

/** Revokes a token not yet ended; answers whether it did (false: already ended, or not visible). */
export async function revokeApiToken(m: EntityManager, id: string, byUserId: string): Promise<boolean> {
  const rows = (await m.query(
    `UPDATE api_token SET revoked_at = now(), revoked_by_user_id = $2, end_reason = 'revoked', version = version + 1, updated_at = now()
     WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
    [id, byUserId],
  )) as unknown[];
  return rows.length > 0;
}

/** Display names of the tokens' users, as far as row-level security shows them (an admin: their municipality's). */
export async function userNames(m: EntityManager, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = (await m.query('SELECT id, display_name FROM app_user WHERE id = ANY($1::uuid[])', [ids])) as { id: string; display_name: string }[];
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
