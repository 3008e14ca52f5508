import { PickType } from '@nestjs/swagger';
import { CONTACT_TYPES, MAX_DURATION_MINUTES, PLACE_TYPES } from '@outcomes/contracts';
import type { ContactType, PlaceType } from '@outcomes/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDateString, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { trim } from '../../common/dto-transforms';

const DATE = { message: '$property must be a date YYYY-MM-DD' };

export class CreateOutreachContactDto {
  @IsISO8601({ strict: true }, { message: 'contactAt must be an ISO 8601 date-time' })
  contactAt!: string;

  /** The outreach worker; default: the signed-in user. */
  @IsOptional()
  @IsUUID('all', { message: 'staffUserId must be a UUID' })
  staffUserId?: string;

  @IsIn(PLACE_TYPES, { message: `placeType must be one of ${PLACE_TYPES.join(', ')}` })
  placeType!: PlaceType;

  @IsInt({ message: 'durationMinutes must be a whole number of minutes' })
  @Min(1, { message: 'durationMinutes must be at least 1' })
  @Max(MAX_DURATION_MINUTES, { message: `durationMinutes must be at most ${MAX_DURATION_MINUTES} (12 hours)` })
  durationMinutes!: number;

  @IsIn(CONTACT_TYPES, { message: `contactType must be one of ${CONTACT_TYPES.join(', ')}` })
  contactType!: ContactType;

  /** Either a registered citizen ... */
  @IsOptional()
  @IsUUID('all', { message: 'citizenId must be a UUID' })
  citizenId?: string | null;

  /** ... or the alias the worker knows an anonymous person by. */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 60, { message: 'alias must be 1 to 60 characters' })
  alias?: string | null;

  @IsOptional()
  @IsUUID('all', { message: 'referredProgrammeId must be a UUID' })
  referredProgrammeId?: string | null;

  @IsOptional()
  @IsBoolean()
  referralStarted?: boolean | null;

  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  referralStartedDate?: string | null;
}

export class UpdateOutreachContactDto extends PickType(CreateOutreachContactDto, [
  'contactAt', 'staffUserId', 'placeType', 'durationMinutes', 'contactType', 'referredProgrammeId', 'referralStarted', 'referralStartedDate',
] as const) {
  @IsInt()
  @Min(1)
  version!: number;
}

/** Links every contact with an alias to a registered citizen. */
export class LinkAliasDto {
  @Transform(trim)
  @IsString()
  @Length(1, 60, { message: 'alias must be 1 to 60 characters' })
  alias!: string;

  @IsUUID('all', { message: 'citizenId must be a UUID' })
  citizenId!: string;
}
