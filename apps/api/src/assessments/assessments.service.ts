import { Injectable } from '@nestjs/common';
import { COMPOSITE_DOMAINS, MAX_PAGE_SIZE } from '@outcomes/contracts';
import type { Assessment, CompositeDomain, DueAssessment, DueStatus, EnrolmentState, FollowUpAttempt, RawListQuery, Timepoint, WorklistItem } from '@outcomes/contracts';
import { ENDED_STATES, asiAnswerErrors, danishToday, drugFree, followUpSchedule, scoreAsi } from '@outcomes/domain';
import type { ListPage } from '../common/list-query/list-page';
import { ApiException } from '../common/errors/api.exception';
import type { ListSpec } from '../common/list-query/list-query';
import { listPage } from '../common/list-query/list-page';
import { parseListQueryOr400 } from '../common/list-query/parse-list-query-or-400';
import type { EnrolmentEntity } from '../enrolments/enrolment.entity';
import { enrolmentOr404, enrolmentReferenceOr400 } from '../enrolments/enrolments.queries';
import { programmeById } from '../programmes/programmes.queries';
import { Db } from '../tenancy/db.service';
import type { AssessmentEntity } from './assessment.entity';
import { assessmentList, assessmentOr404, followUpAttempts, insertAssessment, insertFollowUpAttempt, insertRevision, takenAssessments, updateAssessment, worklistPage } from './assessments.queries';
import type { WorklistRow } from './assessments.queries';
import type { CreateAssessmentDto, CreateFollowUpAttemptDto, UpdateAssessmentDto } from './dto/assessment.dto';

const LIST_SPEC: ListSpec = {
  fields: {
    id: { type: 'uuid', column: 'id', filterable: true },
    enrolmentId: { type: 'uuid', column: 'enrolment_id', filterable: true },
    citizenId: { type: 'uuid', column: 'citizen_id', filterable: true },
    timepoint: { type: 'string', column: 'timepoint', sortable: true, filterable: true },
    date: { type: 'date', column: 'assessed_on', sortable: true, filterable: true },
    interviewerUserId: { type: 'uuid', column: 'interviewer_user_id', filterable: true },
  },
  searchColumns: [],
  defaultSort: ['date', 'ASC'],
};

/** The worklist's filters; it is computed from the protocol, not stored, so these are its only fields. */
const WORKLIST_SPEC: ListSpec = {
  fields: {
    staffUserId: { type: 'uuid', column: 'staff_user_id', filterable: true },
    centreId: { type: 'uuid', column: 'centre_id', filterable: true },
    status: { type: 'string', column: 'status', filterable: true },
    dueDate: { type: 'date', column: 'due_date', sortable: true },
  },
  searchColumns: [],
  defaultSort: ['dueDate', 'ASC'],
};

/** ASI assessments (scored by libs/domain, stored as scored), their history, follow-up schedules and the worklist. */
@Injectable()
export class AssessmentsService {
  constructor(private readonly db: Db) {}

  async list(raw: RawListQuery): Promise<ListPage<Assessment>> {
    return listPage(assessmentList(this.db.manager()), raw, LIST_SPEC, (rows) => rows.map((r) => this.toAssessment(r)));
  }

  async get(id: string): Promise<Assessment> {
    return this.toAssessment(await this.entity(id));
  }

  async create(input: CreateAssessmentDto): Promise<Assessment> {
    return this.get(await this.insert(input));
  }

  /** create without reading the assessment back: the new id (for an import). */
  async insert(input: CreateAssessmentDto): Promise<string> {
    const enrolment = await this.enrolmentOrRefuse(input.enrolmentId);
    this.checkDate(input.date, enrolment);
    const scored = this.score(input.items);
    const id = await insertAssessment(this.db.manager(), {
      municipalityId: enrolment.municipalityId,
      enrolmentId: enrolment.id,
      citizenId: enrolment.citizenId,
      timepoint: input.timepoint,
      assessedOn: input.date,
      interviewerUserId: input.interviewerUserId ?? this.db.user().id,
      items: input.items,
      ...scored,
    });
    return id;
  }

  /** Re-scores from the new items; the version before the edit is kept as a revision. */
  async update(id: string, input: UpdateAssessmentDto): Promise<Assessment> {
    const current = await this.entity(id);
    const enrolment = await this.enrolmentOrRefuse(current.enrolmentId);
    this.checkDate(input.date, enrolment);
    const scored = this.score(input.items);
    const affected = await updateAssessment(this.db.manager(), id, input.version, { assessedOn: input.date, items: input.items, ...scored });
    if (affected === 0) throw ApiException.versionConflict('Assessment');
    await insertRevision(this.db.manager(), {
      municipalityId: current.municipalityId,
      assessmentId: id,
      version: current.version,
      assessedOn: current.assessedOn,
      items: current.items,
      composites: Object.fromEntries(COMPOSITE_DOMAINS.map((d) => [d, current[d]])),
      revisedBy: this.db.user().id,
    });
    return this.get(id);
  }

  /** The enrolment's due assessments (from its programme's protocol) with the attempts to reach the citizen. */
  async schedule(enrolmentId: string): Promise<{ due: DueAssessment[]; attempts: FollowUpAttempt[] }> {
    const enrolment = await enrolmentOr404(this.db.manager(), enrolmentId);
    const { due, attempts } = await this.scheduleOf(enrolment);
    // Not a paged list: the attempts are capped like one (OWASP API4), the newest MAX_PAGE_SIZE.
    return { due, attempts: attempts.slice(-MAX_PAGE_SIZE) };
  }

  async addAttempt(enrolmentId: string, input: CreateFollowUpAttemptDto): Promise<FollowUpAttempt> {
    const enrolment = await this.enrolmentOrRefuse(enrolmentId);
    if (input.date > danishToday()) throw ApiException.validation({ date: 'date must not be in the future' });
    if (input.date < enrolment.referralDate) throw ApiException.validation({ date: `date must not be before the referral (${enrolment.referralDate})` });
    const id = await insertFollowUpAttempt(this.db.manager(), { municipalityId: enrolment.municipalityId, enrolmentId, timepoint: input.timepoint, attemptedOn: input.date, channel: input.channel, reached: input.reached, userId: this.db.user().id });
    return { id, enrolmentId, timepoint: input.timepoint, date: input.date, channel: input.channel, reached: input.reached, userId: this.db.user().id };
  }

  /**
   * The worklist: every open scheduled assessment (upcoming, in its window, overdue) of the
   * municipality's enrolments, filtered by staff member or centre, soonest due first.
   */
  async worklist(raw: RawListQuery): Promise<ListPage<WorklistItem>> {
    const { conditions, offset, limit } = parseListQueryOr400(raw, WORKLIST_SPEC);
    const value = (column: string): string | undefined => {
      const found = conditions.find((c) => c.kind === 'eq' && c.column === column);
      return found?.kind === 'eq' && typeof found.value === 'string' ? found.value : undefined;
    };
    const filter = { staffUserId: value('staff_user_id'), centreId: value('centre_id'), status: value('status') };
    // Computed, filtered, sorted (soonest due first, whatever the sort asked, as always) and paged in
    // the database: a page reads one page (decision 148).
    const page = await worklistPage(this.db.manager(), danishToday(), ENDED_STATES, filter, limit, offset);
    // Each row's enrolment and citizen come from the same enrolment row (worklist-sql.ts), and so do its
    // attempts' enrolment: the access log need not look them up again.
    this.db.knowEnrolmentCitizens(page.rows.map((r) => [r.enrolment_id, r.citizen_id] as const));
    return { rows: page.rows.map(toWorklistItem), offset, total: page.total };
  }

  /**
   * One enrolment's schedule, computed by libs/domain from its programme's protocol (30 window days
   * when the programme is not visible), with its attempts oldest first. The worklist computes the
   * same rule in SQL (worklist-sql.ts); worklist-sql.medium-spec.ts holds the two equal.
   */
  private async scheduleOf(enrolment: EnrolmentEntity): Promise<{ due: DueAssessment[]; attempts: FollowUpAttempt[] }> {
    const programme = await programmeById(this.db.manager(), enrolment.programmeId);
    const taken = await takenAssessments(this.db.manager(), [enrolment.id]);
    const attempts = await followUpAttempts(this.db.manager(), [enrolment.id]);
    return {
      due: followUpSchedule({
        startDate: enrolment.startDate,
        endDate: enrolment.endDate,
        state: enrolment.state as EnrolmentState,
        followUpMonths: programme?.followUpMonths ?? [],
        windowDays: programme?.followUpWindowDays ?? 30,
        taken: taken.map((t) => ({ timepoint: t.timepoint as Timepoint, date: t.assessedOn })),
        today: danishToday(),
      }),
      attempts: attempts.map((a) => ({ id: a.id, enrolmentId: a.enrolmentId, timepoint: a.timepoint as Timepoint, date: a.attemptedOn, channel: a.channel as FollowUpAttempt['channel'], reached: a.reached, userId: a.userId })),
    };
  }

  /** Validates every item (400 naming each bad one as items.<code>) and scores them. */
  private score(items: Record<string, number | string | null>): Pick<AssessmentEntity, CompositeDomain | 'missing' | 'drugFree'> {
    const errors = asiAnswerErrors(items);
    if (Object.keys(errors).length > 0) {
      throw ApiException.validation(Object.fromEntries(Object.entries(errors).map(([code, rule]) => [`items.${code}`, rule])));
    }
    const score = scoreAsi(items);
    const missing = Object.fromEntries(COMPOSITE_DOMAINS.filter((d) => score.composites[d].missing.length > 0).map((d) => [d, score.composites[d].missing]));
    return {
      ...(Object.fromEntries(COMPOSITE_DOMAINS.map((d) => [d, score.composites[d].value])) as Record<CompositeDomain, number | null>),
      missing,
      drugFree: score.drugFree.value,
    };
  }

  private checkDate(date: string, enrolment: EnrolmentEntity): void {
    if (date > danishToday()) throw ApiException.validation({ date: 'date must not be in the future' });
    if (date < enrolment.referralDate) throw ApiException.validation({ date: `date must not be before the referral (${enrolment.referralDate})` });
  }

  private async entity(id: string): Promise<AssessmentEntity> {
    return assessmentOr404(this.db.manager(), id);
  }

  private async enrolmentOrRefuse(id: string): Promise<EnrolmentEntity> {
    return enrolmentReferenceOr400(this.db.manager(), id);
  }

  private toAssessment(row: AssessmentEntity): Assessment {
    return {
      id: row.id,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      municipalityId: row.municipalityId,
      enrolmentId: row.enrolmentId,
      citizenId: row.citizenId,
      instrument: 'ASI',
      instrumentVersion: row.instrumentVersion,
      timepoint: row.timepoint as Timepoint,
      date: row.assessedOn,
      interviewerUserId: row.interviewerUserId,
      items: row.items,
      composites: Object.fromEntries(COMPOSITE_DOMAINS.map((d) => [d, row[d]])) as Record<CompositeDomain, number | null>,
      missing: row.missing,
      drugFree: row.drugFree,
      // Read from the items (not stored), so that older assessments say why too.
      drugFreeMissing: row.drugFree === null ? drugFree(row.items).missing : [],
    };
  }
}

/** A worklist row of the SQL in the contract's shape (the keys in the order the API has always answered them). */
function toWorklistItem(r: WorklistRow): WorklistItem {
  return {
    timepoint: r.timepoint as Timepoint,
    dueDate: r.due_date,
    windowStart: r.window_start,
    windowEnd: r.window_end,
    status: r.status as DueStatus,
    doneDate: null,
    id: `${r.enrolment_id}:${r.timepoint}`,
    enrolmentId: r.enrolment_id,
    citizenId: r.citizen_id,
    programmeId: r.programme_id,
    centreId: r.centre_id,
    staffUserId: r.staff_user_id,
    attempts: r.attempts.map((a) => ({ ...a, timepoint: a.timepoint as Timepoint, channel: a.channel as FollowUpAttempt['channel'] })),
  };
}
