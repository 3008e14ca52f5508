import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseRecordEntity } from '../database/base-record.entity';
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { registerConstraints } from '../database/constraint-fields';

export const PROGRAMME_CODE_UNIQUE = 'programme_code_unique';
// An expression index is not in TypeORM's metadata: the error mapper learns its field here.
registerConstraints([[PROGRAMME_CODE_UNIQUE, ['code']]]);

// Kept in step with PROGRAMME_FORMATS in libs/contracts; the database refuses anything else.
@Entity('programme')
@Check('programme_format_check', `"format" IN ('open-group', 'closed-group', 'outreach', 'individual', 'case-management')`)
@Check('programme_age_range_check', `"min_age" IS NULL OR "max_age" IS NULL OR "min_age" <= "max_age"`)
// One code per catalogue: the national one (municipality NULL) and each municipality's own. NULLS NOT
// DISTINCT is written by hand in the NationalAuthority migration (TypeORM cannot express it).
@Index(PROGRAMME_CODE_UNIQUE, { synchronize: false })
export class ProgrammeEntity extends BaseRecordEntity {
  @Column({ type: 'varchar', length: 20 })
  code!: string;

  /** Null: the national catalogue (the operator's). Else a local programme of this municipality. */
  @Column({ type: 'uuid', nullable: true })
  municipalityId!: string | null;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id' })
  municipality?: Relation<MunicipalityEntity>;

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
