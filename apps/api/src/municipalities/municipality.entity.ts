import { Check, Column, Entity } from 'typeorm';
import { BaseRecordEntity } from '../database/base-record.entity';

@Entity('municipality')
@Check('municipality_merge_undo_days_check', `"merge_undo_days" BETWEEN 1 AND 365`)
export class MunicipalityEntity extends BaseRecordEntity {
  @Column({ type: 'varchar', length: 3, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** Staff cost per hour in DKK, for the economic view of outcomes. */
  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  hourlyRate!: number | null;

  // --- Merging duplicate records (issue 22) ---
  /** Days a merge of two citizens' records can be undone (1-365; default 30). */
  @Column({ type: 'int', default: 30 })
  mergeUndoDays!: number;
}
