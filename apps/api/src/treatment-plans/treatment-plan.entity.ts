import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CitizenEntity } from '../citizens/citizen.entity';
import { SameMunicipality } from '../database/same-municipality';
import { EnrolmentEntity } from '../enrolments/enrolment.entity';
import { UserEntity } from '../users/user.entity';

/**
 * One revision of an enrolment's treatment plan (§ 101 stk. 8). Append-only: a revision is a new row,
 * numbered 1, 2, 3 per enrolment (the unique number is the optimistic lock: two revisions based on the
 * same one cannot both be stored); the plan is the newest. The plan's words are personal data and
 * encrypted as one JSON text; the review date and "made with the citizen" are plain for the worklist.
 */
// The shared-read policy's second arm (decision 147): an index scan, not the whole table.
@Index('treatment_plan_revision_citizen', ['citizenId'])
@Entity('treatment_plan_revision')
@SameMunicipality(() => EnrolmentEntity, 'enrolmentId', { name: 'treatment_plan_revision_enrolment_same_municipality', what: 'an enrolment' })
@SameMunicipality(() => CitizenEntity, 'citizenId', { name: 'treatment_plan_revision_citizen_same_municipality', what: 'a citizen' })
@SameMunicipality(() => UserEntity, 'revisedBy', { name: 'treatment_plan_revision_user_same_municipality', what: 'a user' })
@Index('treatment_plan_revision_number', ['enrolmentId', 'revision'], { unique: true })
@Index('treatment_plan_revision_review', ['municipalityId', 'reviewDate'])
@Check('treatment_plan_revision_number_check', `"revision" >= 1`)
@Check('treatment_plan_revision_made_with_check', `NOT "made_with_citizen" OR "made_with_citizen_on" IS NOT NULL`)
export class TreatmentPlanRevisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  municipalityId!: string;

  @Column({ type: 'uuid' })
  enrolmentId!: string;

  @Column({ type: 'uuid' })
  citizenId!: string;

  @Column({ type: 'int' })
  revision!: number;

  /** Goals, actions, duration, resources, actors, responsibilities, reason: JSON, encrypted by the API. */
  @Column({ type: 'text' })
  contentEncrypted!: string;

  @Column({ type: 'date' })
  reviewDate!: string;

  @Column({ type: 'boolean' })
  madeWithCitizen!: boolean;

  @Column({ type: 'date', nullable: true })
  madeWithCitizenOn!: string | null;

  @Column({ type: 'uuid' })
  revisedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  revisedAt!: Date;
}
