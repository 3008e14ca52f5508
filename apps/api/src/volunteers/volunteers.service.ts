import { Injectable } from '@nestjs/common';
import { assignmentProblem, danishDate, danishToday, expiresSoon, groupFlags, isTrained, overlaps } from '@outcomes/domain';
import { MAX_PAGE_SIZE } from '@outcomes/contracts';
import type { CoordinatorDashboard, Facilitation, FacilitatorRole, RawListQuery, Training, TrainingKind, Volunteer, VolunteerStatus } from '@outcomes/contracts';
import type { ListPage } from '../common/list-query/list-page';
import { IdentifierCrypto } from '../common/crypto/identifier-crypto';
import { ApiException, ReferenceRefused } from '../common/errors/api.exception';
import type { ListSpec } from '../common/list-query/list-query';
import { listPage } from '../common/list-query/list-page';
import type { GroupEntity } from '../groups/group.entity';
import { groupOr404 } from '../groups/groups.queries';
import { Db } from '../tenancy/db.service';
import type { MeetingFacilitatorDto } from '../groups/dto/group.dto';
import type { MeetingFacilitators } from '../groups/meeting-facilitators';
import type { CreateFacilitationDto, CreateVolunteerDto, UpdateVolunteerDto } from './dto/volunteer.dto';
import type { FacilitationEntity, TrainingEntity, VolunteerEntity } from './volunteer.entity';
import {
  allVolunteers,
  endFacilitation,
  endFacilitationsOf,
  facilitationInGroup,
  facilitationsOnDay,
  facilitatorTrainings,
  insertFacilitation,
  insertMeetingFacilitator,
  insertVolunteer,
  meetingsFacilitatedBy,
  minutesByOrganisationMonth,
  newestFacilitationsOf,
  organisationExists,
  standingGroups,
  trainingsOf,
  updateVolunteer,
  visibleVolunteerIds,
  volunteerById,
  volunteerList,
  volunteerOr404,
} from './volunteers.queries';

const LIST_SPEC: ListSpec = {
  fields: {
    id: { type: 'uuid', column: 'id', filterable: true },
    organisationId: { type: 'uuid', column: 'organisation_id', sortable: true, filterable: true },
    status: { type: 'string', column: 'status', sortable: true, filterable: true },
    criminalRecordCheckedOn: { type: 'date', column: 'criminal_record_checked_on', sortable: true, filterable: true },
    createdAt: { type: 'datetime', column: 'created_at', sortable: true, filterable: true },
  },
  searchColumns: [],
  defaultSort: ['createdAt', 'DESC'],
};

/** Volunteers (encrypted like citizens), their assignments to SMART groups, and the coordinator's view. */
@Injectable()
export class VolunteersService implements MeetingFacilitators {
  constructor(
    private readonly db: Db,
    private readonly crypto: IdentifierCrypto,
  ) {}

  async list(raw: RawListQuery): Promise<ListPage<Volunteer>> {
    return listPage(volunteerList(this.db.manager()), raw, LIST_SPEC, async (rows) => {
      const trained = await this.trainedToday(rows.map((r) => r.id));
      return rows.map((r) => this.toVolunteer(r, trained));
    });
  }

  async get(id: string): Promise<Volunteer> {
    const row = await this.entity(id);
    return this.toVolunteer(row, await this.trainedToday([id]));
  }

  async create(input: CreateVolunteerDto): Promise<Volunteer> {
    await this.organisationOrRefuse(input.organisationId);
    const id = await insertVolunteer(this.db.manager(), { ...this.columns(input), municipalityId: this.db.municipalityId() });
    return this.get(id);
  }

  async update(id: string, input: UpdateVolunteerDto): Promise<Volunteer> {
    await this.entity(id);
    await this.organisationOrRefuse(input.organisationId);
    const affected = await updateVolunteer(this.db.manager(), id, input.version, this.columns(input));
    if (affected === 0) throw ApiException.versionConflict('Volunteer');
    // A volunteer who leaves steps back from every group at once.
    if (input.status === 'left') {
      await endFacilitationsOf(this.db.manager(), id, danishToday());
    }
    return this.get(id);
  }

  async facilitations(groupId: string): Promise<Facilitation[]> {
    // Not a paged list, so capped like one (OWASP API4): the newest MAX_PAGE_SIZE assignments, oldest first.
    const rows = await newestFacilitationsOf(this.db.manager(), groupId, MAX_PAGE_SIZE);
    return rows.reverse().map((f) => this.toFacilitation(f));
  }

  /** Assigns a volunteer to a SMART group: same municipality, not left, dates in order. */
  async assign(groupId: string, input: CreateFacilitationDto): Promise<Facilitation> {
    const group = await groupOr404(this.db.manager(), groupId);
    const volunteer = await volunteerById(this.db.manager(), input.volunteerId);
    if (!volunteer || volunteer.municipalityId !== group.municipalityId) {
      throw new ReferenceRefused('volunteerId', "volunteerId must name a volunteer of the group's municipality");
    }
    const problem = assignmentProblem(volunteer.status as VolunteerStatus);
    if (problem) throw new ApiException(422, 'NOT_ELIGIBLE', `The volunteer cannot be assigned: ${problem}`, { volunteerId: problem });
    if (input.toDate && input.toDate < input.fromDate) throw ApiException.validation({ toDate: 'toDate must not be before fromDate' });
    const created = await insertFacilitation(this.db.manager(), { municipalityId: group.municipalityId, groupId, volunteerId: volunteer.id, role: input.role, fromDate: input.fromDate, toDate: input.toDate ?? null });
    return this.toFacilitation(created);
  }

  /** Ends an assignment today (the record stays, for the hours and the history). */
  async endAssignment(groupId: string, facilitationId: string): Promise<Facilitation> {
    const found = await facilitationInGroup(this.db.manager(), facilitationId, groupId);
    if (!found) throw ApiException.notFound('Assignment');
    await endFacilitation(this.db.manager(), facilitationId, danishToday());
    return this.toFacilitation({ ...found, toDate: danishToday() });
  }

  /**
   * The facilitators of a logged meeting: each assigned to the group on the day and not at another
   * meeting at the same time; at least one trained, unless the coordinator says why not.
   */
  async checkMeetingFacilitators(group: GroupEntity, startsAt: Date, durationMinutes: number, facilitators: MeetingFacilitatorDto[], untrainedReason: string | null): Promise<void> {
    const day = danishDate(startsAt);
    const assigned = (await facilitationsOnDay(this.db.manager(), day, group.id)).map((f) => f.volunteerId);
    if (facilitators.length > 0) {
      // A volunteer the user's municipality does not hold (another's, or none): a refused reference, logged.
      const ids = facilitators.map((f) => f.volunteerId);
      const own = new Set(await visibleVolunteerIds(this.db.manager(), ids));
      const i = ids.findIndex((id) => !own.has(id));
      if (i >= 0) throw new ReferenceRefused(`facilitators.${i}.volunteerId`, 'must name a volunteer of your municipality');
    }
    const errors: Record<string, string> = {};
    const me = { start: startsAt.getTime(), end: startsAt.getTime() + durationMinutes * 60_000 };
    for (const [i, f] of facilitators.entries()) {
      if (!assigned.includes(f.volunteerId)) {
        errors[`facilitators.${i}.volunteerId`] = 'is not assigned to this group on that day';
        continue;
      }
      const others = await meetingsFacilitatedBy(this.db.manager(), f.volunteerId);
      if (others.some((o) => overlaps(me, { start: o.starts_at.getTime(), end: o.starts_at.getTime() + o.duration_minutes * 60_000 }))) {
        errors[`facilitators.${i}.volunteerId`] = 'facilitates another meeting at the same time';
      }
    }
    if (Object.keys(errors).length > 0) throw ApiException.validation(errors);
    const trained = await this.trainedOn(facilitators.map((f) => f.volunteerId), day);
    if (!facilitators.some((f) => trained.has(f.volunteerId)) && !untrainedReason) {
      throw new ApiException(422, 'NOT_ELIGIBLE', 'No trained volunteer facilitated this meeting; record why (untrainedReason) to log it anyway', {
        facilitators: 'no trained SMART facilitator; give untrainedReason',
      });
    }
  }

  async recordMeetingFacilitators(meetingId: string, municipalityId: string, facilitators: MeetingFacilitatorDto[]): Promise<void> {
    for (const f of facilitators) {
      await insertMeetingFacilitator(this.db.manager(), { meetingId, volunteerId: f.volunteerId, municipalityId, minutes: f.minutes });
    }
  }

  /** Groups × facilitators, the flags, trainings due for renewal, and volunteer hours per organisation and month. */
  async dashboard(): Promise<CoordinatorDashboard> {
    const day = danishToday();
    // One answer, not a paged list: each of its lists is capped at MAX_PAGE_SIZE entries (OWASP API4),
    // so a municipality's growing history cannot grow the answer without bound.
    const groups = await standingGroups(this.db.manager(), MAX_PAGE_SIZE);
    const facilitations = await facilitationsOnDay(this.db.manager(), day);
    const volunteers = new Map((await allVolunteers(this.db.manager())).map((v) => [v.id, v]));
    const trained = await this.trainedOn([...volunteers.keys()], day);
    const trainings = await facilitatorTrainings(this.db.manager());
    const minutes = await minutesByOrganisationMonth(this.db.manager(), MAX_PAGE_SIZE);
    return {
      groups: groups.map((g) => {
        const active = facilitations
          .filter((f) => f.groupId === g.id && volunteers.get(f.volunteerId)?.status === 'active')
          .map((f) => ({ ...this.toFacilitation(f), trained: trained.has(f.volunteerId), volunteerStatus: volunteers.get(f.volunteerId)?.status as VolunteerStatus }));
        return { groupId: g.id, name: g.name, facilitators: active, flags: groupFlags(active.map((f) => ({ role: f.role, trained: f.trained }))) };
      }),
      expiringTrainings: trainings
        .filter((t) => expiresSoon({ kind: t.kind as TrainingKind, completedOn: t.completedOn, renewsOn: t.renewsOn }, day))
        .slice(0, MAX_PAGE_SIZE)
        .map((t) => this.toTraining(t)),
      minutesByOrganisationMonth: minutes.map((m) => ({ organisationId: m.organisation_id, month: m.month, minutes: m.minutes })),
    };
  }

  private async trainedOn(ids: string[], day: string): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const trainings = await trainingsOf(this.db.manager(), ids);
    return new Set(ids.filter((id) => isTrained(trainings.filter((t) => t.volunteerId === id).map((t) => ({ kind: t.kind as TrainingKind, completedOn: t.completedOn, renewsOn: t.renewsOn })), day)));
  }

  private trainedToday(ids: string[]): Promise<Set<string>> {
    return this.trainedOn(ids, danishToday());
  }

  private async organisationOrRefuse(id: string): Promise<void> {
    const found = await organisationExists(this.db.manager(), id);
    if (!found) throw new ReferenceRefused('organisationId', 'organisationId must name an organisation working with your municipality');
  }

  private async entity(id: string): Promise<VolunteerEntity> {
    return volunteerOr404(this.db.manager(), id);
  }

  private columns(input: CreateVolunteerDto): Partial<VolunteerEntity> {
    return {
      organisationId: input.organisationId,
      firstNameEncrypted: this.crypto.encrypt('volunteer_first_name', input.firstName),
      lastNameEncrypted: this.crypto.encrypt('volunteer_last_name', input.lastName),
      phoneEncrypted: this.crypto.encryptNullable('volunteer_phone', input.phone),
      emailEncrypted: this.crypto.encryptNullable('volunteer_email', input.email),
      status: input.status ?? 'active',
      criminalRecordCheckedOn: input.criminalRecordCheckedOn ?? null,
      notesEncrypted: this.crypto.encryptNullable('volunteer_notes', input.notes),
    };
  }

  private toVolunteer(row: VolunteerEntity, trained: Set<string>): Volunteer {
    return {
      id: row.id,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      municipalityId: row.municipalityId,
      organisationId: row.organisationId,
      firstName: this.crypto.decrypt('volunteer_first_name', row.firstNameEncrypted),
      lastName: this.crypto.decrypt('volunteer_last_name', row.lastNameEncrypted),
      phone: this.crypto.decryptNullable('volunteer_phone', row.phoneEncrypted),
      email: this.crypto.decryptNullable('volunteer_email', row.emailEncrypted),
      status: row.status as VolunteerStatus,
      criminalRecordCheckedOn: row.criminalRecordCheckedOn,
      notes: this.crypto.decryptNullable('volunteer_notes', row.notesEncrypted),
      trained: trained.has(row.id),
    };
  }

  private toFacilitation(f: FacilitationEntity): Facilitation {
    return { id: f.id, groupId: f.groupId, volunteerId: f.volunteerId, role: f.role as FacilitatorRole, fromDate: f.fromDate, toDate: f.toDate };
  }

  private toTraining(t: TrainingEntity): Training {
    return {
      id: t.id, version: t.version, createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString(), municipalityId: t.municipalityId,
      volunteerId: t.volunteerId, kind: t.kind as TrainingKind, title: t.title, completedOn: t.completedOn, trainer: t.trainer, certificateRef: t.certificateRef, renewsOn: t.renewsOn,
    };
  }
}
