import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { findByIdOr404, findReferenceOr400 } from '../common/crud/find-by-id';
import { attendedCountSql } from './rules-sql';
import { EnrolmentEntity, EnrolmentTransitionEntity } from './enrolment.entity';
import { RegisterEndStatusEntity } from './register-end-status.entity';

// Every query of the enrolments feature, and the enrolment lookups other features make. All run in
// the request's tenant transaction (row-level security applies). The attendance rule's SQL fragment
// lives in rules-sql.ts, which the outcome report shares.

/** The base of the enrolment list (listPage adds the filters, sort and range). */
export function enrolmentList(m: EntityManager): SelectQueryBuilder<EnrolmentEntity> {
  return m.getRepository(EnrolmentEntity).createQueryBuilder('r');
}

/**
 * Each listed enrolment's state history and protocol progress as columns of the page's own statement
 * (decision 191), where transitionsOf() and enrolmentProgress() are a query each after it. The history
 * is JSON, oldest first (on the same instant, the first move first, then by id, as transitionsOf()); `at` is PostgreSQL's text of the
 * timestamp, for pg's own parser. The progress is null when the programme is not visible, as
 * enrolmentProgress()'s join leaves it out.
 */
export function withEnrolmentListExtras(qb: SelectQueryBuilder<EnrolmentEntity>): SelectQueryBuilder<EnrolmentEntity> {
  return qb
    .addSelect(
      `(SELECT coalesce(json_agg(json_build_object('from', t.from_state, 'to', t.to_state, 'at', t.at::text, 'userId', t.user_id, 'date', t.on_date, 'reason', t.reason)
                                  ORDER BY t.at, t.from_state IS NOT NULL, t.id), '[]')
          FROM enrolment_transition t WHERE t.enrolment_id = r.id)`,
      ENROLMENT_LIST_EXTRAS.transitions,
    )
    .addSelect(`(SELECT json_build_object('expected', p.expected_sessions, 'attended', ${attendedCountSql('r.id')}) FROM programme p WHERE p.id = r.programme_id)`, ENROLMENT_LIST_EXTRAS.progress);
}

/** The aliases of the enrolment list's extra columns in its raw rows; the enrolment's own id is `r_id`. */
export const ENROLMENT_LIST_EXTRAS = { id: 'r_id', transitions: 'list_transitions', progress: 'list_progress' } as const;

/** A transition as the enrolment list's JSON carries it. */
export interface ListedTransition {
  from: string | null;
  to: string;
  at: string;
  userId: string;
  date: string;
  reason: string | null;
}

/** The enrolment a path names, or 404 "Enrolment not found". */
export function enrolmentOr404(m: EntityManager, id: string): Promise<EnrolmentEntity> {
  return findByIdOr404(m.getRepository(EnrolmentEntity), id, 'Enrolment');
}

/** The enrolment a body's enrolmentId names, or 400 naming the field. */
export function enrolmentReferenceOr400(m: EntityManager, id: string): Promise<EnrolmentEntity> {
  return findReferenceOr400(m.getRepository(EnrolmentEntity), id, 'enrolmentId', 'enrolmentId must name an enrolment of your municipality');
}

/** Sessions attended (and meetings present) and the programme's expected sessions, per enrolment. */
export async function enrolmentProgress(m: EntityManager, ids: string[]): Promise<{ id: string; expected: number | null; attended: number }[]> {
  return (await m.query(
    `SELECT e.id, p.expected_sessions AS expected, ${attendedCountSql('e.id')} AS attended
         FROM enrolment e JOIN programme p ON p.id = e.programme_id WHERE e.id = ANY($1)`,
    [ids],
  )) as { id: string; expected: number | null; attended: number }[];
}

/** Inserts an enrolment; answers its id. */
export async function insertEnrolment(m: EntityManager, values: QueryDeepPartialEntity<EnrolmentEntity>): Promise<string> {
  const result = await m.getRepository(EnrolmentEntity).createQueryBuilder().insert().values(values).returning('id').execute();
  return (result.identifiers[0] as { id: string }).id;
}

/** Writes the changes if the enrolment still has this version; answers how many rows changed (0: stale). */
export async function updateEnrolment(m: EntityManager, id: string, version: number, changes: QueryDeepPartialEntity<EnrolmentEntity>): Promise<number | undefined> {
  const result = await m.getRepository(EnrolmentEntity).createQueryBuilder().update().set(changes).where('id = :id AND version = :version', { id, version }).execute();
  return result.affected;
}

/** Records a move of the state machine. */
export async function insertTransition(m: EntityManager, values: QueryDeepPartialEntity<EnrolmentTransitionEntity>): Promise<void> {
  await m.getRepository(EnrolmentTransitionEntity).insert(values);
}

/**
 * The state history of these enrolments, oldest first, on the same instant the first move first, then
 * by id (transitions written in one transaction share their instant: an import's), as
 * withEnrolmentListExtras() orders it (`= ANY` of one array: one text whatever the page's size, prepared once; decision 188).
 */
export function transitionsOf(m: EntityManager, ids: string[]): Promise<EnrolmentTransitionEntity[]> {
  return m.getRepository(EnrolmentTransitionEntity).createQueryBuilder('t').where('t.enrolment_id = ANY(:ids)', { ids }).orderBy('t.at', 'ASC').addOrderBy('t.from_state IS NOT NULL', 'ASC').addOrderBy('t.id', 'ASC').getMany();
}

/** The register's end-status code list, in its order (national reference data). */
export function registerEndStatuses(m: EntityManager): Promise<RegisterEndStatusEntity[]> {
  return m.getRepository(RegisterEndStatusEntity).createQueryBuilder('s').orderBy('s.sort_order', 'ASC').getMany();
}

/** Whether a municipality with this id exists (reference data, read by all). */
export async function municipalityExists(m: EntityManager, id: string): Promise<boolean> {
  const rows = (await m.query('SELECT 1 FROM municipality WHERE id = $1', [id])) as unknown[];
  return rows.length > 0;
}
