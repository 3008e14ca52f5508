import { TREATMENT_KINDS } from '@outcomes/contracts';
import type { TreatmentKind, TreatmentProviderInput } from '@outcomes/contracts';
import { Transform } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, Length, Matches, MaxLength, Min } from 'class-validator';
import { trim } from '../../common/dto-transforms';

const DATE = { message: '$property must be a date YYYY-MM-DD' };

export class CreateTreatmentProviderDto implements TreatmentProviderInput {
  @Transform(trim)
  @IsString({ message: 'name must be a text of 1 to 200 characters' })
  @Length(1, 200, { message: 'name must be a text of 1 to 200 characters' })
  name!: string;

  /** 8 digits; the modulus-11 check is the service's (problems). */
  @Matches(/^[1-9][0-9]{7}$/, { message: 'cvr must be a CVR number of 8 digits' })
  cvr!: string;

  @Transform(trim)
  @IsString({ message: 'address must be a text of 1 to 300 characters' })
  @Length(1, 300, { message: 'address must be a text of 1 to 300 characters' })
  address!: string;

  @Matches(/^[0-9]{3}$/, { message: 'municipalityCode must be a municipality code of 3 digits (e.g. 751)' })
  municipalityCode!: string;

  @IsIn(TREATMENT_KINDS, { message: `kind must be one of ${TREATMENT_KINDS.join(', ')}` })
  kind!: TreatmentKind;

  @Transform(trim)
  @IsString({ message: 'approvedBy must name who approved the provider (e.g. Socialtilsyn Midt), 1 to 200 characters' })
  @Length(1, 200, { message: 'approvedBy must name who approved the provider (e.g. Socialtilsyn Midt), 1 to 200 characters' })
  approvedBy!: string;

  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'approvalReference must be a text of at most 100 characters' })
  @MaxLength(100, { message: 'approvalReference must be a text of at most 100 characters' })
  approvalReference?: string | null;

  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  approvedFrom!: string;

  /** The approval's last day; absent or null while it has no end. */
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  approvedUntil?: string | null;
}

export class UpdateTreatmentProviderDto extends CreateTreatmentProviderDto {
  /** The version the client last read; a stale one answers 409. */
  @IsInt({ message: 'version must be an integer' })
  @Min(1, { message: 'version must be at least 1' })
  version!: number;
}
