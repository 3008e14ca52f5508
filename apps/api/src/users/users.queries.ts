import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { UserEntity } from './user.entity';

// The users feature's SQL beyond CrudService's list/read/delete (common/crud/crud.service.ts), in the
// request's tenant transaction (row-level security keeps an admin to their own municipality).

/** Inserts a user; answers its id. */
export async function insertUser(m: EntityManager, values: QueryDeepPartialEntity<UserEntity>): Promise<string> {
  const result = await m.getRepository(UserEntity).createQueryBuilder().insert().values(values).returning('id').execute();
  return (result.identifiers[0] as { id: string }).id;
}

/** Writes the changes if the user still has this version; answers how many rows changed (0: stale). */
export async function updateUser(m: EntityManager, id: string, version: number, changes: QueryDeepPartialEntity<UserEntity>): Promise<number | undefined> {
  const result = await m.getRepository(UserEntity).createQueryBuilder().update().set(changes).where('id = :id AND version = :version', { id, version }).execute();
  return result.affected;
}

/** Ends every session the user has: a token carries the version it was issued under. */
export async function bumpTokenVersion(m: EntityManager, id: string): Promise<void> {
  await m.query('UPDATE app_user SET token_version = token_version + 1 WHERE id = $1', [id]);
}
