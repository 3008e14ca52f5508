import { Check, Column, Entity } from 'typeorm';
import type { ConsentNotAskedRule } from '@outcomes/contracts';
import { BaseRecordEntity } from '../database/base-record.entity';

@Entity('municipality')
@Check('municipality_consent_not_asked_check', `"consent_not_asked" IN ('included', 'excluded')`)
@Check('municipality_merge_undo_days_check', `"merge_undo_days" BETWEEN 1 AND 365`)
export class MunicipalityEntity extends BaseRecordEntity {
  @Column({ type: 'varchar', length: 3, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** Staff cost per hour in DKK, for the economic view of outcomes. */
  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  hourlyRate!: number | null;

  // --- Consent by purpose (issue 22; decision 90): how a citizen never asked about evaluation counts
  // in this municipality's exports. 'included' is the behaviour before consent by purpose (opt-out).
  @Column({ type: 'varchar', length: 10, default: 'included' })
  consentNotAsked!: ConsentNotAskedRule;

  // --- Merging duplicate records (issue 22) ---
  /** Days a merge of two citizens' records can be undone (1-365; default 30). */
  @Column({ type: 'int', default: 30 })
  mergeUndoDays!: number;
}
