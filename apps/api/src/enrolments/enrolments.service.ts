import { Injectable } from '@nestjs/common';
import { types } from 'pg';
import { ANONYMOUS_COURSE_KIND, DEFAULT_COURSE_KIND } from '@outcomes/contracts';
import type { Attestation, CourseKind, Enrolment, EnrolmentState, RawListQuery } from '@outcomes/contracts';
import { COURSE_ENDING_STATES, danishDaysFromToday, danishToday, eligibilityFailures, expectedTowardProtocol, transition } from '@outcomes/domain';
import { CaseRequestsService, refuseAnonymousWithCpr } from '../case-requests/case-requests.service';
import { CitizensService } from '../citizens/citizens.service';
import type { ListPage, RawRow } from '../common/list-query/list-page';
import { ApiException, ReferenceRefused } from '../common/errors/api.exception';
import { listPage } from '../common/list-query/list-page';
import type { ListSpec } from '../common/list-query/list-query';
import { centreById } from '../municipalities/municipalities.queries';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import { programmeById } from '../programmes/programmes.queries';
import { Db } from '../tenancy/db.service';
import { YouthConsentsService } from './youth-consents.service';
import type { CreateEnrolmentDto, LinkCaseRequestDto, TransitionDto, UpdateEnrolmentDto } from './dto/enrolment.dto';
import type { ListedTransition } from './enrolments.queries';
import type { EnrolmentEntity, EnrolmentTransitionEntity } from './enrolment.entity';
import { ENROLMENT_LIST_EXTRAS, enrolmentList, withEnrolmentListExtras, enrolmentOr404, enrolmentProgress, insertEnrolment, insertTransition, municipalityExists, registerEndStatuses, transitionsOf, updateEnrolment } from './enrolments.queries';
import { citizenReferenceOr400 } from '../citizens/citizens.queries';

/** What an enrolment's answer shows of one of its transitions (from the entity, or from the list's JSON). */
type Transition = Pick<EnrolmentTransitionEntity, 'fromState' | 'toState' | 'at' | 'userId' | 'onDate' | 'reason'>;

const LIST_SPEC: ListSpec = {
  fields: {
    id: { type: 'uuid', column: 'id', filterable: true },
    citizenId: { type: 'uuid', column: 'citizen_id', filterable: true },
    programmeId: { type: 'uuid', column: 'programme_id', sortable: true, filterable: true },
    centreId: { type: 'uuid', column: 'centre_id', sortable: true, filterable: true },
    staffUserId: { type: 'uuid', column: 'staff_user_id', filterable: true },
    courseKind: { type: 'string', column: 'course_kind', sortable: true, filterable: true },
    state: { type: 'string', column: 'state', sortable: true, filterable: true },
    referralDate: { type: 'date', column: 'referral_date', sortable: true, filterable: true },
    startDate: { type: 'date', column: 'start_date', sortable: true, filterable: true },
    endDate: { type: 'date', column: 'end_date', sortable: true, filterable: true },
    createdAt: { type: 'datetime', column: 'created_at', sortable: true, filterable: true },
  },
  searchColumns: [],
  defaultSort: ['referralDate', 'DESC'],
};

// Dates may be entered a little ahead (a planned start), not far into the future.
const MAX_DAYS_AHEAD = 90;

/** Enrolments: a citizen in a programme at a centre, moved through the state machine of libs/domain. */
@Injectable()
export class EnrolmentsService {
  constructor(
    private readonly db: Db,
    private readonly citizens: CitizensService,
    private readonly youthConsents: YouthConsentsService,
    private readonly caseRequests: CaseRequestsService,
  ) {}

  async list(raw: RawListQuery): Promise<ListPage<Enrolment>> {
    return listPage(enrolmentList(this.db.manager()), raw, LIST_SPEC, async (rows) => await this.withDetails(rows), 'id', {
      add: withEnrolmentListExtras,
      shape: (rows, raws) => this.toListedEnrolments(rows, raws),
    });
  }

  async get(id: string): Promise<Enrolment> {
    const [enrolment] = await this.withDetails([await this.entity(id)]);
    return enrolment as Enrolment;
  }

  /**
   * History and protocol progress (libs/domain attendance.ts: sessions attended and group meetings
   * present, of the protocol's number) for a page of enrolments, in two queries whatever the page size.
   */
  private async withDetails(rows: EnrolmentEntity[]): Promise<Enrolment[]> {
    const ids = rows.map((r) => r.id);
    const history = await this.history(ids);
    const progress = new Map<string, { attended: number; expected: number | null }>();
    if (ids.length > 0) {
      const counts = await enrolmentProgress(this.db.manager(), ids);
      for (const c of counts) progress.set(c.id, { attended: c.attended, expected: expectedTowardProtocol({ expectedSessions: c.expected }) });
    }
    return rows.map((r) => this.toEnrolment(r, history, progress.get(r.id)));
  }

  /** A list page, whose history and progress came with its rows (withEnrolmentListExtras()). */
  private toListedEnrolments(rows: EnrolmentEntity[], raws: RawRow[]): Enrolment[] {
    const parseTimestamp = types.getTypeParser(types.builtins.TIMESTAMPTZ) as (text: string) => Date;
    const history = new Map<string, Transition[]>();
    const progress = new Map<string, { attended: number; expected: number | null }>();
    for (const raw of raws) {
      const id = String(raw[ENROLMENT_LIST_EXTRAS.id]);
      const transitions = (raw[ENROLMENT_LIST_EXTRAS.transitions] ?? []) as ListedTransition[];
      history.set(id, transitions.map((t) => ({ fromState: t.from, toState: t.to, at: parseTimestamp(t.at), userId: t.userId, onDate: t.date, reason: t.reason })));
      const counts = raw[ENROLMENT_LIST_EXTRAS.progress] as { expected: number | null; attended: number } | null;
      if (counts) progress.set(id, { attended: counts.attended, expected: expectedTowardProtocol({ expectedSessions: counts.expected }) });
    }
    return rows.map((r) => this.toEnrolment(r, history, progress.get(r.id)));
  }

  async create(input: CreateEnrolmentDto): Promise<Enrolment> {
    return this.get(await this.insert(input));
  }

  /** create without reading the enrolment back: the new id (for an import). */
  async insert(input: CreateEnrolmentDto): Promise<string> {
    const citizen = await this.citizenOrRefuse(input.citizenId);
    const programme = await this.programmeOrRefuse(input.programmeId);
    await this.centreOrRefuse(input.centreId);
    const birthDate = await this.citizens.birthDate(citizen);
    this.checkDate('referralDate', input.referralDate, birthDate);
    // The course's kind: the request's when it answers one (the database's key holds it so), else as given.
    const courseKind: CourseKind = input.caseRequestId
      ? ((await this.caseRequests.checkLink(input.caseRequestId, citizen.id, input.courseKind)).courseKind as CourseKind)
      : (input.courseKind ?? DEFAULT_COURSE_KIND);
    if (courseKind === ANONYMOUS_COURSE_KIND) refuseAnonymousWithCpr(citizen, 'courseKind');
    const attestations = input.attestations ?? [];
    this.checkEligibility(programme, birthDate, input.referralDate, attestations, input.eligibilityOverride ?? null);
    const id = await insertEnrolment(this.db.manager(), {
      municipalityId: this.db.municipalityId(),
      citizenId: citizen.id,
      programmeId: programme.id,
      centreId: input.centreId,
      staffUserId: input.staffUserId ?? this.db.user().id,
      referralDate: input.referralDate,
      referralSource: input.referralSource ?? null,
      attestations,
      eligibilityOverride: input.eligibilityOverride ?? null,
      caseRequestId: input.caseRequestId ?? null,
      courseKind,
      state: 'referred',
    });
    await this.record(id, null, 'referred', input.referralDate, input.eligibilityOverride ?? null);
    return id;
  }

  async update(id: string, input: UpdateEnrolmentDto): Promise<Enrolment> {
    const current = await this.entity(id);
    await this.centreOrRefuse(input.centreId);
    const { version, ...fields } = input;
    const affected = await updateEnrolment(this.db.manager(), id, version, { ...fields, attestations: fields.attestations ?? current.attestations });
    if (affected === 0) throw ApiException.versionConflict('Enrolment');
    return this.get(id);
  }

  /**
   * Links an enrolment made before its request was recorded to that request: the request must be the
   * same citizen's, open or closed no earlier than the referral, and not after the enrolment's start;
   * a start after the guarantee's last day needs the reason, as at the start (docs/decisions.md 79).
   * The link is set once: an enrolment already answering a request is a 409.
   */
  async linkRequest(id: string, input: LinkCaseRequestDto): Promise<Enrolment> {
    const current = await this.entity(id);
    if (current.version !== input.version) throw ApiException.versionConflict('Enrolment');
    if (current.caseRequestId) {
      throw new ApiException(409, 'ALREADY_LINKED', 'The enrolment already answers a request; its link is not changed', {
        caseRequestId: current.caseRequestId === input.caseRequestId ? 'the enrolment is already linked to this request' : 'the enrolment is already linked to another request',
      });
    }
    await this.caseRequests.checkLinkExisting(input.caseRequestId, current, input.reason ?? null);
    const updated = await updateEnrolment(this.db.manager(), id, input.version, { caseRequestId: input.caseRequestId });
    if (updated === 0) throw ApiException.versionConflict('Enrolment');
    return this.get(id);
  }

  /** Moves an enrolment to its next state; an illegal move is a 409 naming the allowed ones. */
  async transition(id: string, input: TransitionDto): Promise<Enrolment> {
    const current = await this.entity(id);
    if (current.version !== input.version) throw ApiException.versionConflict('Enrolment');
    const from = current.state as EnrolmentState;
    const result = transition(from, input.to);
    if (!result.ok) {
      const allowed = [...result.allowed];
      throw new ApiException(
        409,
        'ILLEGAL_TRANSITION',
        `An enrolment that is ${from} cannot become ${input.to}; allowed: ${allowed.join(', ') || 'none (it has ended)'}`,
        { to: `must be one of: ${allowed.join(', ') || 'none'}` },
        { allowed },
      );
    }
    const citizen = await this.citizens.entity(current.citizenId);
    const birthDate = await this.citizens.birthDate(citizen);
    this.checkDate('date', input.date, birthDate);
    const earliest = input.to === 'active' || input.to === 'cancelled' ? current.referralDate : (current.startDate ?? current.referralDate);
    if (input.date < earliest) throw ApiException.validation({ date: `date must not be before ${earliest}` });
    const endStatus = await this.checkEndStatus(input.to, input.endStatus ?? null);
    const changes: Partial<EnrolmentEntity> = { state: input.to };
    if (input.to === 'active') {
      const programme = await this.programmeOrRefuse(current.programmeId);
      const override = input.eligibilityOverride ?? current.eligibilityOverride;
      this.checkEligibility(programme, birthDate, input.date, current.attestations as Attestation[], override);
      await this.youthConsents.refuseStartWithoutConsent(current, birthDate, input.date);
      // The treatment guarantee: not before the request; after its deadline only with the reason.
      if (current.caseRequestId) await this.caseRequests.checkStart(current.caseRequestId, input.date, input.reason ?? null);
      changes.startDate = input.date;
      changes.eligibilityOverride = override;
    } else {
      changes.endDate = input.date;
      changes.endReason = input.reason?.trim() || null;
      changes.endStatus = endStatus;
      changes.transferredToMunicipalityId = await this.checkDestination(input.to, input.transferredToMunicipalityId ?? null);
    }
    if (input.to === 'active' && input.transferredToMunicipalityId) {
      throw ApiException.validation({ transferredToMunicipalityId: 'transferredToMunicipalityId is given only when a course ends transferred' });
    }
    const updated = await updateEnrolment(this.db.manager(), id, input.version, changes);
    if (updated === 0) throw ApiException.versionConflict('Enrolment');
    await this.record(id, from, input.to, input.date, input.reason ?? input.eligibilityOverride ?? null);
    return this.get(id);
  }

  /**
   * The register's end status (docs/register.md; COURSE_ENDING_STATES: a referral cancelled before it
   * started is no course of treatment and takes none): required, from the code list, when a started course ends; refused on a
   * start or a cancelled referral. Answers the code to store (null when none belongs).
   */
  private async checkEndStatus(to: EnrolmentState, endStatus: string | null): Promise<string | null> {
    const ending = COURSE_ENDING_STATES.includes(to);
    if (!ending) {
      if (endStatus !== null) throw ApiException.validation({ endStatus: `endStatus is given only when a started course ends (${COURSE_ENDING_STATES.join(', ')}), not when it becomes ${to}` });
      return null;
    }
    const codes = (await registerEndStatuses(this.db.manager())).map((s) => s.code);
    if (endStatus === null || endStatus.trim() === '') {
      throw ApiException.validation({ endStatus: `endStatus is required when a course ends (the register's status at the end): one of ${codes.join(', ')}` });
    }
    if (!codes.includes(endStatus)) throw ApiException.validation({ endStatus: `endStatus must be one of ${codes.join(', ')}` });
    return endStatus;
  }

  /**
   * Moves (issue 22, decision 110): a course ends `transferred` to another municipality, which the end
   * names; no other end takes one. Answers the id to store.
   */
  private async checkDestination(to: EnrolmentState, municipalityId: string | null): Promise<string | null> {
    if (to !== 'transferred') {
      if (municipalityId !== null) throw ApiException.validation({ transferredToMunicipalityId: `transferredToMunicipalityId is given only when a course ends transferred, not when it becomes ${to}` });
      return null;
    }
    if (municipalityId === null) {
      throw ApiException.validation({ transferredToMunicipalityId: 'transferredToMunicipalityId is required when a course ends transferred: the municipality the citizen moves to' });
    }
    if (municipalityId === this.db.municipalityId()) {
      throw ApiException.validation({ transferredToMunicipalityId: 'transferredToMunicipalityId must name another municipality than your own' });
    }
    if (!(await municipalityExists(this.db.manager(), municipalityId))) {
      throw ApiException.validation({ transferredToMunicipalityId: 'transferredToMunicipalityId must name a municipality' });
    }
    return municipalityId;
  }

  private async entity(id: string): Promise<EnrolmentEntity> {
    return enrolmentOr404(this.db.manager(), id);
  }

  private citizenOrRefuse(id: string) {
    return citizenReferenceOr400(this.db.manager(), id);
  }

  private async programmeOrRefuse(id: string): Promise<ProgrammeEntity> {
    const programme = await programmeById(this.db.manager(), id);
    // Not visible: another municipality's local programme (row-level security), or none at all.
    if (!programme) throw new ReferenceRefused('programmeId', 'programmeId must name a national programme or one of your municipality');
    if (!programme.active) throw ApiException.validation({ programmeId: 'programmeId must name an active programme' });
    return programme;
  }

  private async centreOrRefuse(id: string): Promise<void> {
    const centre = await centreById(this.db.manager(), id);
    if (!centre || centre.municipalityId !== this.db.municipalityId()) {
      throw new ReferenceRefused('centreId', 'centreId must name a centre of your municipality');
    }
  }

  private checkDate(field: string, date: string, birthDate: string | null): void {
    if (birthDate && date < birthDate) throw ApiException.validation({ [field]: `${field} must not be before the citizen's birth (${birthDate})` });
    const latest = danishDaysFromToday(MAX_DAYS_AHEAD);
    if (date > latest) throw ApiException.validation({ [field]: `${field} must not be more than ${MAX_DAYS_AHEAD} days after today (${danishToday()})` });
  }

  /** Eligibility failures are a 422 naming the rules, unless a written override reason is given. */
  private checkEligibility(programme: ProgrammeEntity, birthDate: string | null, onDate: string, attestations: Attestation[], override: string | null): void {
    const failures = eligibilityFailures({
      programme: { code: programme.code, minAge: programme.minAge, maxAge: programme.maxAge, requiredAttestations: programme.requiredAttestations as Attestation[] },
      birthDate,
      onDate,
      attestations,
    });
    if (failures.length > 0 && !override) {
      throw new ApiException(
        422,
        'NOT_ELIGIBLE',
        `Not eligible for ${programme.code}: ${failures.map((f) => f.message).join('; ')}. Give eligibilityOverride with a written reason to enrol anyway.`,
        { eligibility: failures.map((f) => f.message).join('; ') },
        { failures },
      );
    }
  }

  private async record(enrolmentId: string, from: EnrolmentState | null, to: EnrolmentState, onDate: string, reason: string | null): Promise<void> {
    await insertTransition(this.db.manager(), {
      municipalityId: this.db.municipalityId(),
      enrolmentId,
      fromState: from,
      toState: to,
      onDate,
      reason,
      userId: this.db.user().id,
    });
  }

  private async history(ids: string[]): Promise<Map<string, EnrolmentTransitionEntity[]>> {
    const map = new Map<string, EnrolmentTransitionEntity[]>();
    if (ids.length === 0) return map;
    const rows = await transitionsOf(this.db.manager(), ids);
    for (const row of rows) map.set(row.enrolmentId, [...(map.get(row.enrolmentId) ?? []), row]);
    return map;
  }

  private toEnrolment(
    row: EnrolmentEntity,
    history: Map<string, Transition[]>,
    progress: { attended: number; expected: number | null } | undefined,
  ): Enrolment {
    return {
      id: row.id,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      municipalityId: row.municipalityId,
      citizenId: row.citizenId,
      programmeId: row.programmeId,
      centreId: row.centreId,
      staffUserId: row.staffUserId,
      referralDate: row.referralDate,
      referralSource: row.referralSource,
      startDate: row.startDate,
      endDate: row.endDate,
      endReason: row.endReason,
      endStatus: row.endStatus,
      state: row.state as EnrolmentState,
      attestations: row.attestations as Attestation[],
      eligibilityOverride: row.eligibilityOverride,
      caseRequestId: row.caseRequestId,
      courseKind: row.courseKind as CourseKind,
      transferredToMunicipalityId: row.transferredToMunicipalityId ?? null,
      transitions: (history.get(row.id) ?? []).map((t) => ({
        from: t.fromState as EnrolmentState | null,
        to: t.toState as EnrolmentState,
        at: t.at.toISOString(),
        userId: t.userId,
        date: t.onDate,
        reason: t.reason,
      })),
      sessionsAttended: progress?.attended ?? 0,
      expectedSessions: progress?.expected ?? null,
    };
  }
}
