import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A published result a programme's own figure is compared with (DOMAIN.md), with its source text. */
@Entity('published_result')
export class PublishedResultEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  programmeCode!: string;

  @Column({ type: 'varchar', length: 30 })
  measure!: string;

  @Column({ type: 'varchar', length: 20 })
  timepoint!: string;

  @Column({ type: 'varchar', length: 20 })
  population!: string;

  @Column({ type: 'double precision' })
  proportion!: number;

  @Column({ type: 'text' })
  source!: string;
}
