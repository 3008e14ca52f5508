import type { OutcomeReport } from '@outcomes/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { ProgrammeEntity } from '../programmes/programme.entity';
import { RetentionRunEntity } from '../retention/retention-run.entity';

/**
 * A programme's outcome figures for one referral year of a municipality, kept by the retention run
 * that first erased a course of that year, computed just before it erased anything (decision 166):
 * the report as an evaluator saw it (the cell key method, counts under 5 withheld, no budget), for
 * every reader. Not the exact figures: those of a small year are the erased persons' own outcomes,
 * and exact kept figures less the live ones of the same year isolate whoever a run erased (decision
 * 169). Aggregates only: no citizen, no record id, nothing finer than the year. Written once,
 * never changed: a later run that erases more of the year leaves it as it was at the first erasure.
 */
@Entity('retained_outcome_report')
@Index('retained_outcome_report_year', ['municipalityId', 'programmeId', 'year'], { unique: true })
@Check('retained_outcome_report_year_check', `"year" BETWEEN 1900 AND 2999`)
export class RetainedOutcomeReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  municipalityId!: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id' })
  municipality?: Relation<MunicipalityEntity>;

  @Column({ type: 'uuid' })
  programmeId!: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id' })
  programme?: Relation<ProgrammeEntity>;

  /** The referral year: the report's period is [year-01-01, year-12-31]. */
  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  keptAt!: Date;

  @Column({ type: 'uuid' })
  retentionRunId!: string;

  @ManyToOne(() => RetentionRunEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'retention_run_id' })
  retentionRun?: Relation<RetentionRunEntity>;

  /** The report as an evaluator saw it: disclosure-controlled, budget null. */
  @Column({ type: 'jsonb' })
  report!: OutcomeReport;
}
