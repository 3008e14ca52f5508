import { Inject, Injectable } from '@nestjs/common';
import type { Group, GroupAttendance, GroupMeeting, MeetingStatus, RawListQuery } from '@outcomes/contracts';
import { OPEN_STATES, courseMeetings, isOpen } from '@outcomes/domain';
import type { ListPage } from '../common/list-query/list-page';
import { ApiException, ReferenceRefused } from '../common/errors/api.exception';
import type { ListSpec } from '../common/list-query/list-query';
import { listPage } from '../common/list-query/list-page';
import { enrolmentReferenceOr400 } from '../enrolments/enrolments.queries';
import { centreById } from '../municipalities/municipalities.queries';
import { programmeById } from '../programmes/programmes.queries';
import { Db } from '../tenancy/db.service';
import type { AttendanceDto, CreateGroupDto, CreateGroupMeetingDto, UpdateGroupDto, UpdateGroupMeetingDto } from './dto/group.dto';
import type { GroupAttendanceEntity, GroupEntity, GroupMeetingEntity } from './group.entity';
import {
  attendanceOf,
  deleteMember,
  enrolmentIdsInStates,
  groupList,
  groupOr404,
  hasMeetingOnDay,
  insertCourseMeetings,
  insertGroup,
  insertMeeting,
  insertMember,
  markMeetingHeld,
  meetingList,
  meetingOr404,
  membersOf,
  replaceAttendance,
  updateGroup,
  updateMeeting,
  visibleEnrolmentIds,
} from './groups.queries';
import { MEETING_FACILITATORS } from './meeting-facilitators';
import type { MeetingFacilitators } from './meeting-facilitators';

const GROUP_SPEC: ListSpec = {
  fields: {
    id: { type: 'uuid', column: 'id', filterable: true },
    programmeId: { type: 'uuid', column: 'programme_id', sortable: true, filterable: true },
    centreId: { type: 'uuid', column: 'centre_id', sortable: true, filterable: true },
    kind: { type: 'string', column: 'kind', sortable: true, filterable: true },
    name: { type: 'string', column: 'name', sortable: true, filterable: true },
    startDate: { type: 'date', column: 'start_date', sortable: true, filterable: true },
  },
  searchColumns: ['name', 'place'],
  defaultSort: ['startDate', 'DESC'],
};

const MEETING_SPEC: ListSpec = {
  fields: {
    id: { type: 'uuid', column: 'id', filterable: true },
    groupId: { type: 'uuid', column: 'group_id', filterable: true },
    number: { type: 'number', column: 'number', sortable: true, filterable: true },
    startsAt: { type: 'datetime', column: 'starts_at', sortable: true, filterable: true },
    status: { type: 'string', column: 'status', sortable: true, filterable: true },
  },
  searchColumns: [],
  defaultSort: ['startsAt', 'ASC'],
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Takes `centreId` out of a meeting list's filter (the meeting has no centre column; its group has).
 * A filter that is not a JSON object is left for the list parser to refuse.
 */
function takeCentreFilter(text: string | undefined): { centreId?: string; filter: string | undefined } {
  let parsed: unknown;
  try {
    parsed = text === undefined ? undefined : JSON.parse(text);
  } catch {
    return { filter: text };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !('centreId' in parsed)) return { filter: text };
  const { centreId, ...others } = parsed as Record<string, unknown>;
  if (typeof centreId !== 'string' || !UUID.test(centreId)) {
    throw new ApiException(400, 'BAD_LIST_QUERY', 'Invalid list query. filter: centreId must be a UUID', { filter: 'centreId must be a UUID' });
  }
  return { centreId, filter: JSON.stringify(others) };
}

/** Meetings of Danish groups are planned in Danish local time. */
const TIME_ZONE = 'Europe/Copenhagen';
/** A course meeting may be moved up to four weeks past the course's planned end. */
const SLACK_WEEKS = 4;
const DEFAULT_MEETING_MINUTES = 120;

/** HCS courses (a cohort, its protocol's weekly meetings, attendance) and standing SMART groups. */
@Injectable()
export class GroupsService {
  constructor(
    private readonly db: Db,
    @Inject(MEETING_FACILITATORS) private readonly volunteers: MeetingFacilitators,
  ) {}

  async list(raw: RawListQuery): Promise<ListPage<Group>> {
    return listPage(groupList(this.db.manager()), raw, GROUP_SPEC, async (rows) => {
      const members = await this.members(rows.map((r) => r.id));
      return rows.map((r) => this.toGroup(r, members));
    });
  }

  async get(id: string): Promise<Group> {
    const row = await this.group(id);
    return this.toGroup(row, await this.members([id]));
  }

  /** A course gets its meetings from the programme's protocol at once: courseWeeks weekly meetings. */
  async create(input: CreateGroupDto): Promise<Group> {
    const programme = await programmeById(this.db.manager(), input.programmeId);
    if (!programme) throw new ReferenceRefused('programmeId', 'programmeId must name a national programme or one of your municipality');
    if (!programme.active || (programme.format !== 'closed-group' && programme.format !== 'open-group')) {
      throw ApiException.validation({ programmeId: 'programmeId must name an active group programme (a closed course or an open group)' });
    }
    await this.centreOrRefuse(input.centreId);
    const kind = programme.format === 'closed-group' ? 'course' : 'standing';
    if (kind === 'course' && !input.startDate) throw ApiException.validation({ startDate: 'startDate is required for a course' });
    const municipalityId = this.db.municipalityId();
    const id = await insertGroup(this.db.manager(), {
      municipalityId,
      programmeId: programme.id,
      centreId: input.centreId,
      kind,
      name: input.name,
      startDate: input.startDate ?? null,
      startTime: input.startTime,
      place: input.place ?? null,
      weekday: input.weekday ?? null,
    });
    if (kind === 'course' && input.startDate) {
      // All the protocol's meetings in one statement; PostgreSQL turns local date + time into instants.
      const meetings = courseMeetings(input.startDate, input.startTime, programme.courseWeeks ?? 0);
      await insertCourseMeetings(this.db.manager(), TIME_ZONE, {
        municipalityId,
        groupId: id,
        numbers: meetings.map((m) => m.number),
        dates: meetings.map((m) => m.date),
        startTime: input.startTime,
        durationMinutes: programme.sessionMinutes ?? DEFAULT_MEETING_MINUTES,
      });
    }
    return this.get(id);
  }

  async update(id: string, input: UpdateGroupDto): Promise<Group> {
    await this.group(id);
    await this.centreOrRefuse(input.centreId);
    const { version, ...fields } = input;
    const affected = await updateGroup(this.db.manager(), id, version, fields);
    if (affected === 0) throw ApiException.versionConflict('Group');
    return this.get(id);
  }

  /** Adds an enrolment of the group's programme to the cohort; adding it twice changes nothing. */
  async addMember(id: string, enrolmentId: string): Promise<Group> {
    const group = await this.group(id);
    const enrolment = await enrolmentReferenceOr400(this.db.manager(), enrolmentId);
    if (enrolment.programmeId !== group.programmeId || !isOpen(enrolment.state)) {
      throw ApiException.validation({ enrolmentId: 'enrolmentId must name an open enrolment in this group’s programme' });
    }
    await insertMember(this.db.manager(), id, enrolmentId, group.municipalityId);
    return this.get(id);
  }

  async removeMember(id: string, enrolmentId: string): Promise<Group> {
    await this.group(id);
    await deleteMember(this.db.manager(), id, enrolmentId);
    return this.get(id);
  }

  /** Also `centreId`, through the meeting's group: the weekly calendar of a centre. */
  async listMeetings(raw: RawListQuery): Promise<ListPage<GroupMeeting>> {
    const { centreId, filter } = takeCentreFilter(raw.filter);
    return listPage(meetingList(this.db.manager(), centreId), { ...raw, filter }, MEETING_SPEC, async (rows) => {
      const attendance = await this.attendance(rows.map((r) => r.id));
      return rows.map((r) => this.toMeeting(r, attendance));
    });
  }

  /** Logs a held meeting of a standing group (SMART Recovery): when, how long, how many anonymously. */
  async createMeeting(input: CreateGroupMeetingDto): Promise<GroupMeeting> {
    const group = await this.group(input.groupId).catch(() => {
      throw new ReferenceRefused('groupId', 'groupId must name a group of your municipality');
    });
    if (group.kind !== 'standing') {
      throw new ApiException(422, 'NOT_ELIGIBLE', 'A course has the meetings of its protocol; move or cancel those instead', { groupId: 'is a course: its meetings are planned by the protocol' });
    }
    const startsAt = new Date(input.startsAt);
    if (startsAt.getTime() > Date.now() + 60_000) {
      throw ApiException.validation({ startsAt: 'startsAt must not be in the future: log a meeting after it was held' });
    }
    // Asked first: the same meeting logged twice would otherwise meet its own facilitators' overlap.
    if (!input.confirmDuplicate) await this.refuseSecondMeetingOnDay(group.id, startsAt);
    const facilitators = input.facilitators ?? [];
    await this.volunteers.checkMeetingFacilitators(group, startsAt, input.durationMinutes, facilitators, input.untrainedReason ?? null);
    const id = await insertMeeting(this.db.manager(), {
      municipalityId: group.municipalityId,
      groupId: group.id,
      number: null,
      startsAt,
      durationMinutes: input.durationMinutes,
      status: 'held',
      anonymousHeadcount: input.anonymousHeadcount,
      untrainedReason: input.untrainedReason ?? null,
    });
    await this.volunteers.recordMeetingFacilitators(id, group.municipalityId, facilitators);
    return this.getMeeting(id);
  }

  async getMeeting(id: string): Promise<GroupMeeting> {
    return this.toMeeting(await this.meeting(id), await this.attendance([id]));
  }

  /** Moves or cancels a meeting; a course meeting stays within its course. */
  async updateMeeting(id: string, input: UpdateGroupMeetingDto): Promise<GroupMeeting> {
    const meeting = await this.meeting(id);
    const group = await this.group(meeting.groupId);
    if (group.kind === 'course' && group.startDate) {
      const programme = await programmeById(this.db.manager(), group.programmeId);
      const last = courseMeetings(group.startDate, group.startTime, (programme?.courseWeeks ?? 0) + SLACK_WEEKS).pop()?.date ?? group.startDate;
      const day = input.startsAt.slice(0, 10);
      if (day < group.startDate || day > last) {
        throw ApiException.validation({ startsAt: `startsAt must lie within the course (${group.startDate} to ${last})` });
      }
    }
    const { version, ...fields } = input;
    const affected = await updateMeeting(this.db.manager(), id, version, { ...fields, startsAt: new Date(fields.startsAt), anonymousHeadcount: fields.anonymousHeadcount ?? null });
    if (affected === 0) throw ApiException.versionConflict('Meeting');
    return this.getMeeting(id);
  }

  /**
   * Replaces a meeting's attendance as a whole, in the request's one transaction: every person must
   * be in the cohort, or nothing is written. Saving the same attendance again changes nothing.
   */
  async saveAttendance(id: string, input: AttendanceDto): Promise<GroupMeeting> {
    const meeting = await this.meeting(id);
    if (meeting.status === 'cancelled') throw new ApiException(422, 'NOT_ELIGIBLE', 'The meeting is cancelled; it has no attendance', { status: 'the meeting is cancelled' });
    if (meeting.startsAt.getTime() > Date.now()) throw ApiException.validation({ attendance: 'the meeting has not taken place yet' });
    const group = await this.group(meeting.groupId);
    const members = new Set(group.kind === 'course' ? ((await this.members([group.id])).get(group.id) ?? []) : await this.openEnrolments(group.programmeId));
    await this.enrolmentsOfOwnMunicipalityOrRefuse(input.attendance.map((entry) => entry.enrolmentId), 'attendance');
    const errors: Record<string, string> = {};
    const seen = new Set<string>();
    input.attendance.forEach((entry, i) => {
      if (!members.has(entry.enrolmentId)) errors[`attendance.${i}.enrolmentId`] = group.kind === 'course' ? 'is not in the course' : 'is not enrolled in this group’s programme';
      else if (seen.has(entry.enrolmentId)) errors[`attendance.${i}.enrolmentId`] = 'is listed twice';
      seen.add(entry.enrolmentId);
    });
    if (Object.keys(errors).length > 0) throw ApiException.validation(errors);
    await replaceAttendance(
      this.db.manager(),
      id,
      input.attendance.map((entry) => ({ meetingId: id, enrolmentId: entry.enrolmentId, municipalityId: meeting.municipalityId, status: entry.status })),
    );
    if (meeting.status === 'planned') await markMeetingHeld(this.db.manager(), id);
    return this.getMeeting(id);
  }

  /** A group meets once a day: a second meeting on the same Danish day is asked about first (409), never refused outright. */
  private async refuseSecondMeetingOnDay(groupId: string, startsAt: Date): Promise<void> {
    if (await hasMeetingOnDay(this.db.manager(), TIME_ZONE, groupId, startsAt)) {
      throw new ApiException(409, 'DUPLICATE_DATE', 'The group already has a meeting logged on this day; send confirmDuplicate: true to log a second one', {
        startsAt: 'a meeting is already logged on this day',
      });
    }
  }

  /** Standing groups are open: registered participants are the programme's open enrolments. */
  private async openEnrolments(programmeId: string): Promise<string[]> {
    return enrolmentIdsInStates(this.db.manager(), programmeId, OPEN_STATES);
  }

  private async group(id: string): Promise<GroupEntity> {
    return groupOr404(this.db.manager(), id);
  }

  private async meeting(id: string): Promise<GroupMeetingEntity> {
    return meetingOr404(this.db.manager(), id);
  }

  /** An enrolment the user's municipality does not hold (another's, or none): a refused reference, logged. */
  private async enrolmentsOfOwnMunicipalityOrRefuse(ids: string[], list: string): Promise<void> {
    if (ids.length === 0) return;
    const own = new Set(await visibleEnrolmentIds(this.db.manager(), ids));
    const i = ids.findIndex((id) => !own.has(id));
    if (i >= 0) throw new ReferenceRefused(`${list}.${i}.enrolmentId`, 'must name an enrolment of your municipality');
  }

  private async centreOrRefuse(id: string): Promise<void> {
    const centre = await centreById(this.db.manager(), id);
    if (!centre || centre.municipalityId !== this.db.municipalityId()) {
      throw new ReferenceRefused('centreId', 'centreId must name a centre of your municipality');
    }
  }

  private async members(groupIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (groupIds.length === 0) return map;
    const rows = await membersOf(this.db.manager(), groupIds);
    for (const row of rows) map.set(row.groupId, [...(map.get(row.groupId) ?? []), row.enrolmentId]);
    return map;
  }

  private async attendance(meetingIds: string[]): Promise<Map<string, GroupAttendanceEntity[]>> {
    const map = new Map<string, GroupAttendanceEntity[]>();
    if (meetingIds.length === 0) return map;
    const rows = await attendanceOf(this.db.manager(), meetingIds);
    for (const row of rows) map.set(row.meetingId, [...(map.get(row.meetingId) ?? []), row]);
    return map;
  }

  private toGroup(row: GroupEntity, members: Map<string, string[]>): Group {
    return {
      id: row.id,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      municipalityId: row.municipalityId,
      programmeId: row.programmeId,
      centreId: row.centreId,
      kind: row.kind as Group['kind'],
      name: row.name,
      startDate: row.startDate,
      startTime: row.startTime,
      place: row.place,
      weekday: row.weekday,
      memberEnrolmentIds: members.get(row.id) ?? [],
    };
  }

  private toMeeting(row: GroupMeetingEntity, attendance: Map<string, GroupAttendanceEntity[]>): GroupMeeting {
    return {
      id: row.id,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      municipalityId: row.municipalityId,
      groupId: row.groupId,
      number: row.number,
      startsAt: row.startsAt.toISOString(),
      durationMinutes: row.durationMinutes,
      status: row.status as MeetingStatus,
      anonymousHeadcount: row.anonymousHeadcount,
      attendance: (attendance.get(row.id) ?? []).map((a) => ({ enrolmentId: a.enrolmentId, status: a.status as GroupAttendance })),
    };
  }
}
