import { Injectable } from '@nestjs/common';
import type { PlanReviewDue, TreatmentPlan, TreatmentPlanContent, TreatmentPlanRevision } from '@outcomes/contracts';
import { danishDaysFromToday, danishToday, isOpen } from '@outcomes/domain';
import { IdentifierCrypto } from '../common/crypto/identifier-crypto';
import { ApiException } from '../common/errors/api.exception';
import type { EnrolmentEntity } from '../enrolments/enrolment.entity';
import { Db } from '../tenancy/db.service';
import { enrolmentOrNull, insertPlanRevision, latestPlansOfActiveEnrolments, planRevisions } from './treatment-plans.queries';
import type { CreateTreatmentPlanDto, ReviseTreatmentPlanDto } from './dto/treatment-plan.dto';

/** Encryption context of the plan's words. */
const CONTENT = 'treatment_plan_content';
/** The worklist shows reviews due within this many days, and overdue ones. */
export const PLAN_REVIEW_AHEAD_DAYS = 7;

/**
 * The treatment plan of an enrolment (Serviceloven § 101 stk. 8; docs/domain.md, "The treatment plan"):
 * goals (at least one), actions, expected duration, who does what, made with the citizen, reviewed on a
 * date. Revised by adding a revision (who, when, why); none is ever changed or removed.
 */
@Injectable()
export class TreatmentPlansService {
  constructor(
    private readonly db: Db,
    private readonly crypto: IdentifierCrypto,
  ) {}

  async get(enrolmentId: string): Promise<TreatmentPlan> {
    const enrolment = await this.enrolment(enrolmentId);
    const revisions = await this.revisions(enrolment.id);
    return { id: enrolment.id, enrolmentId: enrolment.id, citizenId: enrolment.citizenId, current: revisions[0] ?? null, revisions };
  }

  async create(enrolmentId: string, input: CreateTreatmentPlanDto): Promise<TreatmentPlan> {
    const enrolment = await this.openEnrolment(enrolmentId);
    if ((await this.revisions(enrolment.id)).length > 0) {
      throw new ApiException(409, 'DUPLICATE', 'The enrolment has a treatment plan already; revise it instead (PUT)', { enrolmentId: 'already has a treatment plan' });
    }
    await this.insert(enrolment, 1, this.content(input, null));
    return this.get(enrolment.id);
  }

  async revise(enrolmentId: string, input: ReviseTreatmentPlanDto): Promise<TreatmentPlan> {
    const enrolment = await this.openEnrolment(enrolmentId);
    const latest = (await this.revisions(enrolment.id))[0];
    if (!latest) throw ApiException.notFound('Treatment plan');
    if (latest.revision !== input.basedOnRevision) {
      throw new ApiException(409, 'VERSION_CONFLICT', `The plan was revised by someone else since you loaded it (now revision ${latest.revision}); reload it and revise again`, { basedOnRevision: 'is stale' });
    }
    // The unique (enrolment, revision) refuses a second revision based on the same one, even at the same instant.
    await this.insert(enrolment, latest.revision + 1, this.content(input, input.revisionReason));
    return this.get(enrolment.id);
  }

  /**
   * Plans due for review within PLAN_REVIEW_AHEAD_DAYS (or overdue), on active enrolments of the centre
   * and of the staff member ("Mine borgere"), when named.
   */
  async reviewsDue(filter: { centreId: string | null; staffUserId: string | null }): Promise<PlanReviewDue[]> {
    const today = danishToday();
    const rows = await latestPlansOfActiveEnrolments(this.db.manager(), filter);
    const horizon = danishDaysFromToday(PLAN_REVIEW_AHEAD_DAYS);
    return rows
      .filter((r) => r.review_date <= horizon)
      .sort((a, b) => a.review_date.localeCompare(b.review_date))
      .map((r) => ({ id: r.enrolment_id, enrolmentId: r.enrolment_id, citizenId: r.citizen_id, programmeId: r.programme_id, reviewDate: r.review_date, revision: r.revision, overdue: r.review_date < today }));
  }

  private content(input: CreateTreatmentPlanDto, revisionReason: string | null): TreatmentPlanContent {
    if (input.madeWithCitizen && !input.madeWithCitizenOn) {
      throw ApiException.validation({ madeWithCitizenOn: 'say on which day the plan was made with the citizen' });
    }
    const today = danishToday();
    if (input.madeWithCitizenOn && input.madeWithCitizenOn > today) throw ApiException.validation({ madeWithCitizenOn: 'madeWithCitizenOn must not be in the future' });
    if (input.reviewDate < today) throw ApiException.validation({ reviewDate: 'reviewDate must not be in the past' });
    const text = (value: string | null | undefined): string | null => (value && value.trim() !== '' ? value.trim() : null);
    return {
      goals: input.goals,
      actions: input.actions,
      expectedDurationWeeks: input.expectedDurationWeeks,
      citizenResources: text(input.citizenResources),
      otherActors: text(input.otherActors),
      responsible: text(input.responsible),
      madeWithCitizen: input.madeWithCitizen,
      madeWithCitizenOn: input.madeWithCitizen ? (input.madeWithCitizenOn ?? null) : null,
      reviewDate: input.reviewDate,
      revisionReason,
    };
  }

  private async insert(enrolment: EnrolmentEntity, revision: number, content: TreatmentPlanContent): Promise<void> {
    try {
      await insertPlanRevision(this.db.manager(), {
        municipalityId: this.db.municipalityId(),
        enrolmentId: enrolment.id,
        citizenId: enrolment.citizenId,
        revision,
        contentEncrypted: this.crypto.encrypt(CONTENT, JSON.stringify(content)),
        reviewDate: content.reviewDate,
        madeWithCitizen: content.madeWithCitizen,
        madeWithCitizenOn: content.madeWithCitizenOn,
        revisedBy: this.db.user().id,
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw ApiException.versionConflict('Treatment plan');
      throw error;
    }
  }

  private async revisions(enrolmentId: string): Promise<TreatmentPlanRevision[]> {
    const rows = await planRevisions(this.db.manager(), enrolmentId);
    return rows.map((r) => ({
      ...(JSON.parse(this.crypto.decrypt(CONTENT, r.content_encrypted)) as TreatmentPlanContent),
      id: r.id,
      enrolmentId: r.enrolment_id,
      citizenId: r.citizen_id,
      revision: r.revision,
      revisedByUserId: r.revised_by,
      revisedByName: r.display_name,
      revisedAt: r.revised_at.toISOString(),
    }));
  }

  private async enrolment(id: string): Promise<EnrolmentEntity> {
    const found = await enrolmentOrNull(this.db.manager(), id);
    if (!found) throw ApiException.notFound('Enrolment');
    return found;
  }

  private async openEnrolment(id: string): Promise<EnrolmentEntity> {
    const enrolment = await this.enrolment(id);
    // A plan is made or revised at the start and while treatment goes on: an open enrolment.
    if (!isOpen(enrolment.state)) {
      throw new ApiException(422, 'NOT_ELIGIBLE', `A treatment plan is made or revised while the enrolment is referred or active; this one is ${enrolment.state}`, { enrolmentId: `the enrolment is ${enrolment.state}` });
    }
    return enrolment;
  }
}
