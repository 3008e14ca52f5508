import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { findByIdOr404 } from '../common/crud/find-by-id';
import { YouthConsentEntity } from './youth-consent.entity';

// Every query of a young person's consents (table youth_consent), in the request's tenant transaction
// (row-level security limits them to the municipality). No delete: a consent is withdrawn on a date.

/** The base of the consent list (listPage adds the filters, sort and range). */
export function youthConsentList(m: EntityManager): SelectQueryBuilder<YouthConsentEntity> {
  return m.getRepository(YouthConsentEntity).createQueryBuilder('r');
}

/** The consent a path names, or 404 "Youth consent not found". */
export function youthConsentOr404(m: EntityManager, id: string): Promise<YouthConsentEntity> {
  return findByIdOr404(m.getRepository(YouthConsentEntity), id, 'Youth consent');
}

export function youthConsentsOfEnrolment(m: EntityManager, enrolmentId: string): Promise<YouthConsentEntity[]> {
  return m.getRepository(YouthConsentEntity).createQueryBuilder('r').where('r.enrolment_id = :enrolmentId', { enrolmentId }).orderBy('r.given_on').getMany();
}

export async function insertYouthConsent(m: EntityManager, values: QueryDeepPartialEntity<YouthConsentEntity>): Promise<string> {
  const result = await m.getRepository(YouthConsentEntity).createQueryBuilder().insert().values(values).returning('id').execute();
  return (result.identifiers[0] as { id: string }).id;
}

/** Withdraws a consent not yet withdrawn, at the version read; false when the row changed meanwhile. */
export async function withdrawYouthConsent(m: EntityManager, id: string, version: number, withdrawnOn: string): Promise<boolean> {
  const result = await m
    .getRepository(YouthConsentEntity)
    .createQueryBuilder()
    .update()
    .set({ withdrawnOn })
    .where('id = :id AND version = :version AND withdrawn_on IS NULL', { id, version })
    .execute();
  return (result.affected ?? 0) > 0;
}
