import { Injectable } from '@nestjs/common';
import { CrudService } from '../common/crud/crud.service';
import type { Versioned } from '../common/crud/crud.service';
import { ApiException } from '../common/errors/api.exception';
import { Db } from '../tenancy/db.service';
import type { ListSpec } from '../common/list-query/list-query';
import type { CreateMunicipalityDto } from './dto/municipality.dto';
import { MunicipalityEntity } from './municipality.entity';

/**
 * Municipalities are national reference data: the national operator creates, renames and removes
 * them; a municipality's admin changes their own municipality's settings (its hourly rate) and
 * nothing else. Row-level security holds both to that; this service names the rule in the answer.
 */
@Injectable()
export class MunicipalitiesService extends CrudService<MunicipalityEntity, CreateMunicipalityDto> {
  protected readonly label = 'Municipality';
  protected override readonly changeLog = 'municipalities' as const;
  protected readonly listSpec: ListSpec = {
    fields: {
      id: { type: 'uuid', column: 'id', filterable: true },
      code: { type: 'string', column: 'code', sortable: true, filterable: true },
      name: { type: 'string', column: 'name', sortable: true, filterable: true },
      createdAt: { type: 'datetime', column: 'created_at', sortable: true, filterable: true },
      updatedAt: { type: 'datetime', column: 'updated_at', sortable: true, filterable: true },
    },
    searchColumns: ['code', 'name'],
    defaultSort: ['name', 'ASC'],
  };

  constructor(db: Db) {
    super(db, MunicipalityEntity);
  }

  override async update(id: string, input: CreateMunicipalityDto & Versioned): Promise<MunicipalityEntity> {
    const user = this.db.user();
    if (user.role !== 'operator') {
      if (id !== user.municipalityId) throw ApiException.notFound(this.label);
      const current = await this.get(id);
      const refused: Record<string, string> = {};
      if (input.code !== current.code) refused['code'] = 'only the national operator changes a municipality’s number';
      if (input.name !== current.name) refused['name'] = 'only the national operator renames a municipality';
      if (Object.keys(refused).length > 0) {
        throw new ApiException(403, 'FORBIDDEN', 'You may change your own municipality’s settings only', refused);
      }
    }
    return super.update(id, input);
  }
}
