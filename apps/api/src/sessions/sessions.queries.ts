import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { findByIdOr404 } from '../common/crud/find-by-id';
import { TreatmentSessionEntity } from './session.entity';

// Every query of the sessions feature (table treatment_session; app_user for names), in the request's tenant
// transaction (row-level security applies).

/** The base of the session list (listPage adds the filters, sort and range). */
export function sessionList(m: EntityManager): SelectQueryBuilder<TreatmentSessionEntity> {
  return m.getRepository(TreatmentSessionEntity).createQueryBuilder('r');
}

/**
 * Two columns beside each listed session's, read in the page's own statement instead of a query
 * each after it (decision 191): how many times its note was changed (as noteChangeCounts() counts
 * them) and its enrolment's citizen, for the access log (null when the enrolment is not visible).
 */
export function withSessionListExtras(qb: SelectQueryBuilder<TreatmentSessionEntity>): SelectQueryBuilder<TreatmentSessionEntity> {
  return qb
    .addSelect(`(SELECT count(*)::int FROM note_version v WHERE v.record_kind = 'session' AND v.record_id = r.id AND v.kind <> 'original')`, SESSION_LIST_EXTRAS.noteChanges)
    .addSelect('(SELECT e.citizen_id::text FROM enrolment e WHERE e.id = r.enrolment_id)', SESSION_LIST_EXTRAS.enrolmentCitizen);
}

/** The aliases of the session list's extra columns in its raw rows; the session's own id is `r_id`. */
export const SESSION_LIST_EXTRAS = { id: 'r_id', noteChanges: 'list_note_changes', enrolmentCitizen: 'list_enrolment_citizen' } as const;

/** The session a path names, or 404 "Session not found". */
export function sessionOr404(m: EntityManager, id: string): Promise<TreatmentSessionEntity> {
  return findByIdOr404(m.getRepository(TreatmentSessionEntity), id, 'Session');
}

/** Inserts a session; answers its id. */
export async function insertSession(m: EntityManager, values: QueryDeepPartialEntity<TreatmentSessionEntity>): Promise<string> {
  const result = await m.getRepository(TreatmentSessionEntity).createQueryBuilder().insert().values(values).returning('id').execute();
  return (result.identifiers[0] as { id: string }).id;
}

/** Writes the changes if the session still has this version; answers how many rows changed (0: stale). */
export async function updateSession(m: EntityManager, id: string, version: number, changes: QueryDeepPartialEntity<TreatmentSessionEntity>): Promise<number | undefined> {
  const result = await m.getRepository(TreatmentSessionEntity).createQueryBuilder().update().set(changes).where('id = :id AND version = :version', { id, version }).execute();
  return result.affected;
}

/** Marks a session entered in error if it still has this version; answers how many rows changed (0: stale). No session is ever deleted. */
export async function markSessionEnteredInError(m: EntityManager, id: string, version: number, byUserId: string, reason: string): Promise<number | undefined> {
  const result = await m
    .getRepository(TreatmentSessionEntity)
    .createQueryBuilder()
    .update()
    .set({ enteredInErrorAt: () => 'now()', enteredInErrorBy: byUserId, enteredInErrorReason: reason })
    .where('id = :id AND version = :version', { id, version })
    .execute();
  return result.affected;
}

/** The display names of users (who marked a session entered in error). */
export async function userNames(m: EntityManager, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = (await m.query('SELECT id::text AS id, display_name FROM app_user WHERE id = ANY($1::uuid[])', [ids])) as { id: string; display_name: string }[];
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** Whether the enrolment has a session (not cancelled, not entered in error) on the Danish day of this moment. */
export async function hasSessionOnDanishDay(m: EntityManager, enrolmentId: string, startsAt: string): Promise<boolean> {
  const rows = (await m.query(
    `SELECT 1 FROM treatment_session WHERE enrolment_id = $1 AND attendance <> 'cancelled' AND entered_in_error_at IS NULL
         AND (starts_at AT TIME ZONE 'Europe/Copenhagen')::date = ($2::timestamptz AT TIME ZONE 'Europe/Copenhagen')::date LIMIT 1`,
    [enrolmentId, new Date(startsAt).toISOString()],
  )) as unknown[];
  return rows.length > 0;
}
