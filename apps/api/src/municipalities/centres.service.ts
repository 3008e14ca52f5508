import { Injectable } from '@nestjs/common';
import { CrudService } from '../common/crud/crud.service';
import type { Versioned } from '../common/crud/crud.service';
import { ApiException } from '../common/errors/api.exception';
import { Db } from '../tenancy/db.service';
import type { ListSpec } from '../common/list-query/list-query';
import { CentreEntity } from './centre.entity';
import type { CreateCentreDto } from './dto/centre.dto';

@Injectable()
export class CentresService extends CrudService<CentreEntity, CreateCentreDto> {
  protected readonly label = 'Centre';
  protected override readonly changeLog = 'centres' as const;
  protected readonly listSpec: ListSpec = {
    fields: {
      id: { type: 'uuid', column: 'id', filterable: true },
      municipalityId: { type: 'uuid', column: 'municipality_id', sortable: true, filterable: true },
      name: { type: 'string', column: 'name', sortable: true, filterable: true },
      address: { type: 'string', column: 'address', sortable: true },
      active: { type: 'boolean', column: 'active', sortable: true, filterable: true },
      createdAt: { type: 'datetime', column: 'created_at', sortable: true, filterable: true },
      updatedAt: { type: 'datetime', column: 'updated_at', sortable: true, filterable: true },
    },
    searchColumns: ['name', 'address'],
    defaultSort: ['name', 'ASC'],
  };

  constructor(db: Db) {
    super(db, CentreEntity);
  }

  /** Every centre is readable (forms list them); only its own municipality changes it: 403, not a rule about the body. */
  override async update(id: string, input: CreateCentreDto & Versioned): Promise<CentreEntity> {
    if ((await this.get(id)).municipalityId !== this.db.user().municipalityId) {
      throw new ApiException(403, 'FORBIDDEN', 'This centre belongs to another municipality', { municipalityId: 'is not your municipality' });
    }
    return super.update(id, input);
  }

  protected override problems(input: CreateCentreDto): Record<string, string> {
    return input.municipalityId === this.db.municipalityId()
      ? {}
      : { municipalityId: 'municipalityId must be your own municipality' };
  }
}
