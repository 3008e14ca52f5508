import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { MunicipalityEntity } from '../municipalities/municipality.entity';

/**
 * One run of retention in one municipality (decision 98): when, who started it (the schedule, or an
 * admin), how many citizens it erased, the rows erased per table, and the anonymous aggregate of the
 * erased courses (programme, year of referral, kind, state: a count), kept so the number of courses
 * of a past year can still be told. Names no citizen. Written once, never changed.
 */
@Entity('retention_run')
@Index('retention_run_municipality_at', ['municipalityId', 'startedAt'])
@Check('retention_run_trigger_check', `"trigger" IN ('schedule', 'admin', 'erasure')`)
export class RetentionRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  municipalityId!: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id' })
  municipality?: Relation<MunicipalityEntity>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  /** schedule (the daily job), admin (an admin's "run now"), erasure (one citizen on request). */
  @Column({ type: 'varchar', length: 10 })
  trigger!: string;

  /** The admin who started it; null for the schedule. */
  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ type: 'int' })
  citizens!: number;

  /** Rows erased per table (every table of database/citizen-data-tables.ts). */
  @Column({ type: 'jsonb' })
  erased!: Record<string, number>;

  /** The erased courses, counted by programme, referral year, kind and state. */
  @Column({ type: 'jsonb' })
  courses!: { programmeId: string; year: number; courseKind: string; state: string; count: number }[];
}
