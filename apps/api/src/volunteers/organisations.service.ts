import { Injectable } from '@nestjs/common';
import { CrudService } from '../common/crud/crud.service';
import type { ListSpec } from '../common/list-query/list-query';
import { Db } from '../tenancy/db.service';
import type { CreateOrganisationDto } from './dto/volunteer.dto';
import { OrganisationEntity } from './volunteer.entity';
import { joinOrganisation } from './volunteers.queries';

/** Voluntary organisations, shared by the municipalities each works with. */
@Injectable()
export class OrganisationsService extends CrudService<OrganisationEntity, CreateOrganisationDto> {
  protected readonly label = 'Organisation';
  protected readonly listSpec: ListSpec = {
    fields: {
      id: { type: 'uuid', column: 'id', filterable: true },
      name: { type: 'string', column: 'name', sortable: true, filterable: true },
      createdAt: { type: 'datetime', column: 'created_at', sortable: true, filterable: true },
    },
    searchColumns: ['name'],
    defaultSort: ['name', 'ASC'],
  };

  constructor(db: Db) {
    super(db, OrganisationEntity);
  }

  /**
   * Adds the user's own municipality to an organisation it cannot see yet (row-level security shows
   * an organisation only to its municipalities). The database function adds app.municipality_id and
   * nothing else; an organisation that does not exist is not found.
   */
  async join(id: string): Promise<OrganisationEntity> {
    await joinOrganisation(this.db.manager(), id);
    return this.get(id);
  }

  protected override problems(input: CreateOrganisationDto): Record<string, string> {
    return input.municipalityIds.includes(this.db.municipalityId()) ? {} : { municipalityIds: 'municipalityIds must include your own municipality' };
  }
}
