import { Injectable } from '@nestjs/common';
import { protocolProblems } from '@outcomes/domain';
import { CrudService } from '../common/crud/crud.service';
import type { Versioned } from '../common/crud/crud.service';
import { ApiException } from '../common/errors/api.exception';
import { Db } from '../tenancy/db.service';
import type { ListSpec } from '../common/list-query/list-query';
import type { CreateProgrammeDto } from './dto/programme.dto';
import { ProgrammeEntity } from './programme.entity';

@Injectable()
/**
 * The programme catalogue: national programmes (municipality NULL) governed by the national operator,
 * and each municipality's local programmes, made by its admin and visible to it alone (row-level
 * security: read_catalogue, govern_*).
 */
export class ProgrammesService extends CrudService<ProgrammeEntity, CreateProgrammeDto> {
  protected readonly label = 'Programme';
  protected override readonly changeLog = 'programmes' as const;
  protected readonly listSpec: ListSpec = {
    fields: {
      id: { type: 'uuid', column: 'id', filterable: true },
      code: { type: 'string', column: 'code', sortable: true, filterable: true },
      municipalityId: { type: 'uuid', column: 'municipality_id', sortable: true, filterable: true },
      name: { type: 'string', column: 'name', sortable: true, filterable: true },
      format: { type: 'string', column: 'format', sortable: true, filterable: true },
      expectedSessions: { type: 'number', column: 'expected_sessions', sortable: true, filterable: true },
      minAge: { type: 'number', column: 'min_age', sortable: true, filterable: true },
      maxAge: { type: 'number', column: 'max_age', sortable: true, filterable: true },
      active: { type: 'boolean', column: 'active', sortable: true, filterable: true },
      createdAt: { type: 'datetime', column: 'created_at', sortable: true, filterable: true },
      updatedAt: { type: 'datetime', column: 'updated_at', sortable: true, filterable: true },
    },
    searchColumns: ['code', 'name', 'description', 'target_group'],
    defaultSort: ['code', 'ASC'],
  };

  constructor(db: Db) {
    super(db, ProgrammeEntity);
  }

  /** The operator adds to the national catalogue; an admin adds a local programme of their municipality. */
  protected override insertValues(input: CreateProgrammeDto): object {
    const user = this.db.user();
    return { ...input, municipalityId: user.role === 'operator' ? null : this.db.municipalityId() };
  }

  override async update(id: string, input: CreateProgrammeDto & Versioned): Promise<ProgrammeEntity> {
    await this.refuseNational(id);
    return super.update(id, input);
  }

  override async remove(id: string): Promise<ProgrammeEntity> {
    await this.refuseNational(id);
    return super.remove(id);
  }

  /** A national programme, to anyone but the operator: 403 saying who governs it. */
  private async refuseNational(id: string): Promise<void> {
    if (this.db.user().role === 'operator') return;
    const programme = await this.get(id);
    if (programme.municipalityId === null) {
      throw new ApiException(403, 'FORBIDDEN', 'The national programme catalogue is governed by the national operator; add a local programme instead', {
        municipalityId: 'is the national catalogue, which only the national operator changes',
      });
    }
  }

  protected override problems(input: CreateProgrammeDto): Record<string, string> {
    return protocolProblems({
      format: input.format,
      expectedSessions: input.expectedSessions ?? null,
      courseWeeks: input.courseWeeks ?? null,
      followUpMonths: input.followUpMonths ?? [],
      minAge: input.minAge ?? null,
      maxAge: input.maxAge ?? null,
    });
  }
}
