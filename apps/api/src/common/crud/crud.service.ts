import type { EntityTarget, Repository } from 'typeorm';
import type { RawListQuery } from '@outcomes/contracts';
import type { BaseRecordEntity } from '../../database/base-record.entity';
import type { Db } from '../../tenancy/db.service';
import { ApiException } from '../errors/api.exception';
import { listPage } from '../list-query/list-page';
import type { ListSpec } from '../list-query/list-query';

export interface ListPage<E> {
  rows: E[];
  offset: number;
  total: number;
}

/** What a PUT carries: the full record as the client last saw it, with that version. */
export interface Versioned {
  version: number;
}

/**
 * List, read, create, full update with optimistic concurrency, delete: the same for every plain
 * resource. Subclasses name the resource, give its list allow-list, and may add cross-field rules.
 * Every query runs in the request's tenant transaction (Db), so row-level security applies.
 */
export abstract class CrudService<E extends BaseRecordEntity, C extends object> {
  protected abstract readonly label: string;
  protected abstract readonly listSpec: ListSpec;

  constructor(
    protected readonly db: Db,
    private readonly entity: EntityTarget<E>,
  ) {}

  protected get repository(): Repository<E> {
    return this.db.repo(this.entity);
  }

  /** Cross-field rules beyond the DTO's; answer { field: rule } to refuse. */
  protected problems(_input: C): Record<string, string> {
    return {};
  }

  async list(raw: RawListQuery): Promise<ListPage<E>> {
    return listPage(this.repository.createQueryBuilder('r'), raw, this.listSpec, (rows) => rows);
  }

  async get(id: string): Promise<E> {
    const found = await this.repository.createQueryBuilder('r').where('r.id = :id', { id }).getOne();
    if (!found) throw ApiException.notFound(this.label);
    return found;
  }

  /** What an insert writes; resources that belong to the user's municipality add it here. */
  protected insertValues(input: C): object {
    return input;
  }

  async create(input: C): Promise<E> {
    await this.checkAsync(input);
    this.refuseProblems(input);
    const result = await this.repository.createQueryBuilder().insert().values(this.insertValues(input) as never).returning('id').execute();
    return this.get((result.identifiers[0] as { id: string }).id);
  }

  /** Rules that need the database (a referenced record of the own municipality, ...); throw to refuse. */
  protected async checkAsync(_input: C): Promise<void> {
    // none by default
  }

  async update(id: string, input: C & Versioned): Promise<E> {
    const { version, ...changes } = input;
    await this.checkAsync(changes as unknown as C);
    this.refuseProblems(changes as unknown as C);
    // The version check and the write are one statement: two editors cannot both win.
    const result = await this.repository
      .createQueryBuilder()
      .update()
      .set(changes as never)
      .where('id = :id AND version = :version', { id, version })
      .execute();
    if (result.affected === 0) {
      // Visible with another version: someone else saved first. Not visible, or visible with this very
      // version but not writable (row-level security): not found, as far as this user is concerned.
      const current = await this.repository.createQueryBuilder('r').where('r.id = :id', { id }).getOne();
      throw current && current.version !== version ? ApiException.versionConflict(this.label) : ApiException.notFound(this.label);
    }
    return this.get(id);
  }

  async remove(id: string): Promise<E> {
    const found = await this.repository.createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
    if (!found) throw ApiException.notFound(this.label);
    await this.repository.createQueryBuilder().delete().where('id = :id', { id }).execute();
    return found;
  }

  protected refuseProblems(input: C): void {
    const problems = this.problems(input);
    if (Object.keys(problems).length > 0) throw ApiException.validation(problems);
  }
}
