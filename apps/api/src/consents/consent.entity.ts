import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { ConsentEvent } from '@outcomes/contracts';
import { CitizenEntity } from '../citizens/citizen.entity';
import { SameMunicipality } from '../database/same-municipality';
import { UserEntity } from '../users/user.entity';

/**
 * The purposes a citizen's consent is asked for (issue 22): a code list kept as data with its Danish
 * and English label, written only by migrations (the API's role may only SELECT it), like the
 * register's end statuses. `minors_only`: asked only of a citizen under 18 (the parents').
 */
@Entity('consent_purpose')
export class ConsentPurposeEntity {
  @PrimaryColumn({ type: 'varchar', length: 30 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  labelDa!: string;

  @Column({ type: 'varchar', length: 100 })
  labelEn!: string;

  @Column({ type: 'boolean', default: false })
  minorsOnly!: boolean;

  @Column({ type: 'int' })
  sortOrder!: number;
}

/**
 * One entry of a citizen's consent history for one purpose: given, refused or withdrawn on a date,
 * recorded by a user. Append-only (the API's role may only SELECT and INSERT): the current state is
 * the latest entry, numbered 1, 2, 3 per citizen and purpose; the unique number is the optimistic lock,
 * so two entries based on the same state cannot both be stored.
 */
@Entity('citizen_consent')
@SameMunicipality(() => CitizenEntity, 'citizenId', { name: 'citizen_consent_citizen_same_municipality', what: 'a citizen' })
@SameMunicipality(() => UserEntity, 'recordedByUserId', { name: 'citizen_consent_recorded_by_same_municipality', what: 'a user' })
@Index('citizen_consent_entry', ['citizenId', 'purpose', 'entry'], { unique: true })
@Check('citizen_consent_event_check', `"event" IN ('given', 'refused', 'withdrawn')`)
@Check('citizen_consent_entry_check', `"entry" >= 1`)
// Only an entry moved from the old flag (no recorder) may lack its date; every new entry has both.
@Check('citizen_consent_recorded_check', `"recorded_by_user_id" IS NULL OR "on_date" IS NOT NULL`)
export class CitizenConsentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  municipalityId!: string;

  @Column({ type: 'uuid' })
  citizenId!: string;

  @Column({ type: 'varchar', length: 30 })
  purpose!: string;

  @ManyToOne(() => ConsentPurposeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'purpose', referencedColumnName: 'code' })
  purposeCode?: Relation<ConsentPurposeEntity>;

  @Column({ type: 'int' })
  entry!: number;

  @Column({ type: 'varchar', length: 10 })
  event!: ConsentEvent;

  /** The day the citizen gave, refused or withdrew it; null only on an entry moved from the old flag without a date. */
  @Column({ type: 'date', nullable: true })
  onDate!: string | null;

  /**
   * Who recorded it; null only on the entries the migration moved from `citizen.evaluation_consent`,
   * which never stored who recorded it (decision 89).
   */
  @Column({ type: 'uuid', nullable: true })
  recordedByUserId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt!: Date;
}
