import { findById, findByIdOr404 } from './find-by-id';
import type { EntityTarget, Repository } from 'typeorm';
import type { RawListQuery, ResourceName } from '@outcomes/contracts';
import type { BaseRecordEntity } from '../../database/base-record.entity';
import type { Db } from '../../tenancy/db.service';
import { ApiException } from '../errors/api.exception';
import { listPage } from '../list-query/list-page';
import type { ListPage } from '../list-query/list-page';
import type { ListSpec } from '../list-query/list-query';

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
  /**
   * Reference data and settings (municipalities, centres, programmes): the resource name under which
   * every create, update and delete is logged with the record before and after. Personal-data
   * resources are logged by the tenant interceptor instead.
   */
  protected readonly changeLog: ResourceName | undefined = undefined;

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
    return findByIdOr404(this.repository, id, this.label);
  }

  /** What an insert writes; resources that belong to the user's municipality add it here. */
  protected insertValues(input: C): object {
    return input;
  }

  async create(input: C): Promise<E> {
    await this.checkAsync(input);
    this.refuseProblems(input);
    const result = await this.repository.createQueryBuilder().insert().values(this.insertValues(input) as never).returning('id').execute();
    const created = await this.get((result.identifiers[0] as { id: string }).id);
    if (this.changeLog) this.db.logChange(this.changeLog, 'create', created.id, null, created);
    return created;
  }

  /** Rules that need the database (a referenced record of the own municipality, ...); throw to refuse. */
  protected async checkAsync(_input: C): Promise<void> {
    // none by default
  }

  async update(id: string, input: C & Versioned): Promise<E> {
    const { version, ...changes } = input;
    // A record the user cannot see is not found, before any rule about the body is checked: the body's
    // problems would otherwise tell another municipality's user more than "no such record".
    const before = await findByIdOr404(this.repository, id, this.label);
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
      const current = await findById(this.repository, id);
      throw current && current.version !== version ? ApiException.versionConflict(this.label) : ApiException.notFound(this.label);
    }
    const after = await this.get(id);
    if (this.changeLog) this.db.logChange(this.changeLog, 'update', id, before, after);
    return after;
  }

  async remove(id: string): Promise<E> {
    const found = await findByIdOr404(this.repository, id, this.label, { lock: 'pessimistic_write' });
    // Readable is not deletable: reference data is readable by all, deletable by its owner only
    // (row-level security), and a delete that removed nothing must not answer as if it had.
    const result = await this.repository.createQueryBuilder().delete().where('id = :id', { id }).execute();
    if (result.affected === 0) throw ApiException.notFound(this.label);
    if (this.changeLog) this.db.logChange(this.changeLog, 'delete', id, found, null);
    return found;
  }

  protected refuseProblems(input: C): void {
    const problems = this.problems(input);
    if (Object.keys(problems).length > 0) throw ApiException.validation(problems);
  }
}
