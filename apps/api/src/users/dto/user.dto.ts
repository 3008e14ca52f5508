import { OmitType } from '@nestjs/swagger';
import { MUNICIPAL_ROLES, PASSWORD_MAX_LENGTH } from '@outcomes/contracts';
import type { CreateUserInput, Role } from '@outcomes/contracts';
import { Transform } from 'class-transformer';
import { trim, trimLower } from '../../common/dto-transforms';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';

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

  // The national operator is no municipality's user: created by the CLI (create-operator), never here.
  @IsIn(MUNICIPAL_ROLES, { message: `role must be one of ${MUNICIPAL_ROLES.join(', ')}` })
  role!: Role;

  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
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
