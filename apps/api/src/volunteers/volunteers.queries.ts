import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { findById, findByIdOr404 } from '../common/crud/find-by-id';
import { GroupEntity } from '../groups/group.entity';
import { FacilitationEntity, MeetingFacilitatorEntity, OrganisationEntity, TrainingEntity, VolunteerEntity } from './volunteer.entity';

// Every query of the volunteers feature (volunteer, facilitation, meeting_facilitator, training,
// organisation, and the standing groups of the coordinator's dashboard) beyond CrudService's
// list/read/write of trainings and organisations (common/crud/crud.service.ts). All in the
// request's tenant transaction (row-level security applies).

/** The base of the volunteer list (listPage adds the filters, sort and range). */
export function volunteerList(m: EntityManager): SelectQueryBuilder<VolunteerEntity> {
  return m.getRepository(VolunteerEntity).createQueryBuilder('r');
}

/** The volunteer a path names, or 404 "Volunteer not found". */
export function volunteerOr404(m: EntityManager, id: string): Promise<VolunteerEntity> {
  return findByIdOr404(m.getRepository(VolunteerEntity), id, 'Volunteer');
}

/** The volunteer with this id the request may see, or null. */
export function volunteerById(m: EntityManager, id: string): Promise<VolunteerEntity | null> {
  return findById(m.getRepository(VolunteerEntity), id);
}

/** Whether the request may see a volunteer with this id. */
export function volunteerExists(m: EntityManager, id: string): Promise<boolean> {
  return m.getRepository(VolunteerEntity).createQueryBuilder('v').where('v.id = :id', { id }).getExists();
}

/** Which of these volunteer ids the request may see (its municipality's). */
export async function visibleVolunteerIds(m: EntityManager, ids: string[]): Promise<string[]> {
  return (await m.getRepository(VolunteerEntity).createQueryBuilder('v').select('v.id').where('v.id = ANY(:ids)', { ids }).getMany()).map((v) => v.id);
}

/** Every volunteer the request may see. */
export function allVolunteers(m: EntityManager): Promise<VolunteerEntity[]> {
  return m.getRepository(VolunteerEntity).createQueryBuilder('v').getMany();
}

/** Inserts a volunteer; answers its id. */
export async function insertVolunteer(m: EntityManager, values: QueryDeepPartialEntity<VolunteerEntity>): Promise<string> {
  const result = await m.getRepository(VolunteerEntity).createQueryBuilder().insert().values(values).returning('id').execute();
  return (result.identifiers[0] as { id: string }).id;
}

/** Writes the changes if the volunteer still has this version; answers how many rows changed (0: stale). */
export async function updateVolunteer(m: EntityManager, id: string, version: number, changes: QueryDeepPartialEntity<VolunteerEntity>): Promise<number | undefined> {
  const result = await m.getRepository(VolunteerEntity).createQueryBuilder().update().set(changes).where('id = :id AND version = :version', { id, version }).execute();
  return result.affected;
}

/** Ends every assignment of the volunteer that runs past this day, on this day. */
export async function endFacilitationsOf(m: EntityManager, volunteerId: string, day: string): Promise<void> {
  await m.query('UPDATE facilitation SET to_date = $2 WHERE volunteer_id = $1 AND (to_date IS NULL OR to_date > $2)', [volunteerId, day]);
}

/** The newest `limit` assignments to a group. */
export function newestFacilitationsOf(m: EntityManager, groupId: string, limit: number): Promise<FacilitationEntity[]> {
  return m.getRepository(FacilitationEntity).createQueryBuilder('f').where('f.group_id = :groupId', { groupId }).orderBy('f.from_date', 'DESC').addOrderBy('f.id', 'DESC').take(limit).getMany();
}

/** Inserts an assignment and reads it back. */
export async function insertFacilitation(m: EntityManager, values: QueryDeepPartialEntity<FacilitationEntity>): Promise<FacilitationEntity> {
  const result = await m.getRepository(FacilitationEntity).createQueryBuilder().insert().values(values).returning('id').execute();
  const id = (result.identifiers[0] as { id: string }).id;
  return m.getRepository(FacilitationEntity).findOneByOrFail({ id });
}

/** The assignment with this id in this group, or null. */
export function facilitationInGroup(m: EntityManager, id: string, groupId: string): Promise<FacilitationEntity | null> {
  return m.getRepository(FacilitationEntity).findOneBy({ id, groupId });
}

export async function endFacilitation(m: EntityManager, id: string, day: string): Promise<void> {
  await m.getRepository(FacilitationEntity).update({ id }, { toDate: day });
}

/** The assignments running on this day, of one group or (without groupId) of all. */
export function facilitationsOnDay(m: EntityManager, day: string, groupId?: string): Promise<FacilitationEntity[]> {
  const qb = m.getRepository(FacilitationEntity).createQueryBuilder('f');
  return (
    groupId === undefined
      ? qb.where('f.from_date <= :day AND (f.to_date IS NULL OR f.to_date >= :day)', { day })
      : qb.where('f.group_id = :groupId AND f.from_date <= :day AND (f.to_date IS NULL OR f.to_date >= :day)', { groupId, day })
  ).getMany();
}

/** When and how long each meeting the volunteer facilitated was. */
export async function meetingsFacilitatedBy(m: EntityManager, volunteerId: string): Promise<{ starts_at: Date; duration_minutes: number }[]> {
  return (await m.query(`SELECT m.starts_at, m.duration_minutes FROM meeting_facilitator mf JOIN group_meeting m ON m.id = mf.meeting_id WHERE mf.volunteer_id = $1`, [volunteerId])) as {
    starts_at: Date;
    duration_minutes: number;
  }[];
}

export async function insertMeetingFacilitator(m: EntityManager, values: QueryDeepPartialEntity<MeetingFacilitatorEntity>): Promise<void> {
  await m.getRepository(MeetingFacilitatorEntity).insert(values);
}

/** The first `limit` standing groups by name (the coordinator's dashboard). */
export function standingGroups(m: EntityManager, limit: number): Promise<GroupEntity[]> {
  return m.getRepository(GroupEntity).createQueryBuilder('g').where("g.kind = 'standing'").orderBy('g.name', 'ASC').addOrderBy('g.id', 'ASC').take(limit).getMany();
}

/** Every SMART facilitator training the request may see. */
export function facilitatorTrainings(m: EntityManager): Promise<TrainingEntity[]> {
  return m.getRepository(TrainingEntity).createQueryBuilder('t').where("t.kind = 'smart-facilitator'").getMany();
}

/** The trainings of these volunteers. */
export function trainingsOf(m: EntityManager, volunteerIds: string[]): Promise<TrainingEntity[]> {
  return m.getRepository(TrainingEntity).createQueryBuilder('t').where('t.volunteer_id = ANY(:ids)', { ids: volunteerIds }).getMany();
}

/** Volunteer minutes per organisation and month, newest month first, at most `limit` rows. */
export async function minutesByOrganisationMonth(m: EntityManager, limit: number): Promise<{ organisation_id: string; month: string; minutes: number }[]> {
  return (await m.query(
    `SELECT v.organisation_id, to_char(m.starts_at AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM') AS month, sum(mf.minutes)::int AS minutes
       FROM meeting_facilitator mf JOIN group_meeting m ON m.id = mf.meeting_id JOIN volunteer v ON v.id = mf.volunteer_id
       GROUP BY 1, 2 ORDER BY 2 DESC, 1 LIMIT $1`,
    [limit],
  )) as { organisation_id: string; month: string; minutes: number }[];
}

/** Whether the request may see an organisation with this id (row-level security: its municipalities only). */
export function organisationExists(m: EntityManager, id: string): Promise<boolean> {
  return m.getRepository(OrganisationEntity).createQueryBuilder('o').where('o.id = :id', { id }).getExists();
}

/** Adds the request's municipality to the organisation (the database function organisation_join). */
export async function joinOrganisation(m: EntityManager, id: string): Promise<void> {
  await m.query('SELECT organisation_join($1)', [id]);
}
