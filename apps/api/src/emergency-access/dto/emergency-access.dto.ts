import { EMERGENCY_NOTE_MAX, EMERGENCY_REASON_MAX, EMERGENCY_REASON_MIN } from '@outcomes/contracts';
import type { EmergencyOpenInput, EmergencyReviewInput } from '@outcomes/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';
import { trim } from '../../common/dto-transforms';

/** The CPR number in the body, never a URL; the reason is what the owner's admin will judge the opening by. */
export class OpenEmergencyAccessDto implements EmergencyOpenInput {
  @IsString({ message: 'cpr must be a CPR number (text)' })
  @MaxLength(20)
  cpr!: string;

  @Transform(trim)
  @IsString({ message: 'reason must be text saying why the record is needed now' })
  @Length(EMERGENCY_REASON_MIN, EMERGENCY_REASON_MAX, { message: `reason must say why the record is needed now, ${EMERGENCY_REASON_MIN} to ${EMERGENCY_REASON_MAX} characters` })
  reason!: string;
}

/** The owner's admin marks an opening reviewed (nothing to remark) or raised (to be looked into), with an optional note. */
export class ReviewEmergencyAccessDto implements EmergencyReviewInput {
  @IsIn(['reviewed', 'raised'], { message: 'reviewState must be one of reviewed, raised' })
  reviewState!: 'reviewed' | 'raised';

  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'reviewNote must be text' })
  @MaxLength(EMERGENCY_NOTE_MAX, { message: `reviewNote must be at most ${EMERGENCY_NOTE_MAX} characters` })
  reviewNote?: string | null;

  @IsInt()
  @Min(1)
  version!: number;
}
