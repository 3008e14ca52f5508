import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Length, MaxLength, Min } from 'class-validator';
import { trim } from '../../common/dto-transforms';

export class CreateHandoverDto {
  /** The old municipality's citizen who moves. */
  @IsUUID('all', { message: 'citizenId must be a UUID' })
  citizenId!: string;

  /** The municipality the citizen moves to. */
  @IsUUID('all', { message: 'toMunicipalityId must be a UUID' })
  toMunicipalityId!: string;

  /** The citizen's course that ended `transferred` to that municipality, when the hand-over comes with it. */
  @IsOptional()
  @IsUUID('all', { message: 'enrolmentId must be a UUID' })
  enrolmentId?: string | null;

  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'message must be a text of at most 2000 characters' })
  @MaxLength(2000, { message: 'message must be a text of at most 2000 characters' })
  message?: string | null;
}

export class AcceptHandoverDto {
  /** The new municipality's programme and centre the citizen's own course is opened in. */
  @IsUUID('all', { message: 'programmeId must be a UUID' })
  programmeId!: string;

  @IsUUID('all', { message: 'centreId must be a UUID' })
  centreId!: string;

  @IsInt({ message: 'version must be an integer' })
  @Min(1, { message: 'version must be at least 1' })
  version!: number;
}

export class HandoverReasonDto {
  @Transform(trim)
  @IsString({ message: 'reason must be a written reason of 3 to 2000 characters' })
  @Length(3, 2000, { message: 'reason must be a written reason of 3 to 2000 characters' })
  reason!: string;

  @IsInt({ message: 'version must be an integer' })
  @Min(1, { message: 'version must be at least 1' })
  version!: number;
}
