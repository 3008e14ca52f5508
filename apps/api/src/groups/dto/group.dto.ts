import { PickType } from '@nestjs/swagger';
import { GROUP_ATTENDANCE, MAX_DURATION_MINUTES, MEETING_STATUSES } from '@outcomes/contracts';
import type { GroupAttendance, MeetingStatus } from '@outcomes/contracts';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { trim } from '../../common/dto-transforms';

const DATE = { message: '$property must be a date YYYY-MM-DD' };

export class CreateGroupDto {
  @IsUUID('all', { message: 'programmeId must be a UUID' })
  programmeId!: string;

  @IsUUID('all', { message: 'centreId must be a UUID' })
  centreId!: string;

  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name!: string;

  /** First meeting of a course (its weekday is the course's). */
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  startDate?: string | null;

  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'startTime must be a time of day HH:MM' })
  startTime!: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  place?: string | null;

  /** Standing groups: 1 = Monday ... 7 = Sunday. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7)
  weekday?: number | null;
}

export class UpdateGroupDto extends PickType(CreateGroupDto, ['centreId', 'name', 'startTime', 'place', 'weekday'] as const) {
  @IsInt()
  @Min(1)
  version!: number;
}

export class GroupMemberDto {
  @IsUUID('all', { message: 'enrolmentId must be a UUID' })
  enrolmentId!: string;
}

/** A volunteer who facilitated a logged meeting, and for how long (the volunteers' side checks and records them). */
export class MeetingFacilitatorDto {
  @IsUUID('all', { message: 'volunteerId must be a UUID' })
  volunteerId!: string;

  @IsInt({ message: 'minutes must be a whole number' })
  @Min(1)
  @Max(MAX_DURATION_MINUTES)
  minutes!: number;
}

/** A meeting of a standing group, logged after it was held (course meetings come from the protocol). */
export class CreateGroupMeetingDto {
  @IsUUID('all', { message: 'groupId must be a UUID' })
  groupId!: string;

  @IsISO8601({ strict: true }, { message: 'startsAt must be an ISO 8601 date-time' })
  startsAt!: string;

  @IsInt({ message: 'durationMinutes must be a whole number of minutes' })
  @Min(1, { message: 'durationMinutes must be at least 1' })
  @Max(MAX_DURATION_MINUTES, { message: `durationMinutes must be at most ${MAX_DURATION_MINUTES} (12 hours)` })
  durationMinutes!: number;

  /** Participants who stay anonymous. */
  @IsInt({ message: 'anonymousHeadcount must be a whole number' })
  @Min(0, { message: 'anonymousHeadcount must not be negative' })
  @Max(500, { message: 'anonymousHeadcount must be at most 500' })
  anonymousHeadcount!: number;

  /** Who facilitated, and for how long (volunteer hours). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => MeetingFacilitatorDto)
  facilitators?: MeetingFacilitatorDto[];

  /** Why the meeting went ahead without a trained facilitator, when it did. */
  @IsOptional()
  @IsString()
  @Length(10, 2000, { message: 'untrainedReason must be a written reason of 10 to 2000 characters' })
  untrainedReason?: string | null;

  /** Log it even though the group already has a meeting that day (asked after a 409 DUPLICATE_DATE). */
  @IsOptional()
  @IsBoolean({ message: 'confirmDuplicate must be true or false' })
  confirmDuplicate?: boolean;
}

export class UpdateGroupMeetingDto {
  @IsISO8601({ strict: true }, { message: 'startsAt must be an ISO 8601 date-time' })
  startsAt!: string;

  @IsInt({ message: 'durationMinutes must be a whole number of minutes' })
  @Min(1, { message: 'durationMinutes must be at least 1' })
  @Max(MAX_DURATION_MINUTES, { message: `durationMinutes must be at most ${MAX_DURATION_MINUTES} (12 hours)` })
  durationMinutes!: number;

  @IsIn(MEETING_STATUSES, { message: `status must be one of ${MEETING_STATUSES.join(', ')}` })
  status!: MeetingStatus;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(500)
  anonymousHeadcount?: number | null;

  @IsInt()
  @Min(1)
  version!: number;
}

export class AttendanceEntryDto {
  @IsUUID('all', { message: 'enrolmentId must be a UUID' })
  enrolmentId!: string;

  @IsIn(GROUP_ATTENDANCE, { message: `status must be one of ${GROUP_ATTENDANCE.join(', ')}` })
  status!: GroupAttendance;
}

/** The whole attendance of a meeting, saved at once; saving it again changes nothing. */
export class AttendanceDto {
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryDto)
  attendance!: AttendanceEntryDto[];
}
