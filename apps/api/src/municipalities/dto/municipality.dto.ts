import type { MunicipalityInput } from '@outcomes/contracts';
import { Transform } from 'class-transformer';
import { trim } from '../../common/dto-transforms';
import { IsInt, IsString, Length, Matches, Min } from 'class-validator';

export class CreateMunicipalityDto implements MunicipalityInput {
  /** The official three-digit municipality number (kommunekode), e.g. "101" for København. */
  @Matches(/^\d{3}$/, { message: 'code must be the three-digit municipality number' })
  code!: string;

  @Transform(trim)
  @IsString()
  @Length(1, 100)
  name!: string;
}

export class UpdateMunicipalityDto extends CreateMunicipalityDto {
  /** The version the client last read; a stale one answers 409. */
  @IsInt()
  @Min(1)
  version!: number;
}
