import { OmitType } from '@nestjs/swagger';
import { PASSWORD_MAX_LENGTH, ROLES } from '@outcomes/contracts';
import type { CreateUserInput, Role } from '@outcomes/contracts';
import { Transform } from 'class-transformer';
import { trim, trimLower } from '../../common/dto-transforms';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, MaxLength, Min } from 'class-validator';

/** What an admin may set. No municipalityId: a user always belongs to the admin's own municipality. */
export class CreateUserDto implements CreateUserInput {
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @Transform(trim)
  @IsString()
  @Length(1, 200)
  displayName!: string;

  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;

  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'each value in grantedMunicipalityIds must be a UUID' })
  grantedMunicipalityIds?: string[];
}

export class UpdateUserDto extends OmitType(CreateUserDto, ['password'] as const) {
  /** A new password; leave out to keep the current one. */
  @IsOptional()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;

  /** The version the client last read; a stale one answers 409. */
  @IsInt()
  @Min(1)
  version!: number;
}
