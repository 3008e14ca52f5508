import { findById } from '../common/crud/find-by-id';
import type { EntityManager } from 'typeorm';
import { ProgrammeEntity } from './programme.entity';

// The programme catalogue's SQL beyond CrudService's list/read/write (common/crud/crud.service.ts):
// the lookups other features make. Row-level security decides what is visible (read_catalogue).

/** The programme with this id the request may see (national, or one of its municipality), or null. */
export function programmeById(m: EntityManager, id: string): Promise<ProgrammeEntity | null> {
  return findById(m.getRepository(ProgrammeEntity), id);
}
