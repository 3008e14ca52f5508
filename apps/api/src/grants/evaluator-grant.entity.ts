import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseRecordEntity } from '../database/base-record.entity';
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { SameMunicipality } from '../database/same-municipality';
import { UserEntity } from '../users/user.entity';

/**
 * A municipality's grant of its pseudonymised data to another municipality's evaluator. Made by the
 * data owner's admin (row-level security: only they insert and revoke), seen by both sides, never
 * deleted: a revoked or expired grant stays as the record of who could see what, when.
 */
@Entity('evaluator_grant')
// Granted by a user of the data owner; the evaluator is a user of evaluator_municipality_id. (Revoked
// by either side: the owner's admin, or the evaluator's admin by a change of role; so no key there.)
@SameMunicipality(() => UserEntity, 'grantedByUserId', { name: 'evaluator_grant_granted_by_same_municipality', what: 'a user' })
@SameMunicipality(() => UserEntity, 'evaluatorUserId', { name: 'evaluator_grant_evaluator_of_its_municipality', what: 'a user', municipality: 'evaluatorMunicipalityId', field: 'evaluatorEmail' })
@Index('evaluator_grant_evaluator', ['evaluatorUserId'])
@Index('evaluator_grant_municipality', ['municipalityId', 'validUntil'])
export class EvaluatorGrantEntity extends BaseRecordEntity {
  @Column({ type: 'uuid' })
  evaluatorUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evaluator_user_id' })
  evaluator?: Relation<UserEntity>;

  /** Copied when granted: the grantor's admin cannot read another municipality's users. */
  @Column({ type: 'varchar', length: 254 })
  evaluatorEmail!: string;

  @Column({ type: 'uuid' })
  evaluatorMunicipalityId!: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evaluator_municipality_id' })
  evaluatorMunicipality?: Relation<MunicipalityEntity>;

  /** The data owner: the municipality whose data is granted, the granting admin's own. */
  @Column({ type: 'uuid' })
  municipalityId!: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id' })
  municipality?: Relation<MunicipalityEntity>;

  @Column({ type: 'uuid' })
  grantedByUserId!: string;

  @Column({ type: 'varchar', length: 500 })
  purpose!: string;

  @Column({ type: 'date' })
  validFrom!: string;

  @Column({ type: 'date' })
  validUntil!: string;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  revokedByUserId!: string | null;
}
