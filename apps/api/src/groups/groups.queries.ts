import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { findByIdOr404 } from '../common/crud/find-by-id';
import { GroupAttendanceEntity, GroupEntity, GroupMeetingEntity, GroupMemberEntity } from './group.entity';

// Every query of the groups feature (treatment_group, group_member, group_meeting, group_attendance,
// and the enrolment ids a group's attendance may name), in the request's tenant transaction
// (row-level security applies).

/** The base of the group list (listPage adds the filters, sort and range). */
export function groupList(m: EntityManager): SelectQueryBuilder<GroupEntity> {
  return m.getRepository(GroupEntity).createQueryBuilder('r');
}

/** The group a path names, or 404 "Group not found". */
export function groupOr404(m: EntityManager, id: string): Promise<GroupEntity> {
  return findByIdOr404(m.getRepository(GroupEntity), id, 'Group');
}

/** Inserts a group; answers its id. */
export async function insertGroup(m: EntityManager, values: QueryDeepPartialEntity<GroupEntity>): Promise<string> {
  const result = await m.getRepository(GroupEntity).createQueryBuilder().insert().values(values).returning('id').execute();
  return (result.identifiers[0] as { id: string }).id;
}

/** Writes the changes if the group still has this version; answers how many rows changed (0: stale). */
export async function updateGroup(m: EntityManager, id: string, version: number, changes: QueryDeepPartialEntity<GroupEntity>): Promise<number | undefined> {
  const result = await m.getRepository(GroupEntity).createQueryBuilder().update().set(changes).where('id = :id AND version = :version', { id, version }).execute();
  return result.affected;
}

/**
 * All a course's meetings in one statement; PostgreSQL turns the local date + time into instants
 * in the time zone given.
 */
export async function insertCourseMeetings(
  m: EntityManager,
  timeZone: string,
  values: { municipalityId: string; groupId: string; numbers: number[]; dates: string[]; startTime: string; durationMinutes: number },
): Promise<void> {
  await m.query(
    `INSERT INTO group_meeting (municipality_id, group_id, number, starts_at, duration_minutes)
         SELECT $1, $2, m.number, (m.day + $5::time) AT TIME ZONE '${timeZone}', $6
         FROM unnest($3::int[], $4::date[]) AS m(number, day)`,
    [values.municipalityId, values.groupId, values.numbers, values.dates, values.startTime, values.durationMinutes],
  );
}

/** Adds an enrolment to a cohort; adding it twice changes nothing. */
export async function insertMember(m: EntityManager, groupId: string, enrolmentId: string, municipalityId: string): Promise<void> {
  await m.query('INSERT INTO group_member (group_id, enrolment_id, municipality_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [groupId, enrolmentId, municipalityId]);
}

export async function deleteMember(m: EntityManager, groupId: string, enrolmentId: string): Promise<void> {
  await m.getRepository(GroupMemberEntity).delete({ groupId, enrolmentId });
}

/** The members of these groups. */
export function membersOf(m: EntityManager, groupIds: string[]): Promise<GroupMemberEntity[]> {
  return m.getRepository(GroupMemberEntity).createQueryBuilder('m').where('m.group_id = ANY(:groupIds)', { groupIds }).getMany();
}

/** The base of the meeting list, optionally of one centre's groups (listPage adds the rest). */
export function meetingList(m: EntityManager, centreId: string | undefined): SelectQueryBuilder<GroupMeetingEntity> {
  const qb = m.getRepository(GroupMeetingEntity).createQueryBuilder('r');
  if (centreId) qb.where('r.group_id IN (SELECT g.id FROM treatment_group g WHERE g.centre_id = :centreId)', { centreId });
  return qb;
}

/** The meeting a path names, or 404 "Meeting not found". */
export function meetingOr404(m: EntityManager, id: string): Promise<GroupMeetingEntity> {
  return findByIdOr404(m.getRepository(GroupMeetingEntity), id, 'Meeting');
}

/** Inserts a meeting; answers its id. */
export async function insertMeeting(m: EntityManager, values: QueryDeepPartialEntity<GroupMeetingEntity>): Promise<string> {
  const result = await m.getRepository(GroupMeetingEntity).createQueryBuilder().insert().values(values).returning('id').execute();
  return (result.identifiers[0] as { id: string }).id;
}

/** Writes the changes if the meeting still has this version; answers how many rows changed (0: stale). */
export async function updateMeeting(m: EntityManager, id: string, version: number, changes: QueryDeepPartialEntity<GroupMeetingEntity>): Promise<number | undefined> {
  const result = await m.getRepository(GroupMeetingEntity).createQueryBuilder().update().set(changes).where('id = :id AND version = :version', { id, version }).execute();
  return result.affected;
}

/** A planned meeting whose attendance is saved has been held. */
export async function markMeetingHeld(m: EntityManager, id: string): Promise<void> {
  await m.query(`UPDATE group_meeting SET status = 'held', version = version + 1, updated_at = now() WHERE id = $1`, [id]);
}

/** Whether the group has a meeting (not cancelled) on the local day (in the time zone given) of this moment. */
export async function hasMeetingOnDay(m: EntityManager, timeZone: string, groupId: string, startsAt: Date): Promise<boolean> {
  const rows = (await m.query(
    `SELECT 1 FROM group_meeting WHERE group_id = $1 AND status <> 'cancelled'
         AND (starts_at AT TIME ZONE '${timeZone}')::date = ($2::timestamptz AT TIME ZONE '${timeZone}')::date LIMIT 1`,
    [groupId, startsAt.toISOString()],
  )) as unknown[];
  return rows.length > 0;
}

/** Replaces a meeting's attendance as a whole. */
export async function replaceAttendance(m: EntityManager, meetingId: string, rows: QueryDeepPartialEntity<GroupAttendanceEntity>[]): Promise<void> {
  await m.getRepository(GroupAttendanceEntity).delete({ meetingId });
  if (rows.length > 0) await m.getRepository(GroupAttendanceEntity).insert(rows);
}

/** The attendance of these meetings. */
export function attendanceOf(m: EntityManager, meetingIds: string[]): Promise<GroupAttendanceEntity[]> {
  return m.getRepository(GroupAttendanceEntity).createQueryBuilder('a').where('a.meeting_id = ANY(:meetingIds)', { meetingIds }).getMany();
}

/** The ids of the programme's enrolments in these (open) states: a standing group's participants. */
export async function enrolmentIdsInStates(m: EntityManager, programmeId: string, states: readonly string[]): Promise<string[]> {
  const rows = (await m.query('SELECT id FROM enrolment WHERE programme_id = $1 AND state = ANY($2)', [programmeId, states])) as { id: string }[];
  return rows.map((r) => r.id);
}

/** Which of these enrolment ids the request may see (its municipality's). */
export async function visibleEnrolmentIds(m: EntityManager, ids: string[]): Promise<string[]> {
  const rows = (await m.query('SELECT id FROM enrolment WHERE id = ANY($1::uuid[])', [ids])) as { id: string }[];
  return rows.map((r) => r.id);
}
