import type { AuthUser } from '../auth/auth-user';

// The tenant settings as SQL alone, without Nest: an export's worker process (exports/export-worker.ts)
// sets them on its own connection. tenant-settings.ts adds the checks that answer HTTP errors.

/** What the settings are applied through: a TypeORM manager, or an export worker's own connection. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * The transaction-local settings the row-level security policies read: who is asking, in which
 * role, in which municipality, and every municipality they may read (their own plus grants).
 */
export async function applyTenantSettings(manager: SqlRunner, user: AuthUser): Promise<void> {
  await manager.query(
    `SELECT set_config('app.user_id', $1, true), set_config('app.role', $2, true),
            set_config('app.municipality_id', $3, true), set_config('app.municipality_ids', $4, true)`,
    // The national operator has no municipality: '' reads as NULL, which no tenant policy matches.
    [user.id, user.role, user.municipalityId ?? '', [user.municipalityId ?? '', ...user.grantedMunicipalityIds].filter(Boolean).join(',')],
  );
}

/**
 * The session check and the request's tenant settings in one statement (decision 179): the user as
 * auth_session() answers them, and, for an active user, the same transaction-local settings
 * applyTenantSettings() above makes from that row: '' for the operator's missing
 * municipality; the own municipality and the granted ones, comma-separated, NULL left out. Sent with
 * START TRANSACTION as one simple-protocol query (auth.service.ts), so the id is written in as a
 * literal: only a uuid is (the caller answers 401 for a token naming anything else).
 */
export function sessionAndTenantSql(id: string): string {
  if (!isUuid(id)) throw new Error('sessionAndTenantSql: not a uuid');
  return `SELECT s.*,
    set_config('app.user_id', s.id::text, true), set_config('app.role', s.role, true),
    set_config('app.municipality_id', coalesce(s.municipality_id::text, ''), true),
    set_config('app.municipality_ids', array_to_string(array_prepend(s.municipality_id, s.granted_municipality_ids)::text[], ','), true)
  FROM auth_session('${id}'::uuid) s WHERE s.active`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** Whether the municipality is the user's own or one granted to them (evaluators). */
export function mayRead(user: AuthUser, municipalityId: string): boolean {
  return user.municipalityId !== null && (municipalityId === user.municipalityId || user.grantedMunicipalityIds.includes(municipalityId));
}

/**
 * Runs work as another municipality the user may read, by moving the transaction's tenant setting;
 * row-level security then applies to that one. Restored afterwards. Refuses one the user may not read.
 */
export async function withMunicipality<T>(manager: SqlRunner, user: AuthUser, municipalityId: string, work: () => Promise<T>): Promise<T> {
  if (!mayRead(user, municipalityId)) throw new Error('not a municipality the user may read');
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
