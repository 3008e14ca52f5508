import type { MunicipalityInput } from '@outcomes/contracts';
import { Transform } from 'class-transformer';
import { trim } from '../../common/dto-transforms';
import { IsInt, IsNumber, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

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

  // --- Emergency access (issue 22, decisions 81-84) ---
  /** How long an emergency access to this municipality's citizens lasts (hours, 1-72); left out: unchanged (24 at first). */
  @IsOptional()
  @IsInt({ message: 'emergencyAccessHours must be a whole number of hours' })
  @Min(1, { message: 'emergencyAccessHours must be at least 1' })
  @Max(72, { message: 'emergencyAccessHours must be at most 72' })
  emergencyAccessHours?: number;
}

export class UpdateMunicipalityDto extends CreateMunicipalityDto {
  /** The version the client last read; a stale one answers 409. */
  @IsInt()
  @Min(1)
  version!: number;
}
