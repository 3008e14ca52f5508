import { Check, Column, Entity, Index } from 'typeorm';
import type { EmergencyReviewState } from '@outcomes/contracts';
import { BaseRecordEntity } from '../database/base-record.entity';
import { CitizenEntity } from '../citizens/citizen.entity';
import { SameMunicipality } from '../database/same-municipality';
import { UserEntity } from '../users/user.entity';

/**
 * One emergency access ("break-the-glass", issue 22; docs/decisions.md 81-84): a staff member of
 * `accessorMunicipalityId` opened the record of a citizen of `municipalityId` (the OWNER, whose row
 * this is) with a reason, until `expiresAt` (opened + the owner's `emergency_access_hours`). Written
 * only by emergency_access_open() (SECURITY DEFINER), reviewed by the owner's admin, never deleted:
 * it is the basis of the reads the access log names, and the review is the owner's control of them.
 */
@Entity('emergency_access')
@SameMunicipality(() => CitizenEntity, 'citizenId', { name: 'emergency_access_citizen_same_municipality', what: 'a citizen' })
@SameMunicipality(() => UserEntity, 'accessorUserId', { name: 'emergency_access_accessor_same_municipality', what: 'a user', municipality: 'accessorMunicipalityId' })
@SameMunicipality(() => UserEntity, 'reviewedByUserId', { name: 'emergency_access_reviewer_same_municipality', what: 'a user' })
@Index('emergency_access_queue', ['municipalityId', 'reviewState', 'openedAt'])
@Index('emergency_access_accessor', ['accessorUserId', 'citizenId', 'expiresAt'])
@Index('emergency_access_accessor_municipality', ['accessorMunicipalityId', 'openedAt'])
@Check('emergency_access_review_state_check', `"review_state" IN ('pending', 'reviewed', 'raised')`)
@Check('emergency_access_other_municipality_check', `"accessor_municipality_id" <> "municipality_id"`)
// The reason must say something; the API answers 400 naming `reason` before this is reached.
@Check('emergency_access_reason_check', `char_length(btrim("reason")) BETWEEN 20 AND 2000`)
@Check('emergency_access_expires_check', `"expires_at" > "opened_at"`)
@Check('emergency_access_review_check', `("review_state" = 'pending') = ("reviewed_at" IS NULL) AND ("reviewed_at" IS NULL) = ("reviewed_by_user_id" IS NULL)`)
export class EmergencyAccessEntity extends BaseRecordEntity {
  /** The citizen's municipality: the owner of the record opened, and of this row. */
  @Column({ type: 'uuid' })
  municipalityId!: string;

  @Column({ type: 'uuid' })
  citizenId!: string;

  @Column({ type: 'uuid' })
  accessorMunicipalityId!: string;

  @Column({ type: 'uuid' })
  accessorUserId!: string;

  /** The accessor's name when they opened it: the owner's admin cannot read the other municipality's users. */
  @Column({ type: 'varchar', length: 200 })
  accessorName!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'timestamptz' })
  openedAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  reviewState!: EmergencyReviewState;

  @Column({ type: 'uuid', nullable: true })
  reviewedByUserId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  reviewNote!: string | null;
}
