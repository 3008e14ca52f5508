import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseRecordEntity } from '../database/base-record.entity';
import { EnrolmentEntity } from '../enrolments/enrolment.entity';
import { CentreEntity } from '../municipalities/centre.entity';
import { ProgrammeEntity } from '../programmes/programme.entity';
import { ReferencedByMunicipality, registerProgrammeRule, SameMunicipality } from '../database/same-municipality';

registerProgrammeRule('treatment_group_programme_same_municipality', 'programmeId');

/** A group: a closed course (HCS) with its cohort, or a standing group (SMART Recovery). */
@Entity('treatment_group')
@ReferencedByMunicipality('treatment_group')
@SameMunicipality(() => CentreEntity, 'centreId', { name: 'treatment_group_centre_same_municipality', what: 'a centre' })
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

  @ManyToOne(() => CentreEntity, { onDelete: 'RESTRICT', createForeignKeyConstraints: false })
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
// The shared-read policy's second arm (decision 147): an index scan, not the whole table.
@Index('group_member_enrolment', ['enrolmentId'])
@Entity('group_member')
@SameMunicipality(() => GroupEntity, 'groupId', { name: 'group_member_group_same_municipality', what: 'a group', onDelete: 'CASCADE' })
@SameMunicipality(() => EnrolmentEntity, 'enrolmentId', { name: 'group_member_enrolment_same_municipality', what: 'an enrolment' })
export class GroupMemberEntity {
  @PrimaryColumn({ type: 'uuid' })
  groupId!: string;

  @PrimaryColumn({ type: 'uuid' })
  enrolmentId!: string;

  @Column({ type: 'uuid' })
  municipalityId!: string;

  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<GroupEntity>;

  @ManyToOne(() => EnrolmentEntity, { onDelete: 'RESTRICT', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Relation<EnrolmentEntity>;
}

@Entity('group_meeting')
@ReferencedByMunicipality('group_meeting')
@SameMunicipality(() => GroupEntity, 'groupId', { name: 'group_meeting_group_same_municipality', what: 'a group', onDelete: 'CASCADE' })
@Index('group_meeting_group_starts', ['groupId', 'startsAt'])
@Index('group_meeting_number_unique', ['groupId', 'number'], { unique: true, where: '"number" IS NOT NULL' })
@Check('group_meeting_status_check', `"status" IN ('planned', 'held', 'cancelled')`)
@Check('group_meeting_duration_check', `"duration_minutes" BETWEEN 1 AND 720`)
export class GroupMeetingEntity extends BaseRecordEntity {
  @Column({ type: 'uuid' })
  municipalityId!: string;

  @Column({ type: 'uuid' })
  groupId!: string;

  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: false })
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
@SameMunicipality(() => GroupMeetingEntity, 'meetingId', { name: 'group_attendance_meeting_same_municipality', what: 'a group meeting', onDelete: 'CASCADE' })
@SameMunicipality(() => EnrolmentEntity, 'enrolmentId', { name: 'group_attendance_enrolment_same_municipality', what: 'an enrolment' })
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

  @ManyToOne(() => GroupMeetingEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<GroupMeetingEntity>;

  @ManyToOne(() => EnrolmentEntity, { onDelete: 'RESTRICT', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Relation<EnrolmentEntity>;
}
