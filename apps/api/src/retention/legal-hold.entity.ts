import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseRecordEntity } from '../database/base-record.entity';
import { CitizenEntity } from '../citizens/citizen.entity';
import { SameMunicipality } from '../database/same-municipality';
import { UserEntity } from '../users/user.entity';

/**
 * A legal hold on a citizen (decision 99): while one is in force (not lifted) retention erases
 * nothing of the citizen, and an explicit erasure answers 409 LEGAL_HOLD. Placed and lifted by
 * staff with a reason each; a lifted hold stays as history (until the citizen is erased with it).
 * At most one hold in force per citizen.
 */
@Entity('legal_hold')
@SameMunicipality(() => CitizenEntity, 'citizenId', { name: 'legal_hold_citizen_same_municipality', what: 'a citizen' })
@SameMunicipality(() => UserEntity, 'placedByUserId', { name: 'legal_hold_placed_by_same_municipality', what: 'a user' })
@SameMunicipality(() => UserEntity, 'liftedByUserId', { name: 'legal_hold_lifted_by_same_municipality', what: 'a user' })
@Index('legal_hold_one_in_force', ['citizenId'], { unique: true, where: '"lifted_at" IS NULL' })
@Check('legal_hold_lifted_check', `("lifted_at" IS NULL) = ("lifted_by_user_id" IS NULL) AND ("lifted_at" IS NULL) = ("lift_reason" IS NULL)`)
export class LegalHoldEntity extends BaseRecordEntity {
  @Column({ type: 'uuid' })
  municipalityId!: string;

  @Column({ type: 'uuid' })
  citizenId!: string;

  @ManyToOne(() => CitizenEntity, { onDelete: 'RESTRICT', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'citizen_id' })
  citizen?: Relation<CitizenEntity>;

  /** Why the citizen's records must be kept (a court case, a complaint, an inquiry). */
  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Column({ type: 'uuid' })
  placedByUserId!: string;

  @Column({ type: 'timestamptz', nullable: true })
  liftedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  liftedByUserId!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  liftReason!: string | null;
}
