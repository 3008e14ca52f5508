import { CONTACT_CHANNELS, TIMEPOINTS } from '@outcomes/contracts';
import type { AsiItemValue, ContactChannel, Timepoint } from '@outcomes/contracts';
import { IsBoolean, IsDateString, IsIn, IsInt, IsObject, IsOptional, IsUUID, Length, Min } from 'class-validator';

const DATE = { message: '$property must be a date YYYY-MM-DD' };

export class CreateAssessmentDto {
  @IsUUID('all', { message: 'enrolmentId must be a UUID' })
  enrolmentId!: string;

  @IsIn(TIMEPOINTS, { message: `timepoint must be one of ${TIMEPOINTS.join(', ')}` })
  timepoint!: Timepoint;

  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  date!: string;

  /** Who interviewed; default: the signed-in staff member. */
  @IsOptional()
  @IsUUID('all', { message: 'interviewerUserId must be a UUID' })
  interviewerUserId?: string;

  /** ASI item code → answer; each checked by asiAnswerErrors (libs/domain). */
  @IsObject({ message: 'items must be an object of ASI item codes and answers' })
  items!: Record<string, AsiItemValue>;
}

export class UpdateAssessmentDto {
  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  date!: string;

  @IsObject({ message: 'items must be an object of ASI item codes and answers' })
  items!: Record<string, AsiItemValue>;

  @IsInt()
  @Min(1)
  version!: number;
}

export class CreateFollowUpAttemptDto {
  @IsIn(TIMEPOINTS, { message: `timepoint must be one of ${TIMEPOINTS.join(', ')}` })
  timepoint!: Timepoint;

  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  date!: string;

  @IsIn(CONTACT_CHANNELS, { message: `channel must be one of ${CONTACT_CHANNELS.join(', ')}` })
  channel!: ContactChannel;

  @IsBoolean()
  reached!: boolean;
}
