import { YOUTH_CONSENT_KINDS } from '@outcomes/contracts';
import type { YouthConsentKind } from '@outcomes/contracts';
import { IsDateString, IsIn, IsInt, IsString, IsUUID, Length, Min, ValidateIf } from 'class-validator';

const DATE = { message: '$property must be a date YYYY-MM-DD' };

export class CreateYouthConsentDto {
  @IsUUID('all', { message: 'enrolmentId must be a UUID' })
  enrolmentId!: string;

  @IsIn(YOUTH_CONSENT_KINDS, { message: `kind must be one of ${YOUTH_CONSENT_KINDS.join(', ')}` })
  kind!: YouthConsentKind;

  /** The custodial parent's name: required for a parent's consent, refused for the young person's own. */
  @ValidateIf((o: CreateYouthConsentDto) => o.kind === 'custodial-parent' || (o.givenBy !== undefined && o.givenBy !== null))
  @IsString({ message: 'givenBy must be the custodial parent\'s name (text)' })
  @Length(2, 200, { message: 'givenBy must be the custodial parent\'s name, 2 to 200 characters' })
  givenBy?: string | null;

  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  givenOn!: string;
}

/** A consent is never edited or deleted; it is withdrawn on a date. */
export class WithdrawYouthConsentDto {
  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  withdrawnOn!: string;

  @IsInt({ message: 'version must be an integer' })
  @Min(1)
  version!: number;
}
