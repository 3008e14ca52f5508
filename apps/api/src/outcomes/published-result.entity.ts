import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A published result a programme's own figure is compared with (docs/domain.md), with its source text. */
@Entity('published_result')
@Check('published_result_population_check', `"population" IN ('all', 'completers', 'assessed')`)
@Check('published_result_from_check', `"published_from" IN ('start', 'end') AND "published_months" >= 0`)
export class PublishedResultEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  programmeCode!: string;

  @Column({ type: 'varchar', length: 30 })
  measure!: string;

  /** all (who started), completers or assessed. */
  @Column({ type: 'varchar', length: 20 })
  population!: string;

  /** When the source measured it: this many months after the start or the end (0 after the end: at the end). */
  @Column({ type: 'int' })
  publishedMonths!: number;

  @Column({ type: 'text' })
  publishedFrom!: string;

  @Column({ type: 'double precision' })
  proportion!: number;

  @Column({ type: 'text' })
  source!: string;
}
