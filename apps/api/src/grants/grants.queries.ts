import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { findByIdOr404 } from '../common/crud/find-by-id';
import { EvaluatorGrantEntity } from './evaluator-grant.entity';

// Every query of the grants feature (table evaluator_grant, and the database functions that reach
// across municipalities: grant_find_evaluator, grant_end_for_user), in the request's tenant
// transaction (row-level security applies).

/**
 * The day in Denmark, which is when a grant's dates begin and end: libs/domain's danishToday() on the
 * database's clock, because the session function that enforces grants decides by that clock.
 */
const DANISH_TODAY = `(now() AT TIME ZONE 'Europe/Copenhagen')::date::text`;

/** The base of the grant list (listPage adds the filters, sort and range). */
export function grantList(m: EntityManager): SelectQueryBuilder<EvaluatorGrantEntity> {
  return m.getRepository(EvaluatorGrantEntity).createQueryBuilder('r');
}

/** The grant a path names, or 404 "Grant not found". */
export function grantOr404(m: EntityManager, id: string): Promise<EvaluatorGrantEntity> {
  return findByIdOr404(m.getRepository(EvaluatorGrantEntity), id, 'Grant');
}

/** The active evaluator with this e-mail address, of any municipality (grant_find_evaluator), or undefined. */
export async function findEvaluator(m: EntityManager, email: string): Promise<{ id: string; municipality_id: string; email: string } | undefined> {
  const [evaluator] = (await m.query('SELECT id, municipality_id, email FROM grant_find_evaluator($1)', [email])) as {
    id: string;
    municipality_id: string;
    email: string;
  }[];
  return evaluator;
}

/** Inserts a grant; answers its id. */
export async function insertGrant(m: EntityManager, values: QueryDeepPartialEntity<EvaluatorGrantEntity>): Promise<string> {
  const result = await m.getRepository(EvaluatorGrantEntity).createQueryBuilder().insert().values(values).returning('id').execute();
  return (result.identifiers[0] as { id: string }).id;
}

/** Revokes the grant now, unless it was revoked already. */
export async function revokeGrant(m: EntityManager, id: string, byUserId: string): Promise<void> {
  await m
    .getRepository(EvaluatorGrantEntity)
    .createQueryBuilder()
    .update()
    .set({ revokedAt: () => 'now()', revokedByUserId: byUserId })
    .where('id = :id AND revoked_at IS NULL', { id })
    .execute();
}

/** Ends every grant to this user, whichever municipality made it (grant_end_for_user); answers their ids. */
export async function endGrantsOfUser(m: EntityManager, userId: string): Promise<{ id: string }[]> {
  return (await m.query('SELECT grant_end_for_user AS id FROM grant_end_for_user($1)', [userId])) as { id: string }[];
}

/** Today in Denmark by the database's clock. */
export async function danishTodayInDatabase(m: EntityManager): Promise<string> {
  const [row] = (await m.query(`SELECT ${DANISH_TODAY} AS today`)) as [{ today: string }];
  return row.today;
}
