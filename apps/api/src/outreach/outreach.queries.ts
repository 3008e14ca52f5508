import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { findByIdOr404 } from '../common/crud/find-by-id';
import { OutreachContactEntity } from './outreach-contact.entity';

// Every query of the outreach feature (table outreach_contact), in the request's tenant transaction
// (row-level security applies).

/** The base of the contact list (listPage adds the filters, sort and range). */
export function contactList(m: EntityManager): SelectQueryBuilder<OutreachContactEntity> {
  return m.getRepository(OutreachContactEntity).createQueryBuilder('r');
}

/** The contact a path names, or 404 "Contact not found". */
export function contactOr404(m: EntityManager, id: string): Promise<OutreachContactEntity> {
  return findByIdOr404(m.getRepository(OutreachContactEntity), id, 'Contact');
}

/** Inserts a contact; answers its id. */
export async function insertContact(m: EntityManager, values: QueryDeepPartialEntity<OutreachContactEntity>): Promise<string> {
  const result = await m.getRepository(OutreachContactEntity).createQueryBuilder().insert().values(values).returning('id').execute();
  return (result.identifiers[0] as { id: string }).id;
}

/** Writes the changes if the contact still has this version; answers how many rows changed (0: stale). */
export async function updateContact(m: EntityManager, id: string, version: number, changes: QueryDeepPartialEntity<OutreachContactEntity>): Promise<number | undefined> {
  const result = await m.getRepository(OutreachContactEntity).createQueryBuilder().update().set(changes).where('id = :id AND version = :version', { id, version }).execute();
  return result.affected;
}

/** Moves every contact with this alias hash to the citizen and forgets the alias, in one statement; answers how many moved. */
export async function moveAliasToCitizen(m: EntityManager, aliasHash: string, citizenId: string): Promise<number | undefined> {
  const result = await m
    .getRepository(OutreachContactEntity)
    .createQueryBuilder()
    .update()
    .set({ citizenId, aliasEncrypted: null, aliasHash: null })
    .where('alias_hash = :aliasHash', { aliasHash })
    .execute();
  return result.affected;
}
