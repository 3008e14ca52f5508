import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseRecordEntity } from '../database/base-record.entity';
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { ReferencedByMunicipality } from '../database/same-municipality';
import { registerConstraints } from '../database/constraint-fields';

export const USER_EMAIL_UNIQUE = 'app_user_email_unique';
// An expression index is not in TypeORM's metadata: the error mapper learns its field here.
registerConstraints([[USER_EMAIL_UNIQUE, ['email']]]);

/** A person who signs in: staff, coordinator, evaluator or admin of one municipality, or the national operator. */
@Entity('app_user')
@ReferencedByMunicipality('app_user')
// Unique on lower(email): an expression index, created by hand in the TenantIsolation migration.
@Index(USER_EMAIL_UNIQUE, { synchronize: false })
@Check('app_user_role_check', `"role" IN ('staff', 'coordinator', 'evaluator', 'admin', 'operator')`)
// The national operator alone belongs to no municipality.
@Check('app_user_operator_check', `("role" = 'operator') = ("municipality_id" IS NULL)`)
export class UserEntity extends BaseRecordEntity {
  /** Null for the national operator only (see the check above). */
  @Column({ type: 'uuid', nullable: true })
  municipalityId!: string | null;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id' })
  municipality?: Relation<MunicipalityEntity>;

  /** Stored lower-case; unique across the installation (see the migration's index). */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  displayName!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: string;

  /** argon2id PHC string; never leaves the API. */
  @Column({ type: 'text', select: false })
  passwordHash!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Raised on logout, deactivation and password change: every token issued before is void. */
  @Column({ type: 'int', default: 0, select: false })
  tokenVersion!: number;

  /** Failed sign-ins since the last successful one; drives the per-account delay (migration LoginDelay), shown to the admin. */
  @Column({ type: 'int', default: 0 })
  failedLogins!: number;

  /** When a sign-in as this user last failed (kept after a successful one), shown to the admin. */
  @Column({ type: 'timestamptz', nullable: true })
  lastFailedLoginAt!: Date | null;

  /** When the last attempt was looked at: the delay runs from here. Internal to auth_login_admit. */
  @Column({ type: 'timestamptz', nullable: true, select: false })
  loginAttemptAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;
}
