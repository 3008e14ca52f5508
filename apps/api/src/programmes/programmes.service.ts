import { Injectable } from '@nestjs/common';
import { protocolProblems } from '@outcomes/domain';
import { CrudService } from '../common/crud/crud.service';
import { Db } from '../tenancy/db.service';
import type { ListSpec } from '../common/list-query/list-query';
import type { CreateProgrammeDto } from './dto/programme.dto';
import { ProgrammeEntity } from './programme.entity';

@Injectable()
export class ProgrammesService extends CrudService<ProgrammeEntity, CreateProgrammeDto> {
  protected readonly label = 'Programme';
  protected readonly listSpec: ListSpec = {
    fields: {
      id: { type: 'uuid', column: 'id', filterable: true },
      code: { type: 'string', column: 'code', sortable: true, filterable: true },
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
