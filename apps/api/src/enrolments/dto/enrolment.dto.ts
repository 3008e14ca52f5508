import { ApiProperty, PickType } from '@nestjs/swagger';
import { ATTESTATIONS, COURSE_KINDS, ENROLMENT_STATES } from '@outcomes/contracts';
import type { Attestation, CourseKind, EnrolmentState } from '@outcomes/contracts';
import { ArrayMaxSize, IsArray, IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, MaxLength, Min } from 'class-validator';

const DATE = { message: '$property must be a date YYYY-MM-DD' };

export class CreateEnrolmentDto {
  @IsUUID('all', { message: 'citizenId must be a UUID' })
  citizenId!: string;

  @IsUUID('all', { message: 'programmeId must be a UUID' })
  programmeId!: string;

  @IsUUID('all', { message: 'centreId must be a UUID' })
  centreId!: string;

  @IsOptional()
  @IsUUID('all', { message: 'staffUserId must be a UUID' })
  staffUserId?: string | null;

  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  referralDate!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  referralSource?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsIn(ATTESTATIONS, { each: true, message: `each attestation must be one of ${ATTESTATIONS.join(', ')}` })
  attestations?: Attestation[];

  /** A written reason to enrol despite failed eligibility rules; kept with the enrolment. */
  @IsOptional()
  @IsString()
  @Length(10, 2000, { message: 'eligibilityOverride must be a written reason of 10 to 2000 characters' })
  eligibilityOverride?: string | null;

  /** The citizen's request (henvendelse) this enrolment answers. */
  @IsOptional()
  @IsUUID('all', { message: 'caseRequestId must be a UUID' })
  caseRequestId?: string | null;

  /**
   * 'sel-101' (Serviceloven § 101) or 'sel-101a' (anonymous treatment, § 101 a; a citizen without a
   * CPR number only). Absent: the request's kind when caseRequestId is given, else 'sel-101'. Given
   * with a request, it must be the request's.
   */
  @ApiProperty({ enum: COURSE_KINDS, required: false })
  @IsOptional()
  @IsIn(COURSE_KINDS, { message: `courseKind must be one of ${COURSE_KINDS.join(', ')}` })
  courseKind?: CourseKind;
}

/** What may change without a state change: centre, staff member, referral source, attestations. */
export class UpdateEnrolmentDto extends PickType(CreateEnrolmentDto, ['centreId', 'staffUserId', 'referralSource', 'attestations'] as const) {
  @IsInt()
  @Min(1)
  version!: number;
}

export class TransitionDto {
  @IsIn(ENROLMENT_STATES, { message: `to must be one of ${ENROLMENT_STATES.join(', ')}` })
  to!: EnrolmentState;

  /** When it took effect: the start date for `active`, the end date otherwise. */
  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  date!: string;

  /** A free-text note (the end's, or a late start's reason); the register's end status is endStatus. */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string | null;

  /**
   * The register's status at the end: a code of GET /api/register/end-statuses. Required when a started
   * course ends (completed, dropped_out, transferred); not given otherwise.
   */
  @IsOptional()
  @IsString({ message: 'endStatus must be a code of the end-status code list' })
  @MaxLength(30, { message: 'endStatus must be a code of the end-status code list' })
  endStatus?: string | null;

  @IsOptional()
  @IsString()
  @Length(10, 2000, { message: 'eligibilityOverride must be a written reason of 10 to 2000 characters' })
  eligibilityOverride?: string | null;

  /** The municipality the citizen moves to: required when the course ends `transferred` (issue 22), not given otherwise. */
  @IsOptional()
  @IsUUID('all', { message: 'transferredToMunicipalityId must be a UUID' })
  transferredToMunicipalityId?: string | null;

  @IsInt()
  @Min(1)
  version!: number;
}

/** Links an enrolment made before its request was recorded to that request (the guarantee's start). */
export class LinkCaseRequestDto {
  @IsUUID('all', { message: 'caseRequestId must be a UUID' })
  caseRequestId!: string;

  /** Why treatment started after the guarantee's last day, when it did and the request has no reason yet. */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string | null;

  @IsInt()
  @Min(1)
  version!: number;
}
