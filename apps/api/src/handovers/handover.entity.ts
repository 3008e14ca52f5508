import { Check, Column, Entity, ForeignKey, Index } from 'typeorm';
import { CitizenEntity } from '../citizens/citizen.entity';
import { BaseRecordEntity } from '../database/base-record.entity';
import { SameMunicipality } from '../database/same-municipality';
import { EnrolmentEntity } from '../enrolments/enrolment.entity';
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { UserEntity } from '../users/user.entity';

/**
 * A hand-over of a citizen who moves (issue 22, decisions 110-114), owned by the OLD municipality
 * (`municipality_id`), which closed its course (`transferred`, naming the destination). The new
 * municipality (`to_municipality_id`) never reads this row through a policy: it sees its incoming
 * hand-overs and answers them only through the definer functions `handover_incoming` and
 * `handover_answer` (migration HandoversTenancy). Accepting opens the new municipality's own citizen and
 * course and sets `read_until` (answered + the SENDING municipality's `handover_read_days`): until
 * then, an accepted hand-over is a basis of app_shared_citizen_ids(), so the new municipality's staff
 * read the old record read-only, through the hand-over's record route only, logged in both logs.
 *
 * `receiving_enrolment_id` is the new municipality's own course, set only by `handover_answer`; SET NULL
 * so that the new side's erasure of its course is never blocked by the old side's row.
 */
@Entity('handover')
@SameMunicipality(() => CitizenEntity, 'citizenId', { name: 'handover_citizen_same_municipality', what: 'a citizen' })
@SameMunicipality(() => UserEntity, 'createdByUserId', { name: 'handover_created_by_same_municipality', what: 'a user' })
@SameMunicipality(() => EnrolmentEntity, 'enrolmentId', { name: 'handover_enrolment_same_municipality', what: 'an enrolment' })
@ForeignKey(() => MunicipalityEntity, ['toMunicipalityId'] as const, ['id'] as const, { name: 'handover_to_municipality', onDelete: 'RESTRICT' })
@ForeignKey(() => EnrolmentEntity, ['receivingEnrolmentId'] as const, ['id'] as const, { name: 'handover_receiving_enrolment', onDelete: 'SET NULL' })
@Index('handover_municipality_created', ['municipalityId', 'createdAt'])
@Index('handover_to_municipality_state', ['toMunicipalityId', 'state'])
@Index('handover_citizen', ['citizenId'])
@Index('handover_enrolment', ['enrolmentId'])
// The literals are HANDOVER_STATES (libs/contracts), as migrated.
@Check('handover_state_check', `"state" IN ('sent', 'accepted', 'declined', 'withdrawn')`)
@Check('handover_elsewhere_check', `"to_municipality_id" <> "municipality_id"`)
@Check('handover_accepted_check', `("state" = 'accepted') = ("read_until" IS NOT NULL)`)
@Check('handover_receiving_enrolment_check', `"receiving_enrolment_id" IS NULL OR "state" = 'accepted'`)
export class HandoverEntity extends BaseRecordEntity {
  /** The old (sending) municipality: the owner of the record handed over, and of this row. */
  @Column({ type: 'uuid' })
  municipalityId!: string;

  @Column({ type: 'uuid' })
  citizenId!: string;

  /** The old course that ended `transferred` with this destination, when the hand-over came with it. */
  @Column({ type: 'uuid', nullable: true })
  enrolmentId!: string | null;

  /** The new municipality. */
  @Column({ type: 'uuid' })
  toMunicipalityId!: string;

  @Column({ type: 'text', nullable: true })
  messageEncrypted!: string | null;

  /** Who is handed over, as the hand-over shows them to the new side: { cpr, firstName, lastName, birthYear, sex }, encrypted. */
  @Column({ type: 'text' })
  identityEncrypted!: string;

  @Column({ type: 'varchar', length: 10, default: 'sent' })
  state!: string;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  /** The new side's reason to decline, or the old side's to withdraw. */
  @Column({ type: 'text', nullable: true })
  reasonEncrypted!: string | null;

  /** The user of the new municipality who answered (not a key: that user is not of this row's municipality). */
  @Column({ type: 'uuid', nullable: true })
  answeredByUserId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  receivingEnrolmentId!: string | null;

  /** Until when the new municipality's staff may read the old record (accepted only): answered + the old municipality's handover_read_days. */
  @Column({ type: 'timestamptz', nullable: true })
  readUntil!: Date | null;

  @Column({ type: 'uuid' })
  createdByUserId!: string;
}
