import { Check, Column, Entity } from 'typeorm';
import { BaseRecordEntity } from '../database/base-record.entity';

// Kept in step with PROGRAMME_FORMATS in libs/contracts; the database refuses anything else.
@Entity('programme')
@Check('programme_format_check', `"format" IN ('open-group', 'closed-group', 'outreach', 'individual', 'case-management')`)
@Check('programme_age_range_check', `"min_age" IS NULL OR "max_age" IS NULL OR "min_age" <= "max_age"`)
export class ProgrammeEntity extends BaseRecordEntity {
  @Column({ type: 'varchar', length: 20, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 30 })
  format!: string;

  @Column({ type: 'int', nullable: true })
  expectedSessions!: number | null;

  @Column({ type: 'int', nullable: true })
  sessionMinutes!: number | null;

  @Column({ type: 'int', nullable: true })
  courseWeeks!: number | null;

  @Column({ type: 'int', array: true, default: () => "'{}'" })
  followUpMonths!: number[];

  @Column({ type: 'int', default: 30 })
  followUpWindowDays!: number;

  @Column({ type: 'int', nullable: true })
  minAge!: number | null;

  @Column({ type: 'int', nullable: true })
  maxAge!: number | null;

  @Column({ type: 'text', nullable: true })
  targetGroup!: string | null;

  /** Statements staff must attest to at enrolment (SMART Recovery's target group), from ATTESTATIONS. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  requiredAttestations!: string[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
