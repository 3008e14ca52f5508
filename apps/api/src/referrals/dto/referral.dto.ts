import { Transform } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, Min } from 'class-validator';
import { trim } from '../../common/dto-transforms';

const DATE = { message: '$property must be a date YYYY-MM-DD' };

export class CreateReferralDto {
  @IsUUID('all', { message: 'citizenId must be a UUID' })
  citizenId!: string;

  /** The citizen's request (§ 101) whose decision the referring municipality keeps. */
  @IsUUID('all', { message: 'caseRequestId must be a UUID' })
  caseRequestId!: string;

  /** Another municipality's treatment place (a centre of that municipality); exactly one of this and providerId. */
  @IsOptional()
  @IsUUID('all', { message: 'toCentreId must be a UUID' })
  toCentreId?: string | null;

  /** An approved private treatment provider (the national register); exactly one of this and toCentreId. */
  @IsOptional()
  @IsUUID('all', { message: 'providerId must be a UUID' })
  providerId?: string | null;

  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  referredOn!: string;

  /** The day the citizen chose this place themselves; absent or null when the municipality referred. */
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  citizenChoiceOn?: string | null;

  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'message must be a text of at most 2000 characters' })
  @MaxLength(2000, { message: 'message must be a text of at most 2000 characters' })
  message?: string | null;
}

export class AcceptReferralDto {
  /** The receiving municipality's programme the citizen is enrolled in at the referral's centre. */
  @IsUUID('all', { message: 'programmeId must be a UUID' })
  programmeId!: string;

  @IsInt({ message: 'version must be an integer' })
  @Min(1, { message: 'version must be at least 1' })
  version!: number;
}

export class AnswerReasonDto {
  @Transform(trim)
  @IsString({ message: 'reason must be a written reason of 3 to 2000 characters' })
  @Length(3, 2000, { message: 'reason must be a written reason of 3 to 2000 characters' })
  reason!: string;

  @IsInt({ message: 'version must be an integer' })
  @Min(1, { message: 'version must be at least 1' })
  version!: number;
}

/** The provider's answer, as the referring staff heard it (a provider has no users, decision 107). */
export class ProviderAnswerDto {
  @IsIn(['accepted', 'declined'], { message: 'answer must be one of accepted, declined' })
  answer!: 'accepted' | 'declined';

  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  answeredOn!: string;

  /** Why the provider declined, if it said. */
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'reason must be a text of at most 2000 characters' })
  @MaxLength(2000, { message: 'reason must be a text of at most 2000 characters' })
  reason?: string | null;

  @IsInt({ message: 'version must be an integer' })
  @Min(1, { message: 'version must be at least 1' })
  version!: number;
}

/** The course's end as the provider reported it; recorded again to correct it. */
export class ProviderOutcomeDto {
  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  endDate!: string;

  /** A code of the register's end statuses (GET /api/register/end-statuses). */
  @Matches(/^[a-z_]{1,30}$/, { message: 'endStatus must be a code of the register\'s end statuses' })
  endStatus!: string;

  @IsInt({ message: 'version must be an integer' })
  @Min(1, { message: 'version must be at least 1' })
  version!: number;
}
