import { CONSENT_EVENTS } from '@outcomes/contracts';
import type { ConsentEntryInput, ConsentEvent } from '@outcomes/contracts';
import { IsDateString, IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';

const DATE = { message: '$property must be a date YYYY-MM-DD' };

/** One new entry of a citizen's consent history; nothing is ever edited or deleted. */
export class CreateConsentEntryDto implements ConsentEntryInput {
  /** A code of the purposes' code list (checked against the table, which the 400 lists). */
  @IsString({ message: 'purpose must be a purpose code (text)' })
  @Length(1, 30, { message: 'purpose must be a purpose code, 1 to 30 characters' })
  purpose!: string;

  @IsIn(CONSENT_EVENTS, { message: `event must be one of ${CONSENT_EVENTS.join(', ')}` })
  event!: ConsentEvent;

  /** The day the citizen gave, refused or withdrew it. */
  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  onDate!: string;

  /** The number of the latest entry the user saw for this purpose (0: none yet); a stale one is a 409. */
  @IsInt({ message: 'basedOnEntry must be an integer' })
  @Min(0)
  @Max(1_000_000)
  basedOnEntry!: number;
}
