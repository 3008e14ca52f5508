import { Injectable } from '@nestjs/common';
import { CrudService } from '../common/crud/crud.service';
import { Db } from '../tenancy/db.service';
import type { ListSpec } from '../common/list-query/list-query';
import type { CreateMunicipalityDto } from './dto/municipality.dto';
import { MunicipalityEntity } from './municipality.entity';

@Injectable()
export class MunicipalitiesService extends CrudService<MunicipalityEntity, CreateMunicipalityDto> {
  protected readonly label = 'Municipality';
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
}
