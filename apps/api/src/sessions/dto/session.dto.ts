import { PickType } from '@nestjs/swagger';
import { ATTENDANCE, MAX_DURATION_MINUTES } from '@outcomes/contracts';
import type { Attendance } from '@outcomes/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
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

  /** Why the note is changed: required when it changes, unless the author fixes a typo within the window (docs/domain.md). */
  @IsOptional()
  @IsString({ message: 'correctionReason must be text' })
  @MaxLength(2000, { message: 'correctionReason must be at most 2000 characters' })
  correctionReason?: string | null;

  /** The author fixes an obvious typo within NOTE_TYPO_WINDOW_MINUTES of writing: kept as a version, marked as a typo fix. */
  @IsOptional()
  @IsBoolean({ message: 'typoFix must be true or false' })
  typoFix?: boolean;
}

/** POST /sessions/:id/entered-in-error: the session stays, marked, and leaves the figures. */
export class EnteredInErrorDto {
  @Transform(trim)
  @IsString({ message: 'reason must be text' })
  @MinLength(3, { message: 'reason is required: say why the session was entered in error (at least 3 characters)' })
  @MaxLength(2000, { message: 'reason must be at most 2000 characters' })
  reason!: string;

  @IsInt({ message: 'version must be the version you loaded' })
  @Min(1, { message: 'version must be the version you loaded' })
  version!: number;
}

