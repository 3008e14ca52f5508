import { ATTESTATIONS, PROGRAMME_FORMATS } from '@outcomes/contracts';
import type { Attestation, ProgrammeFormat, ProgrammeInput } from '@outcomes/contracts';
import { Transform } from 'class-transformer';
import { trim } from '../../common/dto-transforms';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';

export class CreateProgrammeDto implements Partial<ProgrammeInput> {
  @Matches(/^[A-Z][A-Z0-9_-]{1,19}$/, { message: 'code must be 2-20 capital letters, digits, - or _, starting with a letter' })
  code!: string;

  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @IsIn(PROGRAMME_FORMATS, { message: `format must be one of ${PROGRAMME_FORMATS.join(', ')}` })
  format!: ProgrammeFormat;

  @IsOptional() @IsInt() @Min(1) @Max(1000)
  expectedSessions?: number | null;

  @IsOptional() @IsInt() @Min(1) @Max(1440)
  sessionMinutes?: number | null;

  @IsOptional() @IsInt() @Min(1) @Max(520)
  courseWeeks?: number | null;

  /** Months after the end of the programme at which a follow-up assessment is due. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @IsInt({ each: true, message: 'each value in followUpMonths must be a whole number of months' })
  @Min(1, { each: true })
  @Max(120, { each: true })
  followUpMonths?: number[];

  @IsOptional() @IsInt() @Min(0) @Max(365)
  followUpWindowDays?: number;

  @IsOptional() @IsInt() @Min(0) @Max(120)
  minAge?: number | null;

  @IsOptional() @IsInt() @Min(0) @Max(120)
  maxAge?: number | null;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  targetGroup?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsIn(ATTESTATIONS, { each: true, message: `each value in requiredAttestations must be one of ${ATTESTATIONS.join(', ')}` })
  requiredAttestations?: Attestation[];

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateProgrammeDto extends CreateProgrammeDto {
  /** The version the client last read; a stale one answers 409. */
  @IsInt()
  @Min(1)
  version!: number;
}
