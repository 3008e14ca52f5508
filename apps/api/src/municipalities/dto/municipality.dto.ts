import { CONSENT_NOT_ASKED_RULES } from '@outcomes/contracts';
import type { ConsentNotAskedRule, MunicipalityInput } from '@outcomes/contracts';
import { Transform } from 'class-transformer';
import { trim } from '../../common/dto-transforms';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export class CreateMunicipalityDto implements MunicipalityInput {
  /** The official three-digit municipality number (kommunekode), e.g. "101" for København. */
  @Matches(/^\d{3}$/, { message: 'code must be the three-digit municipality number' })
  code!: string;

  @Transform(trim)
  @IsString()
  @Length(1, 100)
  name!: string;

  /** Staff cost per hour in DKK, for the economic view. */
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'hourlyRate must be an amount with at most 2 decimals' })
  @Min(0)
  @Max(100000)
  hourlyRate?: number | null;

  // --- Consent by purpose (issue 22): how a citizen never asked about evaluation counts in exports.
  /** 'included' (default: not asked is not a no) or 'excluded' (only a given consent counts). */
  @IsOptional()
  @IsIn(CONSENT_NOT_ASKED_RULES, { message: `consentNotAsked must be one of: ${CONSENT_NOT_ASKED_RULES.join(', ')}` })
  consentNotAsked?: ConsentNotAskedRule;

  // --- Merging duplicate records (issue 22) ---
  /** Days a merge of two citizens' records can be undone; left out: unchanged (30 on a new municipality). */
  @IsOptional()
  @IsInt({ message: 'mergeUndoDays must be a whole number of days' })
  @Min(1)
  @Max(365)
  mergeUndoDays?: number;
  // --- Retention (issue 22, decision 97) ---
  /** Years health records are kept after the last entry; the law says at least 10. */
  @IsOptional()
  @IsInt({ message: 'retentionHealthYears must be a whole number of years' })
  @Min(10, { message: 'retentionHealthYears must be at least 10: patient records are kept at least 10 years after the last entry' })
  @Max(100)
  retentionHealthYears?: number;

  /** Years social case records are kept after the last entry; KL recommends 5. */
  @IsOptional()
  @IsInt({ message: 'retentionSocialYears must be a whole number of years' })
  @Min(1)
  @Max(100)
  retentionSocialYears?: number;
  // --- Emergency access (issue 22, decisions 81-84) ---
  /** How long an emergency access to this municipality's citizens lasts (hours, 1-72); left out: unchanged (24 at first). */
  @IsOptional()
  @IsInt({ message: 'emergencyAccessHours must be a whole number of hours' })
  @Min(1, { message: 'emergencyAccessHours must be at least 1' })
  @Max(72, { message: 'emergencyAccessHours must be at most 72' })
  emergencyAccessHours?: number;
  // --- Moves between municipalities (issue 22, decision 112) ---
  /** Days the new municipality may read this municipality's record of a citizen it accepted a hand-over of (1-365); left out: unchanged (90 at first). */
  @IsOptional()
  @IsInt({ message: 'handoverReadDays must be a whole number of days' })
  @Min(1, { message: 'handoverReadDays must be at least 1' })
  @Max(365, { message: 'handoverReadDays must be at most 365' })
  handoverReadDays?: number;
  // --- Personal API tokens (issue 24, decision 137) ---
  /** The longest a user may make an API token live (days, 1-365); left out: unchanged (365 at first). */
  @IsOptional()
  @IsInt({ message: 'apiTokenMaxDays must be a whole number of days' })
  @Min(1, { message: 'apiTokenMaxDays must be at least 1' })
  @Max(365, { message: 'apiTokenMaxDays must be at most 365' })
  apiTokenMaxDays?: number;
}

export class UpdateMunicipalityDto extends CreateMunicipalityDto {
  /** The version the client last read; a stale one answers 409. */
  @IsInt()
  @Min(1)
  version!: number;
}
