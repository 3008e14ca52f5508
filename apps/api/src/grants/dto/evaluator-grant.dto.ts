import type { CreateEvaluatorGrantInput } from '@outcomes/contracts';
import { Transform } from 'class-transformer';
import { IsEmail, IsISO8601, IsString, Length, MaxLength } from 'class-validator';
import { trim, trimLower } from '../../common/dto-transforms';

/** What the data owner's admin sends: whom (by e-mail: they cannot list other municipalities' users), why, and for how long. */
export class CreateEvaluatorGrantDto implements CreateEvaluatorGrantInput {
  @Transform(trimLower)
  @IsEmail({}, { message: 'evaluatorEmail must be an e-mail address' })
  @MaxLength(254)
  evaluatorEmail!: string;

  @Transform(trim)
  @IsString()
  @Length(3, 500, { message: 'purpose must say why, in 3-500 characters' })
  purpose!: string;

  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'validFrom must be a date (YYYY-MM-DD)' })
  @Length(10, 10, { message: 'validFrom must be a date (YYYY-MM-DD)' })
  validFrom!: string;

  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'validUntil must be a date (YYYY-MM-DD)' })
  @Length(10, 10, { message: 'validUntil must be a date (YYYY-MM-DD)' })
  validUntil!: string;
}
