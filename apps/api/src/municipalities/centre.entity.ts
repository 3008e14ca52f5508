import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseRecordEntity } from '../database/base-record.entity';
import { MunicipalityEntity } from './municipality.entity';
import { ReferencedByMunicipality } from '../database/same-municipality';

@Entity('centre')
@ReferencedByMunicipality('centre')
@Index(['municipalityId', 'name'], { unique: true })
// The literals are TREATMENT_KINDS (libs/contracts), as migrated.
@Check('centre_kind_check', `"kind" IS NULL OR "kind" IN ('outpatient', 'day', 'residential')`)
export class CentreEntity extends BaseRecordEntity {
  @Column({ type: 'uuid' })
  municipalityId!: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id' })
  municipality?: Relation<MunicipalityEntity>;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** The kind of treatment given here (TREATMENT_KINDS); null while not recorded: referrals are then not checked against it (decision 106). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  kind!: string | null;
}
