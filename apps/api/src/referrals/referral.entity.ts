import { Check, Column, Entity, ForeignKey, Index } from 'typeorm';
import { CaseRequestEntity } from '../case-requests/case-request.entity';
import { CitizenEntity } from '../citizens/citizen.entity';
import { BaseRecordEntity } from '../database/base-record.entity';
import { SameMunicipality } from '../database/same-municipality';
import { EnrolmentEntity } from '../enrolments/enrolment.entity';
import { RegisterEndStatusEntity } from '../enrolments/register-end-status.entity';
import { TreatmentProviderEntity } from '../treatment-providers/treatment-provider.entity';
import { CentreEntity } from '../municipalities/centre.entity';
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { UserEntity } from '../users/user.entity';

/**
 * A referral under free choice (Serviceloven § 101 stk. 5-7), owned by the referring municipality
 * (`municipality_id`), which keeps the decision. The receiving municipality never reads this row
 * through a policy: it sees its incoming referrals, and answers them, only through the definer
 * functions `referral_incoming` and `referral_answer` (migration ReferralsTenancy), which answer what
 * the referral shows and nothing of the referring municipality's other records. The referring side
 * follows the course it led to through `referral_progress`.
 *
 * The receiving centre is named with its municipality, `(to_municipality_id, to_centre_id)`, so the
 * database holds that the place belongs to the municipality the referral is addressed to.
 * `receiving_enrolment_id` is the receiving municipality's own enrolment, set only by
 * `referral_answer` (which checks it is the caller's, at the referral's centre); SET NULL so that the
 * receiving side's erasure of its course is never blocked by the referring side's row.
 */
@Entity('referral')
@SameMunicipality(() => CitizenEntity, 'citizenId', { name: 'referral_citizen_same_municipality', what: 'a citizen' })
@SameMunicipality(() => CaseRequestEntity, 'caseRequestId', { name: 'referral_case_request_same_municipality', what: 'a request' })
@SameMunicipality(() => UserEntity, 'createdByUserId', { name: 'referral_created_by_same_municipality', what: 'a user' })
@SameMunicipality(() => CentreEntity, 'toCentreId', { name: 'referral_to_centre_of_municipality', what: 'a centre', municipality: 'toMunicipalityId' })
@ForeignKey(() => MunicipalityEntity, ['toMunicipalityId'] as const, ['id'] as const, { name: 'referral_to_municipality', onDelete: 'RESTRICT' })
@ForeignKey(() => TreatmentProviderEntity, ['providerId'] as const, ['id'] as const, { name: 'referral_provider', onDelete: 'RESTRICT' })
@ForeignKey(() => RegisterEndStatusEntity, ['outcomeEndStatus'] as const, ['code'] as const, { name: 'referral_outcome_end_status', onDelete: 'RESTRICT' })
@ForeignKey(() => EnrolmentEntity, ['receivingEnrolmentId'] as const, ['id'] as const, { name: 'referral_receiving_enrolment', onDelete: 'SET NULL' })
@Index('referral_municipality_created', ['municipalityId', 'createdAt'])
@Index('referral_to_municipality_state', ['toMunicipalityId', 'state'])
@Index('referral_citizen', ['citizenId'])
// The literals are REFERRAL_STATES (libs/contracts), as migrated.
@Check('referral_state_check', `"state" IN ('sent', 'accepted', 'declined', 'withdrawn')`)
@Check('referral_elsewhere_check', `"to_municipality_id" <> "municipality_id"`)
// Exactly one place: another municipality's centre (with its municipality) or an approved provider (decision 105).
@Check('referral_place_check', `("provider_id" IS NULL) = ("to_centre_id" IS NOT NULL) AND ("to_centre_id" IS NULL) = ("to_municipality_id" IS NULL)`)
// A provider's reported outcome: both or neither, only on a provider's accepted referral (decision 107).
@Check('referral_outcome_check', `("outcome_end_date" IS NULL) = ("outcome_end_status" IS NULL) AND ("outcome_end_date" IS NULL OR ("provider_id" IS NOT NULL AND "state" = 'accepted'))`)
@Index('referral_provider_id', ['providerId'])
@Check('referral_receiving_enrolment_check', `"receiving_enrolment_id" IS NULL OR "state" = 'accepted'`)
export class ReferralEntity extends BaseRecordEntity {
  @Column({ type: 'uuid' })
  municipalityId!: string;

  @Column({ type: 'uuid' })
  citizenId!: string;

  @Column({ type: 'uuid' })
  caseRequestId!: string;

  /** Null when the referral is to a provider. */
  @Column({ type: 'uuid', nullable: true })
  toMunicipalityId!: string | null;

  /** Null when the referral is to a provider. */
  @Column({ type: 'uuid', nullable: true })
  toCentreId!: string | null;

  /** An approved private treatment provider (national register); null when the referral is to a centre. */
  @Column({ type: 'uuid', nullable: true })
  providerId!: string | null;

  @Column({ type: 'date' })
  referredOn!: string;

  /** The day the citizen chose the place themselves (the guarantee's only waiver, § 101 stk. 6); null: the municipality's referral. */
  @Column({ type: 'date', nullable: true })
  citizenChoiceOn!: string | null;

  @Column({ type: 'text', nullable: true })
  messageEncrypted!: string | null;

  /** Who is referred, as the referral shows them to the receiving side: { cpr, firstName, lastName, birthYear, sex }, encrypted. */
  @Column({ type: 'text' })
  identityEncrypted!: string;

  @Column({ type: 'varchar', length: 10, default: 'sent' })
  state!: string;

  @Column({ type: 'date', nullable: true })
  answeredOn!: string | null;

  /** The receiving side's reason to decline, or the referring side's to withdraw. */
  @Column({ type: 'text', nullable: true })
  reasonEncrypted!: string | null;

  /** The user of the receiving municipality who answered (not a key: that user is not of this row's municipality). */
  @Column({ type: 'uuid', nullable: true })
  answeredByUserId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  receivingEnrolmentId!: string | null;

  @Column({ type: 'uuid' })
  createdByUserId!: string;

  /** A provider's course as it reported it, recorded by the referring staff: the end date... */
  @Column({ type: 'date', nullable: true })
  outcomeEndDate!: string | null;

  /** ...and the register's end status (register_end_status). */
  @Column({ type: 'varchar', length: 30, nullable: true })
  outcomeEndStatus!: string | null;
}
