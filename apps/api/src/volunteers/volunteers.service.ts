import { findByIdOr404 } from '../common/crud/find-by-id';
import { Injectable } from '@nestjs/common';
import { assignmentProblem, danishDate, danishToday, expiresSoon, groupFlags, isTrained, overlaps } from '@outcomes/domain';
import { MAX_PAGE_SIZE } from '@outcomes/contracts';
import type { CoordinatorDashboard, Facilitation, FacilitatorRole, RawListQuery, Training, TrainingKind, Volunteer, VolunteerStatus } from '@outcomes/contracts';
import type { ListPage } from '../common/list-query/list-page';
import { IdentifierCrypto } from '../common/crypto/identifier-crypto';
import { ApiException, ReferenceRefused } from '../common/errors/api.exception';
import type { ListSpec } from '../common/list-query/list-query';
import { listPage } from '../common/list-query/list-page';
import { GroupEntity } from '../groups/group.entity';
import { Db } from '../tenancy/db.service';
import type { MeetingFacilitatorDto } from '../groups/dto/group.dto';
import type { MeetingFacilitators } from '../groups/meeting-facilitators';
import type { CreateFacilitationDto, CreateVolunteerDto, UpdateVolunteerDto } from './dto/volunteer.dto';
import { FacilitationEntity, MeetingFacilitatorEntity, OrganisationEntity, TrainingEntity, VolunteerEntity } from './volunteer.entity';

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

  private get repository() {
    return this.db.repo(VolunteerEntity);
  }

  async list(raw: RawListQuery): Promise<ListPage<Volunteer>> {
    return listPage(this.repository.createQueryBuilder('r'), raw, LIST_SPEC, async (rows) => {
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
    const result = await this.repository
      .createQueryBuilder()
      .insert()
      .values({ ...this.columns(input), municipalityId: this.db.municipalityId() })
      .returning('id')
      .execute();
    return this.get((result.identifiers[0] as { id: string }).id);
  }

  async update(id: string, input: UpdateVolunteerDto): Promise<Volunteer> {
    await this.entity(id);
    await this.organisationOrRefuse(input.organisationId);
    const result = await this.repository.createQueryBuilder().update().set(this.columns(input)).where('id = :id AND version = :version', { id, version: input.version }).execute();
    if (result.affected === 0) throw ApiException.versionConflict('Volunteer');
    // A volunteer who leaves steps back from every group at once.
    if (input.status === 'left') {
      await this.db.manager().query('UPDATE facilitation SET to_date = $2 WHERE volunteer_id = $1 AND (to_date IS NULL OR to_date > $2)', [id, danishToday()]);
    }
    return this.get(id);
  }

  async facilitations(groupId: string): Promise<Facilitation[]> {
    // Not a paged list, so capped like one (OWASP API4): the newest MAX_PAGE_SIZE assignments, oldest first.
    const rows = await this.db.repo(FacilitationEntity).createQueryBuilder('f').where('f.group_id = :groupId', { groupId })
      .orderBy('f.from_date', 'DESC').addOrderBy('f.id', 'DESC').take(MAX_PAGE_SIZE).getMany();
    return rows.reverse().map((f) => this.toFacilitation(f));
  }

  /** Assigns a volunteer to a SMART group: same municipality, not left, dates in order. */
  async assign(groupId: string, input: CreateFacilitationDto): Promise<Facilitation> {
    const group = await findByIdOr404(this.db.repo(GroupEntity), groupId, 'Group');
    const volunteer = await this.repository.createQueryBuilder('v').where('v.id = :id', { id: input.volunteerId }).getOne();
    if (!volunteer || volunteer.municipalityId !== group.municipalityId) {
      throw new ReferenceRefused('volunteerId', "volunteerId must name a volunteer of the group's municipality");
    }
    const problem = assignmentProblem(volunteer.status as VolunteerStatus);
    if (problem) throw new ApiException(422, 'NOT_ELIGIBLE', `The volunteer cannot be assigned: ${problem}`, { volunteerId: problem });
    if (input.toDate && input.toDate < input.fromDate) throw ApiException.validation({ toDate: 'toDate must not be before fromDate' });
    const result = await this.db
      .repo(FacilitationEntity)
      .createQueryBuilder()
      .insert()
      .values({ municipalityId: group.municipalityId, groupId, volunteerId: volunteer.id, role: input.role, fromDate: input.fromDate, toDate: input.toDate ?? null })
      .returning('id')
      .execute();
    const id = (result.identifiers[0] as { id: string }).id;
    return this.toFacilitation((await this.db.repo(FacilitationEntity).findOneByOrFail({ id })));
  }

  /** Ends an assignment today (the record stays, for the hours and the history). */
  async endAssignment(groupId: string, facilitationId: string): Promise<Facilitation> {
    const found = await this.db.repo(FacilitationEntity).findOneBy({ id: facilitationId, groupId });
    if (!found) throw ApiException.notFound('Assignment');
    await this.db.repo(FacilitationEntity).update({ id: facilitationId }, { toDate: danishToday() });
    return this.toFacilitation({ ...found, toDate: danishToday() });
  }

  /**
   * The facilitators of a logged meeting: each assigned to the group on the day and not at another
   * meeting at the same time; at least one trained, unless the coordinator says why not.
   */
  async checkMeetingFacilitators(group: GroupEntity, startsAt: Date, durationMinutes: number, facilitators: MeetingFacilitatorDto[], untrainedReason: string | null): Promise<void> {
    const day = danishDate(startsAt);
    const assigned = (await this.db.repo(FacilitationEntity).createQueryBuilder('f')
      .where('f.group_id = :groupId AND f.from_date <= :day AND (f.to_date IS NULL OR f.to_date >= :day)', { groupId: group.id, day })
      .getMany()).map((f) => f.volunteerId);
    if (facilitators.length > 0) {
      // A volunteer the user's municipality does not hold (another's, or none): a refused reference, logged.
      const ids = facilitators.map((f) => f.volunteerId);
      const own = new Set((await this.repository.createQueryBuilder('v').select('v.id').where('v.id IN (:...ids)', { ids }).getMany()).map((v) => v.id));
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
      const others = (await this.db.manager().query(
        `SELECT m.starts_at, m.duration_minutes FROM meeting_facilitator mf JOIN group_meeting m ON m.id = mf.meeting_id WHERE mf.volunteer_id = $1`,
        [f.volunteerId],
      )) as { starts_at: Date; duration_minutes: number }[];
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
      await this.db.repo(MeetingFacilitatorEntity).insert({ meetingId, volunteerId: f.volunteerId, municipalityId, minutes: f.minutes });
    }
  }

  /** Groups × facilitators, the flags, trainings due for renewal, and volunteer hours per organisation and month. */
  async dashboard(): Promise<CoordinatorDashboard> {
    const day = danishToday();
    // One answer, not a paged list: each of its lists is capped at MAX_PAGE_SIZE entries (OWASP API4),
    // so a municipality's growing history cannot grow the answer without bound.
    const groups = await this.db.repo(GroupEntity).createQueryBuilder('g').where("g.kind = 'standing'").orderBy('g.name', 'ASC').addOrderBy('g.id', 'ASC').take(MAX_PAGE_SIZE).getMany();
    const facilitations = await this.db.repo(FacilitationEntity).createQueryBuilder('f')
      .where('f.from_date <= :day AND (f.to_date IS NULL OR f.to_date >= :day)', { day }).getMany();
    const volunteers = new Map((await this.repository.createQueryBuilder('v').getMany()).map((v) => [v.id, v]));
    const trained = await this.trainedOn([...volunteers.keys()], day);
    const trainings = await this.db.repo(TrainingEntity).createQueryBuilder('t').where("t.kind = 'smart-facilitator'").getMany();
    const minutes = (await this.db.manager().query(
      `SELECT v.organisation_id, to_char(m.starts_at AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM') AS month, sum(mf.minutes)::int AS minutes
       FROM meeting_facilitator mf JOIN group_meeting m ON m.id = mf.meeting_id JOIN volunteer v ON v.id = mf.volunteer_id
       GROUP BY 1, 2 ORDER BY 2 DESC, 1 LIMIT $1`,
      [MAX_PAGE_SIZE],
    )) as { organisation_id: string; month: string; minutes: number }[];
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
    const trainings = await this.db.repo(TrainingEntity).createQueryBuilder('t').where('t.volunteer_id IN (:...ids)', { ids }).getMany();
    return new Set(ids.filter((id) => isTrained(trainings.filter((t) => t.volunteerId === id).map((t) => ({ kind: t.kind as TrainingKind, completedOn: t.completedOn, renewsOn: t.renewsOn })), day)));
  }

  private trainedToday(ids: string[]): Promise<Set<string>> {
    return this.trainedOn(ids, danishToday());
  }

  private async organisationOrRefuse(id: string): Promise<void> {
    const found = await this.db.repo(OrganisationEntity).createQueryBuilder('o').where('o.id = :id', { id }).getExists();
    if (!found) throw new ReferenceRefused('organisationId', 'organisationId must name an organisation working with your municipality');
  }

  private async entity(id: string): Promise<VolunteerEntity> {
    return findByIdOr404(this.repository, id, 'Volunteer');
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
