import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { ApiException } from '../common/errors/api.exception';

/**
 * The transaction-local settings the row-level security policies read: who is asking, in which
 * role, in which municipality, and every municipality they may read (their own plus grants).
 */
export async function applyTenantSettings(manager: EntityManager, user: AuthUser): Promise<void> {
  await manager.query(
    `SELECT set_config('app.user_id', $1, true), set_config('app.role', $2, true),
            set_config('app.municipality_id', $3, true), set_config('app.municipality_ids', $4, true)`,
    // The national operator has no municipality: '' reads as NULL, which no tenant policy matches.
    [user.id, user.role, user.municipalityId ?? '', [user.municipalityId ?? '', ...user.grantedMunicipalityIds].filter(Boolean).join(',')],
  );
}

/** 403 unless the municipality is the user's own or one granted to them (evaluators). */
export function assertMayRead(user: AuthUser, municipalityId: string): void {
  if (user.municipalityId === null || (municipalityId !== user.municipalityId && !user.grantedMunicipalityIds.includes(municipalityId))) {
    throw new ApiException(403, 'FORBIDDEN', 'That municipality has not been granted to you', { municipalityId: 'is not your municipality nor one granted to you' });
  }
}

/**
 * Runs work as another municipality the user may read, by moving the transaction's tenant setting;
 * row-level security then applies to that one. Restored afterwards.
 */
export async function asMunicipality<T>(manager: EntityManager, user: AuthUser, municipalityId: string, work: () => Promise<T>): Promise<T> {
  assertMayRead(user, municipalityId);
  const restore = (): Promise<unknown> => manager.query(`SELECT set_config('app.municipality_id', $1, true)`, [user.municipalityId ?? '']);
  await manager.query(`SELECT set_config('app.municipality_id', $1, true)`, [municipalityId]);
  let result: T;
  try {
    result = await work();
  } catch (error) {
    // After a failed statement the transaction is aborted and the restore fails too: keep the first error.
    await restore().catch(() => undefined);
    throw error;
  }
  await restore();
  return result;
}
