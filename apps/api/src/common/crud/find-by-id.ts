import type { ObjectLiteral, Repository } from 'typeorm';
import { ApiException, ReferenceRefused } from '../errors/api.exception';

interface FindOptions {
  /** Lock the row for the rest of the transaction (a delete's read, so no one changes it meanwhile). */
  lock?: 'pessimistic_write';
}

/**
 * The row with this id that the request may see (row-level security applies), or null. Through a
 * query builder with the id bound: TypeORM's findOneBy({ id: undefined }) drops the condition and
 * answers any row, so a missing id could read someone else's record.
 */
export function findById<E extends ObjectLiteral>(repository: Repository<E>, id: string, options: FindOptions = {}): Promise<E | null> {
  const query = repository.createQueryBuilder('r').where('r.id = :id', { id });
  return (options.lock ? query.setLock(options.lock) : query).getOne();
}

/** The record a path names, or a 404 "<what> not found": another municipality's is not found either. */
export async function findByIdOr404<E extends ObjectLiteral>(repository: Repository<E>, id: string, what: string, options: FindOptions = {}): Promise<E> {
  const found = await findById(repository, id, options);
  if (!found) throw ApiException.notFound(what);
  return found;
}

/**
 * The record a body's field refers to, or a 400 naming the field ("enrolmentId must name an
 * enrolment of your municipality"): not visible and absent are the same answer, so the refusal says
 * nothing about other municipalities' records. The tenant interceptor logs it as a refused reference.
 */
export async function findReferenceOr400<E extends ObjectLiteral>(repository: Repository<E>, id: string, field: string, message: string): Promise<E> {
  const found = await findById(repository, id);
  if (!found) throw new ReferenceRefused(field, message);
  return found;
}
