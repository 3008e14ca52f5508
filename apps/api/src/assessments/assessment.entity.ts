import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseRecordEntity } from '../database/base-record.entity';
import { CitizenEntity } from '../citizens/citizen.entity';
import { ReferencedByMunicipality, SameMunicipality } from '../database/same-municipality';
import { EnrolmentEntity } from '../enrolments/enrolment.entity';
import { UserEntity } from '../users/user.entity';

const TIMEPOINT_CHECK = `IN ('intake', 'end', 'follow-up-3', 'follow-up-6', 'follow-up-9', 'follow-up-12', 'ad-hoc')`;

/** An ASI assessment: raw items, and the composites and drug-free status scoreAsi() gave for them. */
@Entity('assessment')
@ReferencedByMunicipality('assessment')
@SameMunicipality(() => EnrolmentEntity, 'enrolmentId', { name: 'assessment_enrolment_same_municipality', what: 'an enrolment' })
@SameMunicipality(() => CitizenEntity, 'citizenId', { name: 'assessment_citizen_same_municipality', what: 'a citizen' })
@SameMunicipality(() => UserEntity, 'interviewerUserId', { name: 'assessment_interviewer_same_municipality', what: 'a user' })
@Index('assessment_one_per_timepoint', ['enrolmentId', 'timepoint'], { unique: true, where: `"timepoint" <> 'ad-hoc'` })
@Index('assessment_citizen_date', ['citizenId', 'assessedOn'])
// The worklist and the outcome report read assessments by enrolment, ad hoc ones included (the unique index skips those).
@Index('assessment_enrolment', ['enrolmentId'])
@Check('assessment_timepoint_check', `"timepoint" ${TIMEPOINT_CHECK}`)
export class AssessmentEntity extends BaseRecordEntity {
  @Column({ type: 'uuid' })
  municipalityId!: string;

  @Column({ type: 'uuid' })
  enrolmentId!: string;

  @ManyToOne(() => EnrolmentEntity, { onDelete: 'RESTRICT', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Relation<EnrolmentEntity>;

  @Column({ type: 'uuid' })
  citizenId!: string;

  @Column({ type: 'varchar', length: 20, default: 'ASI' })
  instrument!: string;

  @Column({ type: 'varchar', length: 20, default: '5' })
  instrumentVersion!: string;

  @Column({ type: 'varchar', length: 20 })
  timepoint!: string;

  @Column({ type: 'date' })
  assessedOn!: string;

  @Column({ type: 'uuid' })
  interviewerUserId!: string;

  @Column({ type: 'jsonb' })
  items!: Record<string, number | string | null>;

  @Column({ type: 'double precision', nullable: true }) medical!: number | null;
  @Column({ type: 'double precision', nullable: true }) employment!: number | null;
  @Column({ type: 'double precision', nullable: true }) alcohol!: number | null;
  @Column({ type: 'double precision', nullable: true }) drug!: number | null;
  @Column({ type: 'double precision', nullable: true }) legal!: number | null;
  @Column({ type: 'double precision', nullable: true }) family!: number | null;
  @Column({ type: 'double precision', nullable: true }) psychiatric!: number | null;

  /** Per domain, the items that kept its composite from being computed. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  missing!: Record<string, string[]>;

  @Column({ type: 'boolean', nullable: true })
  drugFree!: boolean | null;
}

/** The assessment as it was before each edit: history is kept. */
@Entity('assessment_revision')
@SameMunicipality(() => AssessmentEntity, 'assessmentId', { name: 'assessment_revision_assessment_same_municipality', what: 'an assessment', onDelete: 'CASCADE' })
@SameMunicipality(() => UserEntity, 'revisedBy', { name: 'assessment_revision_user_same_municipality', what: 'a user' })
@Index('assessment_revision_assessment', ['assessmentId', 'revisedAt'])
export class AssessmentRevisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  municipalityId!: string;

  @Column({ type: 'uuid' })
  assessmentId!: string;

  @ManyToOne(() => AssessmentEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'assessment_id' })
  assessment?: Relation<AssessmentEntity>;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'date' })
  assessedOn!: string;

  @Column({ type: 'jsonb' })
  items!: Record<string, number | string | null>;

  @Column({ type: 'jsonb' })
  composites!: Record<string, number | null>;

  @Column({ type: 'uuid' })
  revisedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  revisedAt!: Date;
}

/** An attempt to reach a citizen for a follow-up, reached or not: the follow-up rate is reported honestly. */
@Entity('follow_up_attempt')
@SameMunicipality(() => EnrolmentEntity, 'enrolmentId', { name: 'follow_up_attempt_enrolment_same_municipality', what: 'an enrolment' })
@SameMunicipality(() => UserEntity, 'userId', { name: 'follow_up_attempt_user_same_municipality', what: 'a user' })
@Index('follow_up_attempt_enrolment', ['enrolmentId', 'timepoint'])
@Check('follow_up_attempt_channel_check', `"channel" IN ('phone', 'sms', 'e-mail', 'letter', 'visit')`)
@Check('follow_up_attempt_timepoint_check', `"timepoint" ${TIMEPOINT_CHECK}`)
export class FollowUpAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  municipalityId!: string;

  @Column({ type: 'uuid' })
  enrolmentId!: string;

  @ManyToOne(() => EnrolmentEntity, { onDelete: 'RESTRICT', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Relation<EnrolmentEntity>;

  @Column({ type: 'varchar', length: 20 })
  timepoint!: string;

  @Column({ type: 'date' })
  attemptedOn!: string;

  @Column({ type: 'varchar', length: 20 })
  channel!: string;

  @Column({ type: 'boolean' })
  reached!: boolean;

  @Column({ type: 'uuid' })
  userId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
