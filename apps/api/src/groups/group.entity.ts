import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseRecordEntity } from '../database/base-record.entity';
import { EnrolmentEntity } from '../enrolments/enrolment.entity';
import { CentreEntity } from '../municipalities/centre.entity';
import { ProgrammeEntity } from '../programmes/programme.entity';

/** A group: a closed course (HCS) with its cohort, or a standing group (SMART Recovery). */
@Entity('treatment_group')
@Check('treatment_group_kind_check', `"kind" IN ('course', 'standing')`)
export class GroupEntity extends BaseRecordEntity {
  @Column({ type: 'uuid' })
  municipalityId!: string;

  @Column({ type: 'uuid' })
  programmeId!: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id' })
  programme?: Relation<ProgrammeEntity>;

  @Column({ type: 'uuid' })
  centreId!: string;

  @ManyToOne(() => CentreEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'centre_id' })
  centre?: Relation<CentreEntity>;

  @Column({ type: 'varchar', length: 20 })
  kind!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'date', nullable: true })
  startDate!: string | null;

  /** HH:MM, Danish local time. */
  @Column({ type: 'varchar', length: 5 })
  startTime!: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  place!: string | null;

  /** Standing groups: 1 = Monday ... 7 = Sunday. */
  @Column({ type: 'int', nullable: true })
  weekday!: number | null;
}

/** An enrolment in a course's cohort. */
@Entity('group_member')
export class GroupMemberEntity {
  @PrimaryColumn({ type: 'uuid' })
  groupId!: string;

  @PrimaryColumn({ type: 'uuid' })
  enrolmentId!: string;

  @Column({ type: 'uuid' })
  municipalityId!: string;

  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<GroupEntity>;

  @ManyToOne(() => EnrolmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Relation<EnrolmentEntity>;
}

@Entity('group_meeting')
@Index('group_meeting_group_starts', ['groupId', 'startsAt'])
@Index('group_meeting_number_unique', ['groupId', 'number'], { unique: true, where: '"number" IS NOT NULL' })
@Check('group_meeting_status_check', `"status" IN ('planned', 'held', 'cancelled')`)
@Check('group_meeting_duration_check', `"duration_minutes" BETWEEN 1 AND 720`)
export class GroupMeetingEntity extends BaseRecordEntity {
  @Column({ type: 'uuid' })
  municipalityId!: string;

  @Column({ type: 'uuid' })
  groupId!: string;

  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<GroupEntity>;

  @Column({ type: 'int', nullable: true })
  number!: number | null;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'int' })
  durationMinutes!: number;

  @Column({ type: 'varchar', length: 20, default: 'planned' })
  status!: string;

  @Column({ type: 'int', nullable: true })
  anonymousHeadcount!: number | null;

  /** Why a meeting went ahead without a trained facilitator, when it did. */
  @Column({ type: 'text', nullable: true })
  untrainedReason!: string | null;
}

/** Who was at a meeting: one row per member, replaced as a whole in one transaction. */
@Entity('group_attendance')
// The outcome report counts a person's attendance per enrolment (the primary key leads with the meeting).
@Index('group_attendance_enrolment', ['enrolmentId'])
@Check('group_attendance_status_check', `"status" IN ('present', 'absent', 'excused')`)
export class GroupAttendanceEntity {
  @PrimaryColumn({ type: 'uuid' })
  meetingId!: string;

  @PrimaryColumn({ type: 'uuid' })
  enrolmentId!: string;

  @Column({ type: 'uuid' })
  municipalityId!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: string;

  @ManyToOne(() => GroupMeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<GroupMeetingEntity>;

  @ManyToOne(() => EnrolmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Relation<EnrolmentEntity>;
}
