import { createHmac, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { RawListQuery } from '@outcomes/contracts';
import { CrudService } from '../common/crud/crud.service';
import type { Versioned } from '../common/crud/crud.service';
import type { ListPage } from '../common/list-query/list-page';
import { IdentifierCrypto } from '../common/crypto/identifier-crypto';
import { ApiException } from '../common/errors/api.exception';
import { listPage } from '../common/list-query/list-page';
import type { ListSpec } from '../common/list-query/list-query';
import { Db } from '../tenancy/db.service';
import type { CreateExportProjectDto } from './dto/export.dto';
import { ExportProjectEntity } from './export.entities';
import { countProgrammes, ownProject, ownProjects, ownProjectWithKey } from './exports.queries';

export const PSEUDONYM_KEY_FIELD = 'export_project.pseudonym_key';

/** An evaluator's export projects: each evaluator sees and changes only their own. */
@Injectable()
export class ExportProjectsService extends CrudService<ExportProjectEntity, CreateExportProjectDto> {
  protected readonly label = 'Export project';
  protected readonly listSpec: ListSpec = {
    fields: {
      id: { type: 'uuid', column: 'id', filterable: true },
      name: { type: 'string', column: 'name', sortable: true, filterable: true },
      periodFrom: { type: 'date', column: 'period_from', sortable: true },
      createdAt: { type: 'datetime', column: 'created_at', sortable: true },
    },
    searchColumns: ['name'],
    defaultSort: ['createdAt', 'DESC'],
  };

  constructor(
    db: Db,
    private readonly crypto: IdentifierCrypto,
  ) {
    super(db, ExportProjectEntity);
  }

  override list(raw: RawListQuery): Promise<ListPage<ExportProjectEntity>> {
    return listPage(ownProjects(this.db.manager(), this.db.user().id), raw, this.listSpec, (rows) => rows);
  }

  override async get(id: string): Promise<ExportProjectEntity> {
    const found = await ownProject(this.db.manager(), this.db.user().id, id);
    if (!found) throw ApiException.notFound(this.label);
    return found;
  }

  /** The project with its pseudonym key, for the export job only. */
  async withKey(id: string): Promise<{ project: ExportProjectEntity; key: Buffer }> {
    const project = await ownProjectWithKey(this.db.manager(), this.db.user().id, id);
    if (!project) throw ApiException.notFound(this.label);
    const stored = Buffer.from(this.crypto.decrypt(PSEUDONYM_KEY_FIELD, project.pseudonymKeyEncrypted), 'base64');
    const key = project.pseudonymKeySalt === null ? stored : createHmac('sha256', stored).update(project.pseudonymKeySalt).digest();
    return { project, key };
  }

  /**
   * A change of scope (municipalities, programmes, period) gives the project a new pseudonym key:
   * otherwise a narrowed scope would put a known person's rows under the pseudonym of a wider file
   * (a period cut down to one month links that month's referrals to the earlier file). k alone
   * changes no row's pseudonym's meaning and keeps the key.
   */
  override async update(id: string, input: CreateExportProjectDto & Versioned): Promise<ExportProjectEntity> {
    const before = await this.get(id);
    const changes: CreateExportProjectDto & Versioned & { pseudonymKeyEncrypted?: string; pseudonymKeySalt?: null } = {
      ...input,
      municipalityIds: [...new Set(input.municipalityIds)],
      programmeIds: [...new Set(input.programmeIds)],
    };
    if (scopeChanged(before, changes)) Object.assign(changes, { pseudonymKeyEncrypted: this.newKey(), pseudonymKeySalt: null });
    return super.update(id, changes);
  }

  /** Refuses (403) a project over a municipality that is neither the evaluator's own nor granted. */
  refuseUngranted(municipalityIds: string[]): void {
    const user = this.db.user();
    const allowed = new Set([user.municipalityId, ...user.grantedMunicipalityIds]);
    const refused = municipalityIds.filter((id) => !allowed.has(id));
    if (refused.length > 0) {
      throw new ApiException(403, 'FORBIDDEN', 'A municipality of the project has not been granted to you', {
        municipalityIds: `not granted to you: ${refused.join(', ')}`,
      });
    }
  }

  protected override problems(input: CreateExportProjectDto): Record<string, string> {
    // Whole calendar months: a period cut to a day would isolate that day's referrals.
    const problems: Record<string, string> = {};
    if (!isFirstOfMonth(input.periodFrom)) problems['periodFrom'] = 'periodFrom must be the first day of a month (periods are whole calendar months)';
    if (!isLastOfMonth(input.periodTo)) problems['periodTo'] = 'periodTo must be the last day of a month (periods are whole calendar months)';
    if (Object.keys(problems).length === 0 && input.periodTo < input.periodFrom) problems['periodTo'] = 'periodTo must not be before periodFrom';
    return problems;
  }

  protected override async checkAsync(input: CreateExportProjectDto): Promise<void> {
    this.refuseUngranted(input.municipalityIds);
    const programmes = new Set(input.programmeIds);
    const n = await countProgrammes(this.db.manager(), [...programmes]);
    if (n !== programmes.size) throw ApiException.validation({ programmeIds: 'programmeIds must name existing programmes' });
  }

  protected override insertValues(input: CreateExportProjectDto): object {
    const user = this.db.user();
    return {
      ...input,
      municipalityIds: [...new Set(input.municipalityIds)],
      programmeIds: [...new Set(input.programmeIds)],
      municipalityId: this.db.municipalityId(),
      evaluatorId: user.id,
      pseudonymKeyEncrypted: this.newKey(),
    };
  }

  private newKey(): string {
    return this.crypto.encrypt(PSEUDONYM_KEY_FIELD, randomBytes(32).toString('base64'));
  }
}

const sameSet = (a: string[], b: string[]): boolean => {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
};

function scopeChanged(before: ExportProjectEntity, after: CreateExportProjectDto): boolean {
  return (
    !sameSet(before.municipalityIds, after.municipalityIds) ||
    !sameSet(before.programmeIds, after.programmeIds) ||
    before.periodFrom !== after.periodFrom ||
    before.periodTo !== after.periodTo
  );
}

const isFirstOfMonth = (date: string): boolean => date.endsWith('-01');

function isLastOfMonth(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return false;
  // Day 0 of the next month is the last day of this one (leap years included).
  return new Date(Date.UTC(year, month, 0)).getUTCDate() === day;
}
