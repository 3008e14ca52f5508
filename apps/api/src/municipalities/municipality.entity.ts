import { Check, Column, Entity } from 'typeorm';
import type { ConsentNotAskedRule } from '@outcomes/contracts';
import { BaseRecordEntity } from '../database/base-record.entity';

@Entity('municipality')
@Check('municipality_consent_not_asked_check', `"consent_not_asked" IN ('included', 'excluded')`)
@Check('municipality_merge_undo_days_check', `"merge_undo_days" BETWEEN 1 AND 365`)
@Check('municipality_retention_health_years_check', `"retention_health_years" BETWEEN 10 AND 100`)
@Check('municipality_retention_social_years_check', `"retention_social_years" BETWEEN 1 AND 100`)
@Check('municipality_handover_read_days_check', `"handover_read_days" BETWEEN 1 AND 365`)
@Check('municipality_api_token_max_days_check', `"api_token_max_days" BETWEEN 1 AND 365`)
@Check('municipality_emergency_access_hours_check', `"emergency_access_hours" BETWEEN 1 AND 72`)
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
  // --- Retention (issue 22, decision 97) ---
  /** Years health records (sessions and notes, assessments) are kept after the last entry: at least 10 (patient records, the law). */
  @Column({ type: 'int', default: 10 })
  retentionHealthYears!: number;

  /** Years social case records are kept after the last entry (the course closed): KL recommends 5; no rule specific to drug treatment. */
  @Column({ type: 'int', default: 5 })
  retentionSocialYears!: number;

  // --- Emergency access (issue 22, decisions 81-84) ---
  /** How long an emergency access to this municipality's citizens lasts, in hours (1-72; default 24). */
  @Column({ type: 'int', default: 24 })
  emergencyAccessHours!: number;

  // --- Moves between municipalities (issue 22, decision 112) ---
  /** Days the new municipality may read this municipality's record of a citizen it accepted a hand-over of (1-365; default 90). */
  @Column({ type: 'int', default: 90 })
  handoverReadDays!: number;

  // --- Personal API tokens (issue 24, decision 137) ---
  /** The longest a user of this municipality may make an API token live, in days (1-365; default 365). */
  @Column({ type: 'int', default: 365 })
  apiTokenMaxDays!: number;
}
