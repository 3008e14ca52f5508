import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '@outcomes/contracts';
import { CrudService } from '../common/crud/crud.service';
import { ApiException } from '../common/errors/api.exception';
import type { ListSpec } from '../common/list-query/list-query';
import { hashPassword, passwordProblem } from '../auth/password';
import { Db } from '../tenancy/db.service';
import type { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { ROLE_ENDED } from './role-ended';
import type { RoleEnded } from './role-ended';
import { UserEntity } from './user.entity';
import { bumpTokenVersion, insertUser, updateUser } from './users.queries';

/**
 * User administration, always within the admin's own municipality (row-level security enforces it).
 * Grants of other municipalities' data are not a user's field: the data owner makes them
 * (evaluator-grants).
 */
@Injectable()
export class UsersService extends CrudService<UserEntity, CreateUserDto> {
  protected readonly label = 'User';
  protected readonly listSpec: ListSpec = {
    fields: {
      id: { type: 'uuid', column: 'id', filterable: true },
      email: { type: 'string', column: 'email', sortable: true, filterable: true },
      displayName: { type: 'string', column: 'display_name', sortable: true },
      role: { type: 'string', column: 'role', sortable: true, filterable: true },
      active: { type: 'boolean', column: 'active', sortable: true, filterable: true },
      lastLoginAt: { type: 'datetime', column: 'last_login_at', sortable: true, filterable: true },
      failedLogins: { type: 'number', column: 'failed_logins', sortable: true, filterable: true },
      lastFailedLoginAt: { type: 'datetime', column: 'last_failed_login_at', sortable: true, filterable: true },
      createdAt: { type: 'datetime', column: 'created_at', sortable: true, filterable: true },
    },
    searchColumns: ['email', 'display_name'],
    defaultSort: ['displayName', 'ASC'],
  };

  constructor(
    db: Db,
    @Inject(ROLE_ENDED) private readonly roleEnded: RoleEnded,
  ) {
    super(db, UserEntity);
  }

  override async create(input: CreateUserDto): Promise<UserEntity> {
    await this.refuse(input, undefined);
    const { password, ...fields } = input;
    const id = await insertUser(this.db.manager(), { ...fields, municipalityId: this.db.municipalityId(), passwordHash: await hashPassword(password) });
    const created = await this.get(id);
    this.db.logChange('users', 'create', created.id, null, created);
    return created;
  }

  override async update(id: string, input: UpdateUserDto): Promise<UserEntity> {
    await this.refuse(input, id);
    const { password, version, ...fields } = input;
    const before = await this.get(id);
    const changes: Partial<UserEntity> = { ...fields };
    if (password) changes.passwordHash = await hashPassword(password);
    const affected = await updateUser(this.db.manager(), id, version, changes);
    if (affected === 0) throw ApiException.versionConflict(this.label);
    // A new password, deactivation or another role ends every session the user has.
    if (password || (before.active && fields.active === false) || before.role !== fields.role) {
      await bumpTokenVersion(this.db.manager(), id);
    }
    // What belonged to the old role ends with it (an evaluator's grants, wherever they were made).
    if (before.role !== fields.role) await this.roleEnded.roleEnded(id, before.role as Role);
    const after = await this.get(id);
    // Before and after as the admin sees them; a new password is logged as changed, never its hash.
    this.db.logChange('users', 'update', id, before, { ...after, ...(password ? { password: 'changed' } : {}) });
    return after;
  }

  private async refuse(input: CreateUserDto | UpdateUserDto, id: string | undefined): Promise<void> {
    const problems: Record<string, string> = {};
    if (input.password !== undefined) {
      const problem = passwordProblem(input.password, input.email);
      if (problem) problems['password'] = problem;
    } else if (id === undefined) {
      problems['password'] = 'password is required';
    }
    if (id !== undefined && id === this.db.user().id) {
      if (input.active === false) problems['active'] = 'you cannot deactivate yourself';
      if (input.role !== 'admin') problems['role'] = 'you cannot take away your own admin role';
    }
    if (Object.keys(problems).length > 0) throw ApiException.validation(problems);
  }
}
