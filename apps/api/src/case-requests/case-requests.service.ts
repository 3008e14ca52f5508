import { Inject, Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ANONYMOUS_COURSE_KIND, ASSESSMENT_AREAS, DEFAULT_COURSE_KIND } from '@outcomes/contracts';
import type { CaseDecision, CaseRequest, CaseRequestCreated, CaseRequestStatus, CourseKind, DecisionOutcome, GuaranteeFigures, JoinedRequest, RawListQuery, RequestAssessment, RequestChannel, TreatmentKind } from '@outcomes/contracts';
import { danishToday, guaranteeFigures, guaranteeState, joinsOpenRequest } from '@outcomes/domain';
import { CitizensService } from '../citizens/citizens.service';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import { IdentifierCrypto } from '../common/crypto/identifier-crypto';
import { ApiException, ReferenceRefused } from '../common/errors/api.exception';
import type { ListPage } from '../common/list-query/list-page';
import { listPage } from '../common/list-query/list-page';
import type { ListSpec } from '../common/list-query/list-query';
import { Db } from '../tenancy/db.service';
import type { CaseDecisionEntity, CaseRequestEntity } from './case-request.entity';
import {
  centreExists,
  changeRequest,
  decisionOr404,
  decisionsOf,
  insertDecision,
  insertRequest,
  letterNames,
  linkedEnrolments,
  lockRequest,
  openRequestForUpdate,
  programmeVisible,
  requestList,
  requestOr400,
  requestOr404,
  requestsInPeriod,
  updateRequest,
} from './case-requests.queries';
import { decisionPdf } from './decision-pdf';
import type { CreateCaseRequestDto, CreateDecisionDto, RequestAssessmentDto, UpdateCaseRequestDto } from './dto/case-request.dto';
import { citizenReferenceOr400 } from '../citizens/citizens.queries';
import type { CitizenEntity } from '../citizens/citizen.entity';

const LIST_SPEC: ListSpec = {
  fields: {
    id: { type: 'uuid', column: 'id', filterable: true },
    citizenId: { type: 'uuid', column: 'citizen_id', filterable: true },
    courseKind: { type: 'string', column: 'course_kind', sortable: true, filterable: true },
    status: { type: 'string', column: 'status', sortable: true, filterable: true },
    requestedOn: { type: 'date', column: 'requested_on', sortable: true, filterable: true },
    receivedByCentreId: { type: 'uuid', column: 'received_by_centre_id', filterable: true },
  },
  searchColumns: [],
  defaultSort: ['requestedOn', 'DESC'],
};

const EMPTY_ASSESSMENT: RequestAssessment = { drugsAndAlcohol: null, socialSituation: null, health: null, workOrEducation: null, housing: null, otherHelp: null };

/**
 * Requests for treatment (henvendelser), their assessment, the 14-day treatment guarantee and the
 * written decisions on them (docs/domain.md, "The legal case record"). The guarantee's start is the
 * earliest start of an enrolment linked to the request (enrolment.case_request_id).
 */
@Injectable()
export class CaseRequestsService {
  constructor(
    private readonly db: Db,
    private readonly crypto: IdentifierCrypto,
    private readonly citizens: CitizensService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get guaranteeDays(): number {
    return this.config.treatmentGuaranteeDays;
  }

  async list(raw: RawListQuery): Promise<ListPage<CaseRequest>> {
    return listPage(requestList(this.db.manager()), raw, LIST_SPEC, (rows) => this.withStarts(rows));
  }

  async get(id: string): Promise<CaseRequest> {
    const [request] = await this.withStarts([await this.entity(id)]);
    return request as CaseRequest;
  }

  /**
   * A new request, or, when the citizen has an open one at most 10 days apart, that one with this
   * request joined to it (one contact course, as the register counts them): `joined` says which.
   * An open request further apart is a 409: close it first (the register's one open course).
   */
  async create(input: CreateCaseRequestDto): Promise<CaseRequestCreated> {
    const citizen = await this.citizenOrRefuse(input.citizenId);
    const courseKind = input.courseKind ?? DEFAULT_COURSE_KIND;
    if (courseKind === ANONYMOUS_COURSE_KIND) refuseAnonymousWithCpr(citizen, 'courseKind');
    await this.centreOrRefuse('receivedByCentreId', input.receivedByCentreId ?? null);
    const birthDate = await this.citizens.birthDate(citizen);
    this.checkPast('requestedOn', input.requestedOn);
    if (birthDate && input.requestedOn < birthDate) throw ApiException.validation({ requestedOn: `requestedOn must not be before the citizen's birth (${birthDate})` });

    const open = await openRequestForUpdate(this.db.manager(), citizen.id);
    if (open) {
      if (open.courseKind !== courseKind) {
        throw new ApiException(409, 'ANONYMOUS_TREATMENT', `The citizen has an open request of the other kind (${open.courseKind}); anonymous treatment (§ 101 a) and § 101 treatment are separate courses: close it first`, {
          courseKind: `the citizen's open request of ${open.requestedOn} is ${open.courseKind}: a request of another kind cannot join it, so close the open one first`,
        });
      }
      if (!joinsOpenRequest(open.requestedOn, input.requestedOn)) {
        throw new ApiException(409, 'DUPLICATE', `The citizen has an open request of ${open.requestedOn}, more than 10 days from this one; close it before registering a new one`, {
          requestedOn: `the citizen has an open request of ${open.requestedOn}: requests more than 10 days apart are separate courses, so close the open one first`,
        });
      }
      const joined: JoinedRequest = { requestedOn: input.requestedOn, channel: input.channel, receivedByCentreId: input.receivedByCentreId ?? null, at: new Date().toISOString(), userId: this.db.user().id };
      const changes: Partial<CaseRequestEntity> = { joinedRequests: [...open.joinedRequests, joined] };
      // The clock runs from the course's first request.
      if (input.requestedOn < open.requestedOn) Object.assign(changes, { requestedOn: input.requestedOn, channel: input.channel, receivedByCentreId: input.receivedByCentreId ?? null });
      if (input.assessment) changes.assessmentEncrypted = this.encryptAssessment({ ...this.decryptAssessment(open.assessmentEncrypted), ...this.cleanAssessment(input.assessment) });
      await changeRequest(this.db.manager(), open.id, changes as QueryDeepPartialEntity<CaseRequestEntity>);
      return { ...(await this.get(open.id)), joined: true };
    }

    const id = await insertRequest(this.db.manager(), {
      municipalityId: this.db.municipalityId(),
      citizenId: citizen.id,
      courseKind,
      requestedOn: input.requestedOn,
      channel: input.channel,
      receivedByCentreId: input.receivedByCentreId ?? null,
      assessmentEncrypted: this.encryptAssessment({ ...EMPTY_ASSESSMENT, ...this.cleanAssessment(input.assessment ?? {}) }),
      status: 'open',
      joinedRequests: [],
      createdByUserId: this.db.user().id,
    });
    return { ...(await this.get(id)), joined: false };
  }

  async update(id: string, input: UpdateCaseRequestDto): Promise<CaseRequest> {
    const current = await this.entity(id);
    const [view] = await this.withStarts([current]);
    for (const field of ['closedOn', 'waiverOn', 'doctorConversationOn'] as const) {
      const date = input[field];
      if (!date) continue;
      this.checkPast(field, date);
      if (date < current.requestedOn) throw ApiException.validation({ [field]: `${field} must not be before the request (${current.requestedOn})` });
    }
    if (current.courseKind === ANONYMOUS_COURSE_KIND) {
      // No guarantee (§ 101 a): nothing to waive, no deadline to miss.
      for (const field of ['waiverOn', 'missedReason'] as const) {
        if (input[field] !== undefined && input[field] !== null && input[field] !== '') {
          throw ApiException.validation({ [field]: `${field} is not recorded for anonymous treatment (serviceloven § 101 a): it has no treatment guarantee` });
        }
      }
    }
    const missedReason = input.missedReason === undefined ? this.crypto.decryptNullable('case_request_missed_reason', current.missedReasonEncrypted) : (input.missedReason?.trim() || null);
    const after = current.courseKind === ANONYMOUS_COURSE_KIND ? null : guaranteeState({ requestedOn: current.requestedOn, startDate: view?.guarantee?.startDate ?? null, waiverOn: input.waiverOn === undefined ? current.waiverOn : input.waiverOn, missedReason, today: danishToday(), days: this.guaranteeDays });
    if ((after?.status === 'missed' || after?.status === 'overdue') && !missedReason && current.missedReasonEncrypted) {
      throw ApiException.validation({ missedReason: 'missedReason is required while treatment did not start within the guarantee' });
    }
    const closing = input.status === 'closed';
    const affected = await updateRequest(this.db.manager(), id, input.version, {
      ...(input.assessment ? { assessmentEncrypted: this.encryptAssessment({ ...EMPTY_ASSESSMENT, ...this.cleanAssessment(input.assessment) }) } : {}),
      status: input.status,
      closedOn: closing ? (input.closedOn ?? current.closedOn ?? danishToday()) : null,
      ...(input.waiverOn !== undefined ? { waiverOn: input.waiverOn } : {}),
      ...(input.doctorConversationOn !== undefined ? { doctorConversationOn: input.doctorConversationOn } : {}),
      missedReasonEncrypted: this.crypto.encryptNullable('case_request_missed_reason', missedReason),
    });
    if (affected === 0) throw ApiException.versionConflict('Request');
    return this.get(id);
  }

  // -------------------------------------------------------------------------------------------------
  // The enrolments' side: linking an enrolment to its request, and its start

  /**
   * An enrolment may name a request of its own citizen only, and has the request's kind (a kind given
   * with the enrolment must be it): answers the request.
   */
  async checkLink(caseRequestId: string, citizenId: string, courseKind: CourseKind | undefined): Promise<CaseRequestEntity> {
    const request = await requestOr400(this.db.manager(), caseRequestId, 'caseRequestId', 'caseRequestId must name a request of your municipality');
    if (request.citizenId !== citizenId) throw ApiException.validation({ caseRequestId: 'caseRequestId must name a request of the same citizen' });
    if (courseKind !== undefined && courseKind !== request.courseKind) {
      throw ApiException.validation({ courseKind: `courseKind must be the request's (${request.courseKind}): an enrolment answering a request is of the request's kind` });
    }
    return request;
  }

  /**
   * An existing enrolment linked afterwards (docs/decisions.md 79): a request of its citizen and its
   * kind, open or closed no earlier than the referral (the enrolment belonged to that course), and, if
   * it has started, not before the request; a start after the deadline as at the start (the reason).
   */
  async checkLinkExisting(
    caseRequestId: string,
    enrolment: { citizenId: string; referralDate: string; startDate: string | null; courseKind: string },
    reason: string | null,
  ): Promise<void> {
    const request = await requestOr400(this.db.manager(), caseRequestId, 'caseRequestId', 'caseRequestId must name a request of your municipality');
    if (request.citizenId !== enrolment.citizenId) throw ApiException.validation({ caseRequestId: 'caseRequestId must name a request of the same citizen' });
    if (request.courseKind !== enrolment.courseKind) {
      throw new ApiException(409, 'ANONYMOUS_TREATMENT', `The enrolment is of kind ${enrolment.courseKind} and the request of kind ${request.courseKind}`, {
        caseRequestId: `the request is of kind ${request.courseKind} and the enrolment of kind ${enrolment.courseKind}: an enrolment answers a request of its own kind`,
      });
    }
    if (request.status === 'closed' && request.closedOn !== null && request.closedOn < enrolment.referralDate) {
      throw new ApiException(409, 'REQUEST_CLOSED', `The request was closed on ${request.closedOn}, before the enrolment's referral (${enrolment.referralDate})`, {
        caseRequestId: `the request was closed on ${request.closedOn}, before the referral (${enrolment.referralDate}): link an open or later request`,
      });
    }
    if (enrolment.startDate === null) return;
    if (enrolment.startDate < request.requestedOn) {
      throw new ApiException(409, 'START_BEFORE_REQUEST', `The enrolment started on ${enrolment.startDate}, before the request of ${request.requestedOn}`, {
        caseRequestId: `the enrolment started on ${enrolment.startDate}, before the request (${request.requestedOn}): treatment starts after the citizen's request`,
      });
    }
    await this.checkStart(caseRequestId, enrolment.startDate, reason);
  }

  /**
   * A linked enrolment's start: never before the request; after the guarantee's deadline only with
   * the reason (given now, or recorded on the request before), unless the citizen waived it. The
   * reason given is recorded on the request.
   */
  async checkStart(caseRequestId: string, startDate: string, reason: string | null): Promise<void> {
    const request = await this.entity(caseRequestId);
    if (startDate < request.requestedOn) {
      throw ApiException.validation({ date: `startDate must not be before the request date (${request.requestedOn}): treatment starts after the citizen's request` });
    }
    // Anonymous treatment (§ 101 a) has no guarantee: no deadline to miss.
    if (request.courseKind === ANONYMOUS_COURSE_KIND) return;
    const [view] = await this.withStarts([request]);
    const earliest = view?.guarantee?.startDate && view.guarantee.startDate < startDate ? view.guarantee.startDate : startDate;
    const stored = this.crypto.decryptNullable('case_request_missed_reason', request.missedReasonEncrypted);
    const state = guaranteeState({ requestedOn: request.requestedOn, startDate: earliest, waiverOn: request.waiverOn, missedReason: stored ?? reason, today: danishToday(), days: this.guaranteeDays });
    if (state.status !== 'missed') return;
    if (!stored && !reason?.trim()) {
      throw ApiException.validation({ reason: `the start is after the treatment guarantee's last day (${state.deadline}): give the reason it was missed` });
    }
    if (!stored) await changeRequest(this.db.manager(), request.id, { missedReasonEncrypted: this.crypto.encrypt('case_request_missed_reason', (reason as string).trim()) });
  }

  // -------------------------------------------------------------------------------------------------
  // Decisions

  async decisions(caseRequestId: string): Promise<CaseDecision[]> {
    await this.entity(caseRequestId);
    const rows = await decisionsOf(this.db.manager(), caseRequestId);
    return rows.map((r) => this.toDecision(r));
  }

  /** A new decision; the request's latest one (if any) stays, named as the one this replaces. */
  async decide(caseRequestId: string, input: CreateDecisionDto): Promise<CaseDecision> {
    const request = await this.entity(caseRequestId);
    if (request.courseKind === ANONYMOUS_COURSE_KIND) {
      throw new ApiException(409, 'ANONYMOUS_TREATMENT', 'An anonymous request (serviceloven § 101 a) gets no written decision: decisions under § 101 a cannot be appealed, and the citizen is anonymous', {
        courseKind: 'a request for anonymous treatment (serviceloven § 101 a) has no decision to appeal: no written decision with complaint guidance is made on it',
      });
    }
    this.checkPast('decidedOn', input.decidedOn);
    if (input.decidedOn < request.requestedOn) throw ApiException.validation({ decidedOn: `decidedOn must not be before the request (${request.requestedOn})` });
    if (input.programmeId) await this.programmeOrRefuse(input.programmeId);
    await this.centreOrRefuse('centreId', input.centreId ?? null);
    if (input.outcome === 'granted' && !input.programmeId && !input.centreId) {
      throw ApiException.validation({ programmeId: 'a granted decision names the offer: programmeId or centreId' });
    }
    // Serialised per request by the request row's lock, so two decisions never replace the same one.
    await lockRequest(this.db.manager(), request.id);
    const [latest] = await decisionsOf(this.db.manager(), request.id);
    const id = await insertDecision(this.db.manager(), {
      municipalityId: this.db.municipalityId(),
      caseRequestId: request.id,
      citizenId: request.citizenId,
      decidedOn: input.decidedOn,
      outcome: input.outcome,
      programmeId: input.programmeId ?? null,
      centreId: input.centreId ?? null,
      reasonsEncrypted: this.crypto.encrypt('case_decision_reasons', input.reasons),
      legalBasis: input.legalBasis,
      complaintGuidance: input.complaintGuidance,
      supersedesId: latest?.id ?? null,
      decidedByUserId: this.db.user().id,
      treatmentKind: input.treatmentKind ?? null,
    });
    return this.toDecision(await decisionOr404(this.db.manager(), id));
  }

  /** The decision as a Danish letter (PDF); its read is logged with the citizen. */
  async decisionPdf(caseRequestId: string, decisionId: string): Promise<{ pdf: Buffer; citizenId: string }> {
    const request = await this.entity(caseRequestId);
    const row = await decisionOr404(this.db.manager(), decisionId);
    if (row.caseRequestId !== request.id) throw ApiException.notFound('Decision');
    const citizen = await this.citizens.get(request.citizenId);
    const n = await letterNames(this.db.manager(), { municipalityId: request.municipalityId, programmeId: row.programmeId, centreId: row.centreId, userId: row.decidedByUserId });
    const pdf = await decisionPdf({
      municipality: n?.municipality ?? '',
      citizenName: `${citizen.firstName} ${citizen.lastName}`,
      cpr: citizen.cpr ?? null,
      requestedOn: request.requestedOn,
      decision: this.toDecision(row),
      programme: n?.programme ?? null,
      centre: n?.centre ?? null,
      decidedBy: n?.decided_by ?? null,
      supersedes: row.supersedesId !== null,
      guaranteeDays: this.guaranteeDays,
    });
    return { pdf, citizenId: request.citizenId };
  }

  // -------------------------------------------------------------------------------------------------
  // The guarantee's figures

  /** The requests of a period (by request date) of the own municipality, counted by where their guarantee stands. */
  async figures(from: string, to: string): Promise<GuaranteeFigures> {
    if (to < from) throw ApiException.validation({ to: 'to must not be before from' });
    const rows = await requestsInPeriod(this.db.manager(), from, to);
    // Anonymous treatment (§ 101 a) has no guarantee: left out, and counted as left out.
    const views = await this.withStarts(rows.filter((r) => r.courseKind !== ANONYMOUS_COURSE_KIND));
    const guaranteed = views.flatMap((v) => (v.guarantee ? [v.guarantee] : []));
    return { municipalityId: this.db.municipalityId(), from, to, guaranteeDays: this.guaranteeDays, ...guaranteeFigures(guaranteed), anonymousLeftOut: rows.length - views.length };
  }

  // -------------------------------------------------------------------------------------------------

  private async entity(id: string): Promise<CaseRequestEntity> {
    return requestOr404(this.db.manager(), id);
  }

  private citizenOrRefuse(id: string) {
    return citizenReferenceOr400(this.db.manager(), id);
  }

  /** Any municipality's treatment place (free choice); centres are readable by all. */
  private async centreOrRefuse(field: string, id: string | null): Promise<void> {
    if (id === null) return;
    if (!(await centreExists(this.db.manager(), id))) throw new ReferenceRefused(field, `${field} must name a treatment centre`);
  }

  private async programmeOrRefuse(id: string): Promise<void> {
    if (!(await programmeVisible(this.db.manager(), id))) throw new ReferenceRefused('programmeId', 'programmeId must name a national programme or one of your municipality');
  }

  private checkPast(field: string, date: string): void {
    if (date > danishToday()) throw ApiException.validation({ [field]: `${field} must not be after today (${danishToday()})` });
  }

  private cleanAssessment(input: RequestAssessmentDto): Partial<RequestAssessment> {
    const out: Partial<RequestAssessment> = {};
    for (const area of ASSESSMENT_AREAS) if (input[area] !== undefined) out[area] = input[area]?.trim() || null;
    return out;
  }

  private encryptAssessment(assessment: RequestAssessment): string {
    return this.crypto.encrypt('case_request_assessment', JSON.stringify(assessment));
  }

  private decryptAssessment(stored: string | null): RequestAssessment {
    const plain = this.crypto.decryptNullable('case_request_assessment', stored);
    return plain ? { ...EMPTY_ASSESSMENT, ...(JSON.parse(plain) as Partial<RequestAssessment>) } : { ...EMPTY_ASSESSMENT };
  }

  /** The requests with their linked enrolments' earliest start, in one query whatever the page size. */
  private async withStarts(rows: CaseRequestEntity[]): Promise<CaseRequest[]> {
    const ids = rows.map((r) => r.id);
    const linked = new Map<string, { start: string | null; enrolmentIds: string[] }>();
    for (const f of await linkedEnrolments(this.db.manager(), ids)) linked.set(f.id, { start: f.start, enrolmentIds: f.enrolments });
    const today = danishToday();
    return rows.map((r) => this.toRequest(r, linked.get(r.id) ?? { start: null, enrolmentIds: [] }, today));
  }

  private toRequest(row: CaseRequestEntity, linked: { start: string | null; enrolmentIds: string[] }, today: string): CaseRequest {
    const missedReason = this.crypto.decryptNullable('case_request_missed_reason', row.missedReasonEncrypted);
    return {
      id: row.id,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      municipalityId: row.municipalityId,
      citizenId: row.citizenId,
      courseKind: row.courseKind as CourseKind,
      requestedOn: row.requestedOn,
      channel: row.channel as RequestChannel,
      receivedByCentreId: row.receivedByCentreId,
      assessment: this.decryptAssessment(row.assessmentEncrypted),
      status: row.status as CaseRequestStatus,
      closedOn: row.closedOn,
      waiverOn: row.waiverOn,
      missedReason,
      doctorConversationOn: row.doctorConversationOn,
      joinedRequests: row.joinedRequests as JoinedRequest[],
      guarantee:
        row.courseKind === ANONYMOUS_COURSE_KIND ? null : guaranteeState({ requestedOn: row.requestedOn, startDate: linked.start, waiverOn: row.waiverOn, missedReason, today, days: this.guaranteeDays }),
      enrolmentIds: linked.enrolmentIds,
      createdByUserId: row.createdByUserId,
    };
  }

  private toDecision(row: CaseDecisionEntity): CaseDecision {
    return {
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      municipalityId: row.municipalityId,
      caseRequestId: row.caseRequestId,
      citizenId: row.citizenId,
      decidedOn: row.decidedOn,
      outcome: row.outcome as DecisionOutcome,
      programmeId: row.programmeId,
      centreId: row.centreId,
      reasons: this.crypto.decrypt('case_decision_reasons', row.reasonsEncrypted),
      legalBasis: row.legalBasis,
      complaintGuidance: row.complaintGuidance,
      supersedesId: row.supersedesId,
      decidedByUserId: row.decidedByUserId,
      treatmentKind: (row.treatmentKind as TreatmentKind | null) ?? null,
    };
  }
}

/**
 * Anonymous treatment (Serviceloven § 101 a) is given without a CPR number: a course of that kind is
 * for a citizen registered without one (409 naming the field and the rule otherwise).
 */
export function refuseAnonymousWithCpr(citizen: CitizenEntity, field: string): void {
  if (citizen.cprHash === null) return;
  throw new ApiException(409, 'ANONYMOUS_TREATMENT', 'Anonymous treatment (serviceloven § 101 a) is for a citizen without a CPR number; this citizen has one', {
    [field]: `${field} sel-101a (anonymous treatment, serviceloven § 101 a) is only for a citizen registered without a CPR number`,
  });
}
