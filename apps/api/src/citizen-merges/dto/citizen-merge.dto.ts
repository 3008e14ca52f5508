import { Transform } from 'class-transformer';
import { IsInt, IsString, IsUUID, Length, MaxLength, Min } from 'class-validator';
import { trim } from '../../common/dto-transforms';

const REASON = { message: 'reason must be a written reason of 10 to 2000 characters' };

/** What a merge into the record with this CPR number would move; the CPR number in the body, never a URL. */
export class CitizenMergePreviewDto {
  @IsUUID('all', { message: 'sourceId must be a UUID' })
  sourceId!: string;

  @IsString()
  @MaxLength(20)
  targetCpr!: string;
}

/** Merge the citizen without a CPR number (source) into the one with it (target), both at the versions the user saw. */
export class CreateCitizenMergeDto {
  @IsUUID('all', { message: 'sourceId must be a UUID' })
  sourceId!: string;

  @IsInt()
  @Min(1)
  sourceVersion!: number;

  @IsUUID('all', { message: 'targetId must be a UUID' })
  targetId!: string;

  @IsInt()
  @Min(1)
  targetVersion!: number;

  /** Why the two records are one person (how the person was identified); kept, encrypted, on the merge. */
  @Transform(trim)
  @IsString(REASON)
  @Length(10, 2000, REASON)
  reason!: string;
}

/** Undo a merge at the version the user saw, with why. */
export class UndoCitizenMergeDto {
  @IsInt()
  @Min(1)
  version!: number;

  @Transform(trim)
  @IsString(REASON)
  @Length(10, 2000, REASON)
  reason!: string;
}

/** The merges of one citizen (into it, or of it). */
export class CitizenMergesQueryDto {
  @IsUUID('all', { message: 'citizenId must be a UUID' })
  citizenId!: string;
}
