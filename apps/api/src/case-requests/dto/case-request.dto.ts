import { ApiProperty } from '@nestjs/swagger';
import { CASE_REQUEST_STATUSES, COURSE_KINDS, DECISION_OUTCOMES, REQUEST_CHANNELS, TREATMENT_KINDS } from '@outcomes/contracts';
import type { CaseRequestStatus, CourseKind, DecisionOutcome, RequestChannel, TreatmentKind } from '@outcomes/contracts';
import { Transform, Type } from 'class-transformer';
import { trim } from '../../common/dto-transforms';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, MaxLength, Min, ValidateNested } from 'class-validator';

const DATE = { message: '$property must be a date YYYY-MM-DD' };
const AREA = { message: '$property must be a text of at most 10000 characters' };

/** The six areas of the assessment (afdækning), each a free text. */
export class RequestAssessmentDto {
  @IsOptional() @IsString(AREA) @MaxLength(10000, AREA) drugsAndAlcohol?: string | null;
  @IsOptional() @IsString(AREA) @MaxLength(10000, AREA) socialSituation?: string | null;
  @IsOptional() @IsString(AREA) @MaxLength(10000, AREA) health?: string | null;
  @IsOptional() @IsString(AREA) @MaxLength(10000, AREA) workOrEducation?: string | null;
  @IsOptional() @IsString(AREA) @MaxLength(10000, AREA) housing?: string | null;
  @IsOptional() @IsString(AREA) @MaxLength(10000, AREA) otherHelp?: string | null;
}

export class CreateCaseRequestDto {
  @IsUUID('all', { message: 'citizenId must be a UUID' })
  citizenId!: string;

  /**
   * 'sel-101' (Serviceloven § 101, the default) or 'sel-101a': anonymous treatment (§ 101 a), for a
   * citizen without a CPR number only; no treatment guarantee, no decision to appeal.
   */
  @ApiProperty({ enum: COURSE_KINDS, required: false, default: 'sel-101' })
  @IsOptional()
  @IsIn(COURSE_KINDS, { message: `courseKind must be one of ${COURSE_KINDS.join(', ')}` })
  courseKind?: CourseKind;

  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  requestedOn!: string;

  @ApiProperty({ enum: REQUEST_CHANNELS })
  @IsIn(REQUEST_CHANNELS, { message: `channel must be one of ${REQUEST_CHANNELS.join(', ')}` })
  channel!: RequestChannel;

  /** The treatment place that received the request; absent or null: the municipality itself. */
  @IsOptional()
  @IsUUID('all', { message: 'receivedByCentreId must be a UUID' })
  receivedByCentreId?: string | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => RequestAssessmentDto)
  assessment?: RequestAssessmentDto;
}

/** What changes on a request: the assessment, the guarantee's records, open or closed. */
export class UpdateCaseRequestDto {
  @IsOptional()
  @ValidateNested()
  @Type(() => RequestAssessmentDto)
  assessment?: RequestAssessmentDto;

  @ApiProperty({ enum: CASE_REQUEST_STATUSES })
  @IsIn(CASE_REQUEST_STATUSES, { message: `status must be one of ${CASE_REQUEST_STATUSES.join(', ')}` })
  status!: CaseRequestStatus;

  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  closedOn?: string | null;

  /** The citizen chose another place under free choice (§ 101 stk. 6). */
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  waiverOn?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'missedReason must be at most 2000 characters' })
  missedReason?: string | null;

  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  doctorConversationOn?: string | null;

  @IsInt()
  @Min(1)
  version!: number;
}

export class CreateDecisionDto {
  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  decidedOn!: string;

  @ApiProperty({ enum: DECISION_OUTCOMES })
  @IsIn(DECISION_OUTCOMES, { message: `outcome must be one of ${DECISION_OUTCOMES.join(', ')}` })
  outcome!: DecisionOutcome;

  @IsOptional()
  @IsUUID('all', { message: 'programmeId must be a UUID' })
  programmeId?: string | null;

  @IsOptional()
  @IsUUID('all', { message: 'centreId must be a UUID' })
  centreId?: string | null;

  @Transform(trim)
  @IsString({ message: 'reasons must be a text' })
  @Length(1, 10000, { message: 'reasons must be a written text of 1 to 10000 characters' })
  reasons!: string;

  @Transform(trim)
  @IsString({ message: 'legalBasis is required (e.g. Serviceloven § 101)' })
  @Length(1, 2000, { message: 'legalBasis is required (e.g. Serviceloven § 101), at most 2000 characters' })
  legalBasis!: string;

  @Transform(trim)
  @IsString({ message: 'complaintGuidance is required: 4 weeks, to the municipality, then Ankestyrelsen' })
  @Length(1, 4000, { message: 'complaintGuidance is required: 4 weeks, to the municipality, then Ankestyrelsen (at most 4000 characters)' })
  complaintGuidance!: string;

  /** The kind of treatment decided (outpatient / day / residential); optional. */
  @IsOptional()
  @IsIn(TREATMENT_KINDS, { message: `treatmentKind must be one of ${TREATMENT_KINDS.join(', ')}` })
  treatmentKind?: TreatmentKind | null;
}
