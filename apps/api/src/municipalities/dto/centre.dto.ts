import { TREATMENT_KINDS } from '@outcomes/contracts';
import type { CentreInput, TreatmentKind } from '@outcomes/contracts';
import { Transform } from 'class-transformer';
import { trim } from '../../common/dto-transforms';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, Min } from 'class-validator';

export class CreateCentreDto implements Partial<CentreInput> {
  @IsUUID('all', { message: 'municipalityId must be a UUID' })
  municipalityId!: string;

  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name!: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{3,30}$/, { message: 'phone must be a telephone number (digits, spaces, +, -, parentheses)' })
  phone?: string | null;

  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string | null;

  @IsOptional()
  @IsBoolean()
  active?: boolean;

  /** The kind of treatment given here; null or absent while not recorded. */
  @IsOptional()
  @IsIn(TREATMENT_KINDS, { message: `kind must be one of ${TREATMENT_KINDS.join(', ')}` })
  kind?: TreatmentKind | null;
}

export class UpdateCentreDto extends CreateCentreDto {
  /** The version the client last read; a stale one answers 409. */
  @IsInt()
  @Min(1)
  version!: number;
}
