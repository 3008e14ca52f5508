import { Transform } from 'class-transformer';
import { IsInt, IsString, IsUUID, Length, Min } from 'class-validator';
import { trim } from '../../common/dto-transforms';

/**
 * `POST /api/retention/runs`: run now, erasing what the admin read. `expectedCount` is the dry run's
 * total the admin confirmed; the run erases nothing when the count due now differs (409 naming it).
 */
export class RunRetentionDto {
  @IsInt({ message: 'expectedCount must be a whole number: the dry run’s count of citizens you confirm' })
  @Min(0, { message: 'expectedCount must be 0 or more' })
  expectedCount!: number;
}

/** `POST /api/retention/erasures`: erase one citizen now, if the rule says they are due. */
export class EraseCitizenDto {
  @IsUUID('all', { message: 'citizenId must be a UUID' })
  citizenId!: string;
}

/** `POST /api/legal-holds`: place a hold on a citizen, with why. */
export class PlaceLegalHoldDto {
  @IsUUID('all', { message: 'citizenId must be a UUID' })
  citizenId!: string;

  @Transform(trim)
  @IsString({ message: 'reason must be text' })
  @Length(5, 500, { message: 'reason must say why the records must be kept, 5 to 500 characters' })
  reason!: string;
}

/** `PUT /api/legal-holds/:id`: lift the hold, with why. A hold is never deleted. */
export class LiftLegalHoldDto {
  @Transform(trim)
  @IsString({ message: 'liftReason must be text' })
  @Length(5, 500, { message: 'liftReason must say why the hold ends, 5 to 500 characters' })
  liftReason!: string;

  @IsInt({ message: 'version must be an integer' })
  @Min(1)
  version!: number;
}
