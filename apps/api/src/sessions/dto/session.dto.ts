import { PickType } from '@nestjs/swagger';
import { ATTENDANCE, MAX_DURATION_MINUTES } from '@outcomes/contracts';
import type { Attendance } from '@outcomes/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { trim } from '../../common/dto-transforms';

export class CreateSessionDto {
  @IsUUID('all', { message: 'enrolmentId must be a UUID' })
  enrolmentId!: string;

  @IsISO8601({ strict: true }, { message: 'startsAt must be an ISO 8601 date-time' })
  startsAt!: string;

  @IsInt({ message: 'durationMinutes must be a whole number of minutes' })
  @Min(1, { message: 'durationMinutes must be at least 1' })
  @Max(MAX_DURATION_MINUTES, { message: `durationMinutes must be at most ${MAX_DURATION_MINUTES} (12 hours)` })
  durationMinutes!: number;

  /** Who held the session; default: the signed-in staff member. */
  @IsOptional()
  @IsUUID('all', { message: 'staffUserId must be a UUID' })
  staffUserId?: string;

  @Transform(trim)
  @Matches(/^[a-z][a-z0-9-]{1,49}$/, { message: 'kind must be a short code such as move-session or case-management-meeting' })
  kind!: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  sessionNumber?: number | null;

  @IsIn(ATTENDANCE, { message: `attendance must be one of ${ATTENDANCE.join(', ')}` })
  attendance!: Attendance;

  @IsOptional()
  @IsString()
  @MaxLength(10000)
  note?: string | null;

  /** Log it even though the enrolment already has a session that day (asked after a 409 DUPLICATE_DATE). */
  @IsOptional()
  @IsBoolean({ message: 'confirmDuplicate must be true or false' })
  confirmDuplicate?: boolean;
}

export class UpdateSessionDto extends PickType(CreateSessionDto, ['startsAt', 'durationMinutes', 'staffUserId', 'kind', 'sessionNumber', 'attendance', 'note'] as const) {
  @IsInt()
  @Min(1)
  version!: number;
}

