import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CitizenEntity } from '../citizens/citizen.entity';
import { BaseRecordEntity } from '../database/base-record.entity';
import { ReferencedByMunicipality, registerProgrammeRule, SameMunicipality } from '../database/same-municipality';
import { CentreEntity } from '../municipalities/centre.entity';
import { ProgrammeEntity } from '../programmes/programme.entity';
import { UserEntity } from '../users/user.entity';

registerProgrammeRule('case_decision_programme_same_municipality', 'programmeId');

/**
 * A citizen's request for treatment (henvendelse) with its assessment (afdækning) and what the
 * treatment guarantee needs. One open request per citizen and municipality (the register's one open
 * contact course): a partial unique index, so two simultaneous requests cannot both open one.
 * The received-by centre may be any municipality's treatment place (free choice, § 101 stk. 5).
 */
// The shared-read policy's second arm (decision 147): an index scan, not the whole table.
@Index('case_request_citizen', ['citizenId'])
@Entity('case_request')
@ReferencedByMunicipality('case_request')
@SameMunicipality(() => CitizenEntity, 'citizenId', { name: 'case_request_citizen_same_municipality', what: 'a citizen' })
@SameMunicipality(() => UserEntity, 'createdByUserId', { name: 'case_request_created_by_same_municipality', what: 'a user' })
@ForeignKey(() => CentreEntity, ['receivedByCentreId'] as const, ['id'] as const, { name: 'case_request_received_by_centre', onDelete: 'RESTRICT' })
// The literal is CASE_REQUEST_STATUSES' open state, as migrated.
@Index('case_request_one_open_per_citizen', ['citizenId'], { unique: true, where: `"status" = 'open'` })
@Index('case_request_municipality_requested', ['municipalityId', 'requestedOn'])
@Check('case_request_status_check', `"status" IN ('open', 'closed')`)
// The literals are COURSE_KINDS (libs/contracts), as migrated. (id, course_kind) is unique so that an
// enrolment's (case_request_id, course_kind) can name it: an enrolment has its request's kind by construction.
@Check('case_request_course_kind_check', `"course_kind" IN ('sel-101', 'sel-101a')`)
@Index('case_request_id_course_kind', ['id', 'courseKind'], { unique: true })
@Check('case_request_channel_check', `"channel" IN ('personal', 'phone', 'written', 'digital', 'via-treatment-place')`)
export class CaseRequestEntity extends BaseRecordEntity {
  @Column({ type: 'uuid' })
  municipalityId!: string;

  @Column({ type: 'uuid' })
  citizenId!: string;

  /**
   * The course's legal basis: 'sel-101' (Serviceloven § 101, the default) or 'sel-101a' (anonymous
   * treatment, § 101 a: no CPR number, no treatment guarantee, no decision to appeal, not in the
   * national register). Never changed after the request is made.
   */
  @Column({ type: 'varchar', length: 10, default: 'sel-101' })
  courseKind!: string;

  /** The first request's date: the guarantee's clock starts here. */
  @Column({ type: 'date' })
  requestedOn!: string;

  @Column({ type: 'varchar', length: 30 })
  channel!: string;

  @Column({ type: 'uuid', nullable: true })
  receivedByCentreId!: string | null;

  /** The six areas of the assessment as one encrypted JSON object (health and drug-use data). */
  @Column({ type: 'text', nullable: true })
  assessmentEncrypted!: string | null;

  @Column({ type: 'varchar', length: 10, default: 'open' })
  status!: string;

  @Column({ type: 'date', nullable: true })
  closedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  waiverOn!: string | null;

  @Column({ type: 'text', nullable: true })
  missedReasonEncrypted!: string | null;

  @Column({ type: 'date', nullable: true })
  doctorConversationOn!: string | null;

  /** Later requests within 10 days, joined to this one: [{ requestedOn, channel, receivedByCentreId, at, userId }]. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  joinedRequests!: unknown[];

  @Column({ type: 'uuid' })
  createdByUserId!: string;
}

/**
 * A written decision (afgørelse) on a request. Never updated or deleted (the API's role may only
 * insert and read it): a changed decision, or one after a complaint, is a new row naming the one it
 * replaces, so the earlier one stays with the case.
 */
// The shared-read policy's second arm (decision 147): an index scan, not the whole table.
@Index('case_decision_citizen', ['citizenId'])
@Entity('case_decision')
@ReferencedByMunicipality('case_decision')
@SameMunicipality(() => CaseRequestEntity, 'caseRequestId', { name: 'case_decision_request_same_municipality', what: 'a request' })
@SameMunicipality(() => CitizenEntity, 'citizenId', { name: 'case_decision_citizen_same_municipality', what: 'a citizen' })
@SameMunicipality(() => UserEntity, 'decidedByUserId', { name: 'case_decision_decided_by_same_municipality', what: 'a user' })
@SameMunicipality(() => CaseDecisionEntity, 'supersedesId', { name: 'case_decision_supersedes_same_municipality', what: 'a decision' })
@ForeignKey(() => CentreEntity, ['centreId'] as const, ['id'] as const, { name: 'case_decision_centre', onDelete: 'RESTRICT' })
@ForeignKey(() => ProgrammeEntity, ['programmeId'] as const, ['id'] as const, { name: 'case_decision_programme', onDelete: 'RESTRICT' })
@Index('case_decision_request', ['caseRequestId', 'createdAt'])
@Check('case_decision_outcome_check', `"outcome" IN ('granted', 'refused')`)
@Check('case_decision_treatment_kind_check', `"treatment_kind" IS NULL OR "treatment_kind" IN ('outpatient', 'day', 'residential')`)
@Check('case_decision_texts_check', `length(btrim("legal_basis")) > 0 AND length(btrim("complaint_guidance")) > 0`)
export class CaseDecisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  municipalityId!: string;

  @Column({ type: 'uuid' })
  caseRequestId!: string;

  @Column({ type: 'uuid' })
  citizenId!: string;

  @Column({ type: 'date' })
  decidedOn!: string;

  @Column({ type: 'varchar', length: 10 })
  outcome!: string;

  @Column({ type: 'uuid', nullable: true })
  programmeId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  centreId!: string | null;

  @Column({ type: 'text' })
  reasonsEncrypted!: string;

  @Column({ type: 'text' })
  legalBasis!: string;

  @Column({ type: 'text' })
  complaintGuidance!: string;

  @Column({ type: 'uuid', nullable: true })
  supersedesId!: string | null;

  @Column({ type: 'uuid' })
  decidedByUserId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** The kind of treatment decided (TREATMENT_KINDS), if recorded: a referral's place must be of it (decision 106). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  treatmentKind!: string | null;
}
