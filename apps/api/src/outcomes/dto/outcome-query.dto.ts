import { IsDateString, IsOptional, IsUUID, Length } from 'class-validator';

const DATE = { message: '$property must be a date YYYY-MM-DD' };

/** Which report: a programme, a municipality (default: your own), a referral period. No personal data, so a query string is fine. */
export class OutcomeQueryDto {
  @IsUUID('all', { message: 'programmeId must be a UUID' })
  programmeId!: string;

  @IsOptional()
  @IsUUID('all', { message: 'municipalityId must be a UUID' })
  municipalityId?: string;

  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  from!: string;

  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  to!: string;
}

/** Which kept figures (decision 166): a programme, a municipality (default: your own). */
export class KeptQueryDto {
  @IsUUID('all', { message: 'programmeId must be a UUID' })
  programmeId!: string;

  @IsOptional()
  @IsUUID('all', { message: 'municipalityId must be a UUID' })
  municipalityId?: string;
}
