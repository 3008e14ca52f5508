import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseRecordEntity } from '../database/base-record.entity';
import { CitizenEntity } from '../citizens/citizen.entity';
import { SameMunicipality } from '../database/same-municipality';
import { EnrolmentEntity } from '../enrolments/enrolment.entity';
import { UserEntity } from '../users/user.entity';

/** An individual session on an enrolment. The note is encrypted by the API and never exported. */
@Entity('treatment_session')
@SameMunicipality(() => EnrolmentEntity, 'enrolmentId', { name: 'treatment_session_enrolment_same_municipality', what: 'an enrolment' })
@SameMunicipality(() => CitizenEntity, 'citizenId', { name: 'treatment_session_citizen_same_municipality', what: 'a citizen' })
@SameMunicipality(() => UserEntity, 'staffUserId', { name: 'treatment_session_staff_user_same_municipality', what: 'a user' })
@Index('treatment_session_enrolment_starts', ['enrolmentId', 'startsAt'])
@Index('treatment_session_citizen_starts', ['citizenId', 'startsAt'])
// A session entered in error keeps its number but frees it for the session that replaces it.
@Index('treatment_session_number_unique', ['enrolmentId', 'sessionNumber'], { unique: true, where: '"session_number" IS NOT NULL AND "entered_in_error_at" IS NULL' })
@Check('treatment_session_attendance_check', `"attendance" IN ('attended', 'no-show', 'cancelled')`)
@Check('treatment_session_duration_check', `"duration_minutes" BETWEEN 1 AND 720`)
@Check('treatment_session_entered_in_error_check', `("entered_in_error_at" IS NULL) = ("entered_in_error_by" IS NULL) AND ("entered_in_error_at" IS NULL) = ("entered_in_error_reason" IS NULL)`)
export class TreatmentSessionEntity extends BaseRecordEntity {
  @Column({ type: 'uuid' })
  municipalityId!: string;

  @Column({ type: 'uuid' })
  enrolmentId!: string;

  @ManyToOne(() => EnrolmentEntity, { onDelete: 'RESTRICT', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Relation<EnrolmentEntity>;

  /** The enrolment's citizen, kept here for the timeline and the access log. */
  @Column({ type: 'uuid' })
  citizenId!: string;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'int' })
  durationMinutes!: number;

  @Column({ type: 'uuid' })
  staffUserId!: string;

  @Column({ type: 'varchar', length: 50 })
  kind!: string;

  @Column({ type: 'int', nullable: true })
  sessionNumber!: number | null;

  @Column({ type: 'varchar', length: 20 })
  attendance!: string;

  /** The note's current text; every version, the first included, is kept in note_version. */
  @Column({ type: 'text', nullable: true })
  noteEncrypted!: string | null;

  /**
   * Entered in error (fejlregistreret): the session stays, marked, and leaves every figure (attendance
   * toward the protocol, minutes, exports, the one-a-day rule). Never deleted: it is part of the record.
   */
  @Column({ type: 'timestamptz', nullable: true })
  enteredInErrorAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  enteredInErrorBy!: string | null;

  @Column({ type: 'text', nullable: true })
  enteredInErrorReason!: string | null;
}
