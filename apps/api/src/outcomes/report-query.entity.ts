import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { UserEntity } from '../users/user.entity';

/**
 * An evaluator's distinct report queries per Danish day: the daily budget against the averaging
 * attack (docs/disclosure.md). The same query asked again the same day is the same row. Rows belong
 * to the evaluator's own municipality (row-level security).
 */
@Entity('report_query')
export class ReportQueryEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  /** The Danish date (Europe/Copenhagen) the query was asked. */
  @PrimaryColumn({ type: 'date' })
  day!: string;

  /** SHA-256 of programme, municipality, from and to. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  queryHash!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @Column({ type: 'uuid' })
  municipalityId!: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'municipality_id' })
  municipality?: Relation<MunicipalityEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
