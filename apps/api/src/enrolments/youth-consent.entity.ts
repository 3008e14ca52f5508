import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import type { YouthConsentKind } from '@outcomes/contracts';
import { BaseRecordEntity } from '../database/base-record.entity';
import { CitizenEntity } from '../citizens/citizen.entity';
import { SameMunicipality } from '../database/same-municipality';
import { UserEntity } from '../users/user.entity';
import { EnrolmentEntity } from './enrolment.entity';

/**
 * A consent to a young person's treatment (Barnets lov § 33): a custodial parent's, or from 15 the young
 * person's own. Never deleted: a consent that ends is withdrawn on a date, so what held when treatment
 * started stays on record. The parent's name is encrypted like every identifier.
 */
// The shared-read policy's second arm (decision 147): an index scan, not the whole table.
@Index('youth_consent_citizen', ['citizenId'])
@Entity('youth_consent')
@SameMunicipality(() => EnrolmentEntity, 'enrolmentId', { name: 'youth_consent_enrolment_same_municipality', what: 'an enrolment' })
@SameMunicipality(() => CitizenEntity, 'citizenId', { name: 'youth_consent_citizen_same_municipality', what: 'a citizen' })
@SameMunicipality(() => UserEntity, 'recordedByUserId', { name: 'youth_consent_recorded_by_same_municipality', what: 'a user' })
@Index('youth_consent_enrolment', ['enrolmentId'])
@Check('youth_consent_kind_check', `"kind" IN ('custodial-parent', 'young-person')`)
@Check('youth_consent_given_by_check', `("kind" = 'custodial-parent') = ("given_by_encrypted" IS NOT NULL)`)
@Check('youth_consent_withdrawn_after_given_check', `"withdrawn_on" IS NULL OR "withdrawn_on" >= "given_on"`)
export class YouthConsentEntity extends BaseRecordEntity {
  @Column({ type: 'uuid' })
  municipalityId!: string;

  @Column({ type: 'uuid' })
  enrolmentId!: string;

  @ManyToOne(() => EnrolmentEntity, { onDelete: 'RESTRICT', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Relation<EnrolmentEntity>;

  /** The enrolment's citizen, kept here for the access log. */
  @Column({ type: 'uuid' })
  citizenId!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: YouthConsentKind;

  @Column({ type: 'text', nullable: true })
  givenByEncrypted!: string | null;

  @Column({ type: 'date' })
  givenOn!: string;

  @Column({ type: 'uuid' })
  recordedByUserId!: string;

  @Column({ type: 'date', nullable: true })
  withdrawnOn!: string | null;
}
