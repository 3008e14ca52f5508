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
@Index('treatment_session_number_unique', ['enrolmentId', 'sessionNumber'], { unique: true, where: '"session_number" IS NOT NULL' })
@Check('treatment_session_attendance_check', `"attendance" IN ('attended', 'no-show', 'cancelled')`)
@Check('treatment_session_duration_check', `"duration_minutes" BETWEEN 1 AND 720`)
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

  @Column({ type: 'text', nullable: true })
  noteEncrypted!: string | null;
}
