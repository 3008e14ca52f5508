import { Injectable } from '@nestjs/common';
import { GRANT_MAX_DAYS } from '@outcomes/contracts';
import type { EvaluatorGrant, GrantStatus, RawListQuery, Role } from '@outcomes/contracts';
import type { ListPage } from '../common/list-query/list-page';
import { ApiException } from '../common/errors/api.exception';
import { listPage } from '../common/list-query/list-page';
import type { ListSpec } from '../common/list-query/list-query';
import { Db } from '../tenancy/db.service';
import type { RoleEnded } from '../users/role-ended';
import type { CreateEvaluatorGrantDto } from './dto/evaluator-grant.dto';
import type { EvaluatorGrantEntity } from './evaluator-grant.entity';
import { danishTodayInDatabase, endGrantsOfUser, findEvaluator, grantList, grantOr404, insertGrant, revokeGrant } from './grants.queries';

const LIST_SPEC: ListSpec = {
  fields: {
    id: { type: 'uuid', column: 'id', filterable: true },
    evaluatorUserId: { type: 'uuid', column: 'evaluator_user_id', filterable: true },
    evaluatorEmail: { type: 'string', column: 'evaluator_email', sortable: true },
    evaluatorMunicipalityId: { type: 'uuid', column: 'evaluator_municipality_id', sortable: true, filterable: true },
    municipalityId: { type: 'uuid', column: 'municipality_id', sortable: true, filterable: true },
    validFrom: { type: 'date', column: 'valid_from', sortable: true, filterable: true },
    validUntil: { type: 'date', column: 'valid_until', sortable: true, filterable: true },
    createdAt: { type: 'datetime', column: 'created_at', sortable: true, filterable: true },
  },
  searchColumns: ['evaluator_email', 'purpose'],
  defaultSort: ['createdAt', 'DESC'],
};

function statusOf(grant: EvaluatorGrantEntity, today: string): GrantStatus {
  if (grant.revokedAt) return 'revoked';
  if (today < grant.validFrom) return 'future';
  if (today > grant.validUntil) return 'expired';
  return 'active';
}

function toGrant(grant: EvaluatorGrantEntity, today: string): EvaluatorGrant {
  return {
    id: grant.id,
    version: grant.version,
    createdAt: grant.createdAt.toISOString(),
    updatedAt: grant.updatedAt.toISOString(),
    evaluatorUserId: grant.evaluatorUserId,
    evaluatorEmail: grant.evaluatorEmail,
    evaluatorMunicipalityId: grant.evaluatorMunicipalityId,
    municipalityId: grant.municipalityId,
    grantedByUserId: grant.grantedByUserId,
    purpose: grant.purpose,
    validFrom: grant.validFrom,
    validUntil: grant.validUntil,
    revokedAt: grant.revokedAt ? grant.revokedAt.toISOString() : null,
    revokedByUserId: grant.revokedByUserId,
    status: statusOf(grant, today),
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Grants of a municipality's pseudonymised data to other municipalities' evaluators. Row-level
 * security decides who sees a grant (both sides and the evaluator) and who makes and revokes it (the
 * data owner's admin); the session reads active grants on every request, so a revocation or an
 * expiry ends access at the evaluator's next request, downloads of earlier exports included.
 */
@Injectable()
export class EvaluatorGrantsService implements RoleEnded {
  constructor(private readonly db: Db) {}

  async list(raw: RawListQuery): Promise<ListPage<EvaluatorGrant>> {
    const today = await this.today();
    return listPage(grantList(this.db.manager()), raw, LIST_SPEC, (rows) => rows.map((r) => toGrant(r, today)));
  }

  async get(id: string): Promise<EvaluatorGrant> {
    return toGrant(await this.find(id), await this.today());
  }

  async create(input: CreateEvaluatorGrantDto): Promise<EvaluatorGrant> {
    const owner = this.db.municipalityId();
    const problems: Record<string, string> = {};
    const evaluator = await findEvaluator(this.db.manager(), input.evaluatorEmail);
    if (!evaluator) problems['evaluatorEmail'] = 'no active evaluator has that e-mail address';
    else if (evaluator.municipality_id === owner) problems['evaluatorEmail'] = 'is an evaluator of your own municipality, who needs no grant';
    const days = (Date.parse(input.validUntil) - Date.parse(input.validFrom)) / DAY_MS;
    if (Number.isNaN(days)) problems['validFrom'] = 'validFrom and validUntil must be real dates';
    else if (days < 0) problems['validUntil'] = 'validUntil must not be before validFrom';
    else if (days > GRANT_MAX_DAYS) problems['validUntil'] = `a grant lasts at most ${GRANT_MAX_DAYS} days; grant again when it ends`;
    else if (input.validUntil < (await this.today())) problems['validUntil'] = 'validUntil must not be in the past';
    if (Object.keys(problems).length > 0 || !evaluator) throw ApiException.validation(problems);

    const id = await insertGrant(this.db.manager(), {
      evaluatorUserId: evaluator.id,
      evaluatorEmail: evaluator.email,
      evaluatorMunicipalityId: evaluator.municipality_id,
      municipalityId: owner,
      grantedByUserId: this.db.user().id,
      purpose: input.purpose,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
    });
    const created = await this.get(id);
    this.db.logChange('evaluator-grants', 'create', created.id, null, created);
    return created;
  }

  /** Ends a grant at once. Only the data owner's admin may (row-level security); a revoked grant stays on record. */
  async revoke(id: string): Promise<EvaluatorGrant> {
    const before = await this.get(id);
    if (before.municipalityId !== this.db.user().municipalityId) {
      throw new ApiException(403, 'FORBIDDEN', 'Only the admin of the municipality that made a grant may revoke it', { municipalityId: 'is not your municipality' });
    }
    if (before.revokedAt) throw new ApiException(409, 'ILLEGAL_TRANSITION', 'This grant was revoked already', { revokedAt: 'is set already' });
    await revokeGrant(this.db.manager(), id, this.db.user().id);
    const after = await this.get(id);
    this.db.logChange('evaluator-grants', 'update', id, before, after);
    return after;
  }

  /**
   * A user who is no longer an evaluator (new role) loses every grant, whichever municipality made
   * it; through a database function, since the grants belong to other municipalities.
   */
  async roleEnded(userId: string, previousRole: Role): Promise<void> {
    if (previousRole === 'evaluator') await this.endAllOf(userId);
  }

  async endAllOf(userId: string): Promise<void> {
    const ended = await endGrantsOfUser(this.db.manager(), userId);
    for (const { id } of ended) this.db.logChange('evaluator-grants', 'update', id, { evaluatorUserId: userId, revokedAt: null }, { evaluatorUserId: userId, revokedAt: 'now: the role changed' });
  }

  private async find(id: string): Promise<EvaluatorGrantEntity> {
    return grantOr404(this.db.manager(), id);
  }

  private async today(): Promise<string> {
    return danishTodayInDatabase(this.db.manager());
  }
}
