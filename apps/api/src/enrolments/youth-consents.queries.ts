import type { RawListQuery } from '@outcomes/contracts';
import type { ListPage } from '../common/list-query/list-page';
import { listPage } from '../common/list-query/list-page';
import type { ListSpec } from '../common/list-query/list-query';
import { findByIdOr404 } from '../common/crud/find-by-id';
import type { Db } from '../tenancy/db.service';
import { YouthConsentEntity } from './youth-consent.entity';

/** Every query of youth consents: the table `youth_consent` (row-level security limits it to the municipality). */

const LIST_SPEC: ListSpec = {
  fields: {
    id: { type: 'uuid', column: 'id', filterable: true },
    enrolmentId: { type: 'uuid', column: 'enrolment_id', filterable: true },
    citizenId: { type: 'uuid', column: 'citizen_id', filterable: true },
    kind: { type: 'string', column: 'kind', sortable: true, filterable: true },
    givenOn: { type: 'date', column: 'given_on', sortable: true, filterable: true },
  },
  searchColumns: [],
  defaultSort: ['givenOn', 'ASC'],
};

export function listYouthConsents<R>(db: Db, raw: RawListQuery, shape: (rows: YouthConsentEntity[]) => R[]): Promise<ListPage<R>> {
  return listPage(db.repo(YouthConsentEntity).createQueryBuilder('r'), raw, LIST_SPEC, shape);
}

export function youthConsentOr404(db: Db, id: string): Promise<YouthConsentEntity> {
  return findByIdOr404(db.repo(YouthConsentEntity), id, 'Youth consent');
}

export function youthConsentsOfEnrolment(db: Db, enrolmentId: string): Promise<YouthConsentEntity[]> {
  return db.repo(YouthConsentEntity).createQueryBuilder('r').where('r.enrolment_id = :enrolmentId', { enrolmentId }).orderBy('r.given_on').getMany();
}

export async function insertYouthConsent(db: Db, row: Omit<YouthConsentEntity, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'enrolment'>): Promise<string> {
  const result = await db.repo(YouthConsentEntity).createQueryBuilder().insert().values(row).returning('id').execute();
  return (result.identifiers[0] as { id: string }).id;
}

/** Withdraws a consent not yet withdrawn, at the version read; false when the row changed meanwhile. */
export async function withdrawYouthConsent(db: Db, id: string, version: number, withdrawnOn: string): Promise<boolean> {
  const result = await db
    .repo(YouthConsentEntity)
    .createQueryBuilder()
    .update()
    .set({ withdrawnOn })
    .where('id = :id AND version = :version AND withdrawn_on IS NULL', { id, version })
    .execute();
  return (result.affected ?? 0) > 0;
}
