import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { findById, findByIdOr404, findReferenceOr400 } from '../common/crud/find-by-id';
import { CentreEntity } from '../municipalities/centre.entity';
import { ProgrammeEntity } from '../programmes/programme.entity';
import { CaseDecisionEntity, CaseRequestEntity } from './case-request.entity';

// Every query of the case-requests feature (tables case_request, case_decision; enrolment read for
// the guarantee's start), in the request's tenant transaction (row-level security applies).

/** The base of the request list (listPage adds the filters, sort and range). */
export function requestList(m: EntityManager): SelectQueryBuilder<CaseRequestEntity> {
  return m.getRepository(CaseRequestEntity).createQueryBuilder('r');
}

/** The request a path names, or 404 "Request not found". */
export function requestOr404(m: EntityManager, id: string): Promise<CaseRequestEntity> {
  return findByIdOr404(m.getRepository(CaseRequestEntity), id, 'Request');
}

/** The request a body's field names, or 400 naming the field. */
export function requestOr400(m: EntityManager, id: string, field: string, message: string): Promise<CaseRequestEntity> {
  return findReferenceOr400(m.getRepository(CaseRequestEntity), id, field, message);
}

/** The citizen's open request, locked for the rest of the transaction (one open request per citizen). */
export function openRequestForUpdate(m: EntityManager, citizenId: string): Promise<CaseRequestEntity | null> {
  return m.getRepository(CaseRequestEntity).createQueryBuilder('r').where("r.citizen_id = :id AND r.status = 'open'", { id: citizenId }).setLock('pessimistic_write').getOne();
}

/** Locks the request's row: decisions on one request are made one at a time. */
export async function lockRequest(m: EntityManager, id: string): Promise<void> {
  await findById(m.getRepository(CaseRequestEntity), id, { lock: 'pessimistic_write' });
}

/** Inserts a request; answers its id. */
export async function insertRequest(m: EntityManager, values: QueryDeepPartialEntity<CaseRequestEntity>): Promise<string> {
  const result = await m.getRepository(CaseRequestEntity).createQueryBuilder().insert().values(values).returning('id').execute();
  return (result.identifiers[0] as { id: string }).id;
}

/** Writes the changes (any version: the caller holds the row's lock or checks nothing stale can matter). */
export async function changeRequest(m: EntityManager, id: string, changes: QueryDeepPartialEntity<CaseRequestEntity>): Promise<void> {
  await m.getRepository(CaseRequestEntity).createQueryBuilder().update().set(changes).where('id = :id', { id }).execute();
}

/** Writes the changes if the request still has this version; answers how many rows changed (0: stale). */
export async function updateRequest(m: EntityManager, id: string, version: number, changes: QueryDeepPartialEntity<CaseRequestEntity>): Promise<number | undefined> {
  const result = await m.getRepository(CaseRequestEntity).createQueryBuilder().update().set(changes).where('id = :id AND version = :version', { id, version }).execute();
  return result.affected;
}

/** The requests made in a period (by request date). */
export function requestsInPeriod(m: EntityManager, from: string, to: string): Promise<CaseRequestEntity[]> {
  return m.getRepository(CaseRequestEntity).createQueryBuilder('r').where('r.requested_on BETWEEN :from AND :to', { from, to }).getMany();
}

/** Per request: the earliest start of its linked enrolments (the guarantee's start) and their ids. */
export async function linkedEnrolments(m: EntityManager, requestIds: string[]): Promise<{ id: string; start: string | null; enrolments: string[] }[]> {
  if (requestIds.length === 0) return [];
  return (await m.query(
    `SELECT case_request_id AS id, to_char(min(start_date), 'YYYY-MM-DD') AS start, array_agg(id::text ORDER BY created_at) AS enrolments
     FROM enrolment WHERE case_request_id = ANY($1::uuid[]) GROUP BY case_request_id`,
    [requestIds],
  )) as { id: string; start: string | null; enrolments: string[] }[];
}

/** The request's decisions, newest first. */
export function decisionsOf(m: EntityManager, requestId: string): Promise<CaseDecisionEntity[]> {
  return m.getRepository(CaseDecisionEntity).createQueryBuilder('d').where('d.case_request_id = :id', { id: requestId }).orderBy('d.created_at', 'DESC').getMany();
}

export function decisionOr404(m: EntityManager, id: string): Promise<CaseDecisionEntity> {
  return findByIdOr404(m.getRepository(CaseDecisionEntity), id, 'Decision');
}

/** Inserts a decision (never updated or deleted); answers its id. */
export async function insertDecision(m: EntityManager, values: QueryDeepPartialEntity<CaseDecisionEntity>): Promise<string> {
  const result = await m.getRepository(CaseDecisionEntity).createQueryBuilder().insert().values(values).returning('id').execute();
  return (result.identifiers[0] as { id: string }).id;
}

/** The names a decision letter shows: the municipality, the offer's programme and centre, who decided. */
export async function letterNames(
  m: EntityManager,
  ids: { municipalityId: string; programmeId: string | null; centreId: string | null; userId: string },
): Promise<{ municipality: string; programme: string | null; centre: string | null; decided_by: string | null } | undefined> {
  const rows = (await m.query(
    `SELECT m.name AS municipality, (SELECT name FROM programme WHERE id = $2) AS programme, (SELECT name FROM centre WHERE id = $3) AS centre,
            (SELECT display_name FROM app_user WHERE id = $4) AS decided_by
     FROM municipality m WHERE m.id = $1`,
    [ids.municipalityId, ids.programmeId, ids.centreId, ids.userId],
  )) as { municipality: string; programme: string | null; centre: string | null; decided_by: string | null }[];
  return rows[0];
}

/** Whether a centre (of any municipality: free choice) exists. */
export async function centreExists(m: EntityManager, id: string): Promise<boolean> {
  return (await findById(m.getRepository(CentreEntity), id)) !== null;
}

/** Whether a programme the request may see (national, or the municipality's own) exists. */
export async function programmeVisible(m: EntityManager, id: string): Promise<boolean> {
  return (await findById(m.getRepository(ProgrammeEntity), id)) !== null;
}
