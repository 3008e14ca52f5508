import { OmitType } from '@nestjs/swagger';
import { FACILITATOR_ROLES, TRAINING_KINDS, VOLUNTEER_STATUSES } from '@outcomes/contracts';
import type { FacilitatorRole, TrainingKind, VolunteerStatus } from '@outcomes/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, Min } from 'class-validator';
import { trim } from '../../common/dto-transforms';

const DATE = { message: '$property must be a date YYYY-MM-DD' };
const PHONE = { message: 'phone must be a telephone number (digits, spaces, +, -, parentheses)' };

export class CreateOrganisationDto {
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  contactName?: string | null;

  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{3,30}$/, PHONE)
  phone?: string | null;

  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string | null;

  /** The municipalities it works with; must include your own. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(98)
  @IsUUID('all', { each: true, message: 'each value in municipalityIds must be a UUID' })
  municipalityIds!: string[];
}

export class UpdateOrganisationDto extends CreateOrganisationDto {
  @IsInt()
  @Min(1)
  version!: number;
}

export class CreateVolunteerDto {
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId!: string;

  @Transform(trim)
  @IsString()
  @Length(1, 100)
  firstName!: string;

  @Transform(trim)
  @IsString()
  @Length(1, 100)
  lastName!: string;

  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{3,30}$/, PHONE)
  phone?: string | null;

  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string | null;

  @IsOptional()
  @IsIn(VOLUNTEER_STATUSES, { message: `status must be one of ${VOLUNTEER_STATUSES.join(', ')}` })
  status?: VolunteerStatus;

  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  criminalRecordCheckedOn?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;
}

export class UpdateVolunteerDto extends CreateVolunteerDto {
  @IsInt()
  @Min(1)
  version!: number;
}

export class CreateTrainingDto {
  @IsUUID('all', { message: 'volunteerId must be a UUID' })
  volunteerId!: string;

  @IsIn(TRAINING_KINDS, { message: `kind must be one of ${TRAINING_KINDS.join(', ')}` })
  kind!: TrainingKind;

  @Transform(trim)
  @IsString()
  @Length(1, 200)
  title!: string;

  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  completedOn!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  trainer?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  certificateRef?: string | null;

  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  renewsOn?: string | null;
}

export class UpdateTrainingDto extends OmitType(CreateTrainingDto, ['volunteerId'] as const) {
  @IsInt()
  @Min(1)
  version!: number;
}

export class CreateFacilitationDto {
  @IsUUID('all', { message: 'volunteerId must be a UUID' })
  volunteerId!: string;

  @IsIn(FACILITATOR_ROLES, { message: `role must be one of ${FACILITATOR_ROLES.join(', ')}` })
  role!: FacilitatorRole;

  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  fromDate!: string;

  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  toDate?: string | null;
}

