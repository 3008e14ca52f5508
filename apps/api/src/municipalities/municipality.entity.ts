import { Check, Column, Entity } from 'typeorm';
import { BaseRecordEntity } from '../database/base-record.entity';

@Entity('municipality')
@Check('municipality_emergency_access_hours_check', `"emergency_access_hours" BETWEEN 1 AND 72`)
export class MunicipalityEntity extends BaseRecordEntity {
  @Column({ type: 'varchar', length: 3, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** Staff cost per hour in DKK, for the economic view of outcomes. */
  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  hourlyRate!: number | null;

  // --- Emergency access (issue 22, decisions 81-84) ---
  /** How long an emergency access to this municipality's citizens lasts, in hours (1-72; default 24). */
  @Column({ type: 'int', default: 24 })
  emergencyAccessHours!: number;
}
