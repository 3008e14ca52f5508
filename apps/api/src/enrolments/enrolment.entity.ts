import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CitizenEntity } from '../citizens/citizen.entity';
import { BaseRecordEntity } from '../database/base-record.entity';
import { CentreEntity } from '../municipalities/centre.entity';
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { ProgrammeEntity } from '../programmes/programme.entity';
import { ReferencedByMunicipality, registerProgrammeRule, SameMunicipality } from '../database/same-municipality';
import { UserEntity } from '../users/user.entity';
import { CaseRequestEntity } from '../case-requests/case-request.entity';
import { RegisterEndStatusEntity } from './register-end-status.entity';

registerProgrammeRule('enrolment_programme_same_municipality', 'programmeId');

/** A citizen in a programme at a centre; its state follows the state machine in libs/domain. */
// The shared-read policy's second arm (decision 147): an index scan, not the whole table.
@Index('enrolment_citizen', ['citizenId'])
@Entity('enrolment')
@ReferencedByMunicipality('enrolment')
@SameMunicipality(() => CitizenEntity, 'citizenId', { name: 'enrolment_citizen_same_municipality', what: 'a citizen' })
@SameMunicipality(() => CentreEntity, 'centreId', { name: 'enrolment_centre_same_municipality', what: 'a centre' })
@SameMunicipality(() => UserEntity, 'staffUserId', { name: 'enrolment_staff_user_same_municipality', what: 'a user' })
@SameMunicipality(() => CaseRequestEntity, 'caseRequestId', { name: 'enrolment_case_request_same_municipality', what: 'a request' })
@Index('enrolment_case_request', ['caseRequestId'])
// The literals below are the schema as migrated: OPEN_STATES and ENROLMENT_STATES (libs), held equal by enrolment.entity.spec.ts.
@Index('enrolment_one_open_per_programme', ['citizenId', 'programmeId'], { unique: true, where: `"state" IN ('referred', 'active')` })
@Index('enrolment_municipality_state', ['municipalityId', 'state'])
// The worklist of a staff member.
@Index('enrolment_staff_user', ['staffUserId'])
// COURSE_KINDS (libs/contracts), as migrated. An enrolment linked to a request has the request's kind:
// the key below names the request's (id, course_kind) (not checked when case_request_id is null).
@Check('enrolment_course_kind_check', `"course_kind" IN ('sel-101', 'sel-101a')`)
@ForeignKey(() => CaseRequestEntity, ['caseRequestId', 'courseKind'] as const, ['id', 'courseKind'] as const, { name: 'enrolment_case_request_course_kind', onDelete: 'RESTRICT' })
@Check('enrolment_transferred_to_check', `"transferred_to_municipality_id" IS NULL OR ("state" = 'transferred' AND "transferred_to_municipality_id" <> "municipality_id")`)
@ForeignKey(() => MunicipalityEntity, ['transferredToMunicipalityId'] as const, ['id'] as const, { name: 'enrolment_transferred_to_municipality', onDelete: 'RESTRICT' })
@Check('enrolment_state_check', `"state" IN ('referred', 'active', 'completed', 'dropped_out', 'transferred', 'cancelled')`)
export class EnrolmentEntity extends BaseRecordEntity {
  @Column({ type: 'uuid' })
  municipalityId!: string;

  @Column({ type: 'uuid' })
  citizenId!: string;

  @ManyToOne(() => CitizenEntity, { onDelete: 'RESTRICT', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'citizen_id' })
  citizen?: Relation<CitizenEntity>;

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

  @Column({ type: 'uuid', nullable: true })
  staffUserId!: string | null;

  @Column({ type: 'date' })
  referralDate!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  referralSource!: string | null;

  @Column({ type: 'date', nullable: true })
  startDate!: string | null;

  @Column({ type: 'date', nullable: true })
  endDate!: string | null;

  /** A free-text note on the end, beside the end status (optional). */
  @Column({ type: 'text', nullable: true })
  endReason!: string | null;

  /** The register's status at the end (a code of register_end_status); required when a started course ends. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  endStatus!: string | null;

  @ManyToOne(() => RegisterEndStatusEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'end_status', referencedColumnName: 'code' })
  endStatusCode?: Relation<RegisterEndStatusEntity>;

  @Column({ type: 'varchar', length: 20, default: 'referred' })
  state!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  attestations!: string[];

  @Column({ type: 'text', nullable: true })
  eligibilityOverride!: string | null;

  /** The request this enrolment answers (its start counts for the treatment guarantee); null for enrolments made before requests were recorded. */
  @Column({ type: 'uuid', nullable: true })
  caseRequestId!: string | null;

  /**
   * The course's legal basis: 'sel-101' (Serviceloven § 101, the default) or 'sel-101a' (anonymous
   * treatment, § 101 a). An enrolment answering a request has the request's kind (the key above).
   */
  @Column({ type: 'varchar', length: 10, default: 'sel-101' })
  courseKind!: string;

  /**
   * The secret record key of the cell key method (docs/disclosure.md): uniform in [0, 1), drawn once
   * by the database. Never read by the API's entity reads (select: false), never in an answer,
   * export or log; only the outcome report's own query reads it.
   */
  @Column({ type: 'double precision', default: () => 'random()', select: false })
  recordKey?: number;

  /**
   * Moves (issue 22, decision 110): the municipality a course ended `transferred` moved to; required
   * by the API for that end state, null otherwise (older transferred courses have none).
   */
  @Column({ type: 'uuid', nullable: true })
  transferredToMunicipalityId!: string | null;
}

/** Every state change of an enrolment: who, when, to what, and why. */
@Entity('enrolment_transition')
@SameMunicipality(() => EnrolmentEntity, 'enrolmentId', { name: 'enrolment_transition_enrolment_same_municipality', what: 'an enrolment', onDelete: 'CASCADE' })
@SameMunicipality(() => UserEntity, 'userId', { name: 'enrolment_transition_user_same_municipality', what: 'a user' })
@Index('enrolment_transition_enrolment', ['enrolmentId', 'at'])
export class EnrolmentTransitionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  municipalityId!: string;

  @Column({ type: 'uuid' })
  enrolmentId!: string;

  @ManyToOne(() => EnrolmentEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Relation<EnrolmentEntity>;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromState!: string | null;

  @Column({ type: 'varchar', length: 20 })
  toState!: string;

  /** The date the change took effect (start date, end date). */
  @Column({ type: 'date' })
  onDate!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'uuid' })
  userId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
