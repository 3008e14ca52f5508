import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Which seed sets have run, so demo data is written on the first start only. */
@Entity('seed_run')
export class SeedRunEntity {
  @PrimaryColumn({ type: 'varchar', length: 50 })
  name!: string;

  @Column({ type: 'int' })
  rows!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  ranAt!: Date;
}
