import { Injectable } from '@nestjs/common';
import { danishToday, trainingProblems } from '@outcomes/domain';
import { CrudService } from '../common/crud/crud.service';
import { ReferenceRefused } from '../common/errors/api.exception';
import type { ListSpec } from '../common/list-query/list-query';
import { Db } from '../tenancy/db.service';
import type { CreateTrainingDto } from './dto/volunteer.dto';
import { TrainingEntity } from './volunteer.entity';
import { volunteerExists } from './volunteers.queries';

/** Training records: SMART facilitator training (makes a volunteer "trained" while valid) and other courses. */
@Injectable()
export class TrainingsService extends CrudService<TrainingEntity, CreateTrainingDto> {
  protected readonly label = 'Training';
  protected readonly listSpec: ListSpec = {
    fields: {
      id: { type: 'uuid', column: 'id', filterable: true },
      volunteerId: { type: 'uuid', column: 'volunteer_id', filterable: true },
      kind: { type: 'string', column: 'kind', sortable: true, filterable: true },
      completedOn: { type: 'date', column: 'completed_on', sortable: true, filterable: true },
      renewsOn: { type: 'date', column: 'renews_on', sortable: true, filterable: true },
    },
    searchColumns: ['title', 'trainer'],
    defaultSort: ['completedOn', 'DESC'],
  };

  constructor(db: Db) {
    super(db, TrainingEntity);
  }

  protected override problems(input: CreateTrainingDto): Record<string, string> {
    return trainingProblems({ kind: input.kind, completedOn: input.completedOn, renewsOn: input.renewsOn ?? null }, danishToday());
  }

  protected override async checkAsync(input: CreateTrainingDto): Promise<void> {
    if (!input.volunteerId) return; // an update keeps its volunteer
    const found = await volunteerExists(this.db.manager(), input.volunteerId);
    if (!found) throw new ReferenceRefused('volunteerId', 'volunteerId must name a volunteer of your municipality');
  }

  protected override insertValues(input: CreateTrainingDto): object {
    return { ...input, municipalityId: this.db.municipalityId() };
  }
}
