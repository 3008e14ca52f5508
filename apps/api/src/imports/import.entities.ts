import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { SameMunicipality } from '../database/same-municipality';
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { UserEntity } from '../users/user.entity';
import type { ImportMapping, ImportRowResult } from '@outcomes/contracts';

/**
 * One upload and what became of it. The file's rows are kept encrypted (they hold CPR numbers and
 * names) until the import has run; the per-row results hold row numbers, actions, record ids and
 * rules, never a cell's value.
 */
@Entity('import_job')
@Index(['municipalityId', 'userId', 'createdAt'])
@SameMunicipality(() => UserEntity, 'userId', { name: 'import_job_user_same_municipality', what: 'a user' })
export class ImportJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  municipalityId!: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'import_job_municipality_fk' })
  municipality?: Relation<MunicipalityEntity>;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: string;

  @Column({ type: 'varchar', length: 10 })
  format!: string;

  @Column({ type: 'varchar', length: 10, default: 'uploaded' })
  status!: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  phase!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  mode!: string | null;

  @Column({ type: 'int', default: 0 })
  progress!: number;

  @Column({ type: 'jsonb' })
  columns!: string[];

  @Column({ type: 'int' })
  rowCount!: number;

  /** The data rows as JSON, AES-256-GCM encrypted (IdentifierCrypto); emptied once imported. */
  @Column({ type: 'text', nullable: true })
  rowsEncrypted!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  mapping!: ImportMapping | null;

  @Column({ type: 'jsonb', nullable: true })
  results!: ImportRowResult[] | null;

  @Column({ type: 'int', default: 0 })
  created!: number;

  @Column({ type: 'int', default: 0 })
  updated!: number;

  @Column({ type: 'int', default: 0 })
  failed!: number;

  @Column({ type: 'boolean', default: false })
  rolledBack!: boolean;

  /** An error code only, never row data. */
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}

/** A user's last mapping for a kind of import, preselected on their next upload of that kind. */
@Entity('import_mapping')
@SameMunicipality(() => UserEntity, 'userId', { name: 'import_mapping_user_same_municipality', what: 'a user' })
export class ImportMappingEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  kind!: string;

  @Column({ type: 'uuid' })
  municipalityId!: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'import_mapping_municipality_fk' })
  municipality?: Relation<MunicipalityEntity>;

  @Column({ type: 'jsonb' })
  mapping!: ImportMapping;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
