import { Injectable } from '@nestjs/common';
import { validCvr } from '@outcomes/contracts';
import { CrudService } from '../common/crud/crud.service';
import type { ListSpec } from '../common/list-query/list-query';
import { Db } from '../tenancy/db.service';
import type { CreateTreatmentProviderDto } from './dto/treatment-provider.dto';
import { TreatmentProviderEntity } from './treatment-provider.entity';

/**
 * The national register of approved private treatment providers (decision 105): written by the
 * national operator, read by staff and admins to refer a citizen (the permissions table, and
 * row-level security in the database: TreatmentProvidersTenancy). Every change is logged with
 * before and after, as the programme catalogue's.
 */
@Injectable()
export class TreatmentProvidersService extends CrudService<TreatmentProviderEntity, CreateTreatmentProviderDto> {
  protected readonly label = 'Treatment provider';
  protected override readonly changeLog = 'treatment-providers' as const;
  protected readonly listSpec: ListSpec = {
    fields: {
      id: { type: 'uuid', column: 'id', filterable: true },
      name: { type: 'string', column: 'name', sortable: true, filterable: true },
      cvr: { type: 'string', column: 'cvr', sortable: true, filterable: true },
      municipalityCode: { type: 'string', column: 'municipality_code', sortable: true, filterable: true },
      kind: { type: 'string', column: 'kind', sortable: true, filterable: true },
      approvedBy: { type: 'string', column: 'approved_by', sortable: true, filterable: true },
      approvedFrom: { type: 'date', column: 'approved_from', sortable: true, filterable: true },
      approvedUntil: { type: 'date', column: 'approved_until', sortable: true, filterable: true },
      createdAt: { type: 'datetime', column: 'created_at', sortable: true, filterable: true },
      updatedAt: { type: 'datetime', column: 'updated_at', sortable: true, filterable: true },
    },
    searchColumns: ['name', 'cvr', 'address', 'approved_by'],
    defaultSort: ['name', 'ASC'],
  };

  constructor(db: Db) {
    super(db, TreatmentProviderEntity);
  }

  protected override problems(input: CreateTreatmentProviderDto): Record<string, string> {
    const problems: Record<string, string> = {};
    if (!validCvr(input.cvr)) problems['cvr'] = 'cvr must be a valid CVR number (8 digits passing the modulus-11 check)';
    if (input.approvedUntil && input.approvedUntil < input.approvedFrom) problems['approvedUntil'] = 'approvedUntil must not be before approvedFrom';
    return problems;
  }
}
