import type { EntityManager } from 'typeorm';
import { findById } from '../common/crud/find-by-id';
import { CentreEntity } from './centre.entity';
import { MunicipalityEntity } from './municipality.entity';

// Municipalities' and centres' SQL beyond CrudService's list/read/write (common/crud/crud.service.ts):
// the lookups other features make. Row-level security decides what is visible.

/** The centre with this id the request may see, or null (every centre is readable; forms list them). */
export function centreById(m: EntityManager, id: string): Promise<CentreEntity | null> {
  return findById(m.getRepository(CentreEntity), id);
}

/** The municipality with this id, or null. */
export function municipalityById(m: EntityManager, id: string): Promise<MunicipalityEntity | null> {
  return findById(m.getRepository(MunicipalityEntity), id);
}
