import { Check, Column, Entity, Index } from 'typeorm';
import { BaseRecordEntity } from '../database/base-record.entity';

/**
 * An approved private treatment provider (decision 105): national reference data, one register for
 * every municipality, governed by the national operator like the programme catalogue and read by the
 * municipalities' staff and admins (migration TreatmentProvidersTenancy). A provider has no users: a
 * referral to it is the referring municipality's row, and its answer and outcome are recorded there.
 */
@Entity('treatment_provider')
@Index('treatment_provider_name', ['name'])
// The literals are TREATMENT_KINDS (libs/contracts), as migrated.
@Check('treatment_provider_kind_check', `"kind" IN ('outpatient', 'day', 'residential')`)
@Check('treatment_provider_cvr_check', `"cvr" ~ '^[1-9][0-9]{7}$'`)
@Check('treatment_provider_municipality_code_check', `"municipality_code" ~ '^[0-9]{3}$'`)
@Check('treatment_provider_approval_check', `"approved_until" IS NULL OR "approved_from" <= "approved_until"`)
export class TreatmentProviderEntity extends BaseRecordEntity {
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 8 })
  cvr!: string;

  @Column({ type: 'varchar', length: 300 })
  address!: string;

  @Column({ type: 'varchar', length: 3 })
  municipalityCode!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: string;

  @Column({ type: 'varchar', length: 200 })
  approvedBy!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  approvalReference!: string | null;

  @Column({ type: 'date' })
  approvedFrom!: string;

  @Column({ type: 'date', nullable: true })
  approvedUntil!: string | null;
}
