import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { ExportDisclosure } from '@outcomes/contracts';
import { BaseRecordEntity } from '../database/base-record.entity';
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { ReferencedByMunicipality, SameMunicipality } from '../database/same-municipality';
import { UserEntity } from '../users/user.entity';

/**
 * An evaluator's export project. `municipality_id` is the evaluator's own municipality (row-level
 * security); `municipality_ids` are those the export covers: own and granted ones. The pseudonym
 * key is random per project and stored encrypted; it never leaves the API.
 */
@Entity('export_project')
@ReferencedByMunicipality('export_project')
@SameMunicipality(() => UserEntity, 'evaluatorId', { name: 'export_project_evaluator_same_municipality', what: 'a user' })
@Check('export_project_period_check', `"period_to" >= "period_from"`)
@Check('export_project_k_check', `"k" BETWEEN 5 AND 100`)
export class ExportProjectEntity extends BaseRecordEntity {
  @Column({ type: 'uuid' })
  municipalityId!: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id' })
  municipality?: Relation<MunicipalityEntity>;

  @Index()
  @Column({ type: 'uuid' })
  evaluatorId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  purpose!: string;

  @Column({ type: 'uuid', array: true })
  municipalityIds!: string[];

  @Column({ type: 'uuid', array: true })
  programmeIds!: string[];

  @Column({ type: 'date' })
  periodFrom!: string;

  @Column({ type: 'date' })
  periodTo!: string;

  /** The smallest group any combination of quasi-identifiers in the project's files may describe. */
  @Column({ type: 'int', default: 5 })
  k!: number;

  /** Replaced whenever the scope changes: a project's files link to each other only within one scope. */
  @Column({ type: 'text', select: false })
  pseudonymKeyEncrypted!: string;

  /**
   * When set, the pseudonym key is HMAC-SHA-256(stored key, salt). A migration, which cannot
   * encrypt (it has no key), gives a project a new key this way; the API replaces the stored key
   * and clears the salt.
   */
  @Column({ type: 'text', nullable: true, select: false })
  pseudonymKeySalt!: string | null;
}

/**
 * One run of an export. At most one queued or running job per project (a unique partial index):
 * asking again while one runs answers that one.
 */
@Entity('export_job')
@SameMunicipality(() => ExportProjectEntity, 'projectId', { name: 'export_job_project_same_municipality', what: 'an export project', onDelete: 'CASCADE' })
@SameMunicipality(() => UserEntity, 'requestedBy', { name: 'export_job_requested_by_same_municipality', what: 'a user' })
@Index('export_job_one_running_per_project', ['projectId'], { unique: true, where: `"status" IN ('queued', 'running')` })
@Check('export_job_status_check', `"status" IN ('queued', 'running', 'done', 'failed', 'expired')`)
@Check('export_job_progress_check', `"progress" BETWEEN 0 AND 100`)
export class ExportJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  municipalityId!: string;

  @Index()
  @Column({ type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ExportProjectEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<ExportProjectEntity>;

  @Column({ type: 'uuid' })
  requestedBy!: string;

  @Column({ type: 'varchar', length: 20 })
  dataset!: string;

  @Column({ type: 'varchar', length: 10 })
  format!: string;

  @Column({ type: 'varchar', length: 10, default: 'queued' })
  status!: string;

  @Column({ type: 'int', default: 0 })
  progress!: number;

  @Column({ type: 'int', nullable: true })
  rowCount!: number | null;

  @Column({ type: 'bigint', nullable: true })
  byteSize!: string | null;

  /** An error code only (never row data): what went wrong for the operator to look up in the logs. */
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  /** What disclosure control did to this run (ExportDisclosure); null until done, and for files without person rows. */
  @Column({ type: 'jsonb', nullable: true })
  disclosure!: ExportDisclosure | null;
}

/** The finished file, in PostgreSQL so that any replica can serve the download. */
@Entity('export_file_chunk')
export class ExportFileChunkEntity {
  @PrimaryColumn({ type: 'uuid' })
  jobId!: string;

  @PrimaryColumn({ type: 'int' })
  seq!: number;

  @ManyToOne(() => ExportJobEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id' })
  job?: Relation<ExportJobEntity>;

  @Column({ type: 'uuid' })
  municipalityId!: string;

  @Column({ type: 'bytea' })
  data!: Buffer;
}
