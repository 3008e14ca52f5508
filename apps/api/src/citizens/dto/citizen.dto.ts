import { SEXES } from '@outcomes/contracts';
import type { AccessHistoryLookup, CitizenInput, CitizenSex, LikelyDuplicatesQuery } from '@outcomes/contracts';
import { Transform } from 'class-transformer';
import { trim } from '../../common/dto-transforms';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';

export class CreateCitizenDto implements CitizenInput {
  /** DDMMYYSSSS or DDMMYY-SSSS; leave out for anonymous treatment. Checked by parseCpr in libs/domain. */
  @IsOptional()
  @IsString()
  @MaxLength(20)
  cpr?: string | null;

  @Transform(trim)
  @IsString()
  @Length(1, 100)
  firstName!: string;

  @Transform(trim)
  @IsString()
  @Length(1, 100)
  lastName!: string;

  /** Only without a CPR number (with one, it is derived). */
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  birthYear?: number | null;

  @IsOptional()
  @IsIn(SEXES, { message: `sex must be one of ${SEXES.join(', ')}` })
  sex?: CitizenSex | null;

  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{3,30}$/, { message: 'phone must be a telephone number (digits, spaces, +, -, parentheses)' })
  phone?: string | null;

  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @IsOptional()
  @Matches(/^[a-z]{2,3}(-[A-Z]{2})?$/, { message: 'preferredLanguage must be a language code such as da, en or ar' })
  preferredLanguage?: string | null;
}

export class UpdateCitizenDto extends CreateCitizenDto {
  @IsInt()
  @Min(1)
  version!: number;
}

export class CitizenLookupDto {
  @IsString()
  @MaxLength(20)
  cpr!: string;
}

/** A name (whole words) or a CPR number, for "who has seen this citizen"; in a POST body, never a URL. */
export class AccessHistoryLookupDto implements AccessHistoryLookup {
  @IsString({ message: 'q must be a name or a CPR number of 10 digits' })
  @Length(1, 200, { message: 'q must be a name or a CPR number of 10 digits' })
  q!: string;
}

/** The form's name, birth year and sex, for the likely duplicates of a citizen about to be registered without a CPR number. */
export class LikelyDuplicatesDto implements LikelyDuplicatesQuery {
  @Transform(trim)
  @IsString({ message: 'firstName must be text' })
  @Length(1, 100, { message: 'firstName must be 1 to 100 characters' })
  firstName!: string;

  @Transform(trim)
  @IsString({ message: 'lastName must be text' })
  @Length(1, 100, { message: 'lastName must be 1 to 100 characters' })
  lastName!: string;

  @IsOptional()
  @IsInt({ message: 'birthYear must be a whole number' })
  @Min(1900, { message: 'birthYear must be 1900 or later' })
  @Max(2100, { message: 'birthYear must be 2100 or earlier' })
  birthYear?: number | null;

  @IsOptional()
  @IsIn(SEXES, { message: `sex must be one of ${SEXES.join(', ')}` })
  sex?: CitizenSex | null;
}
