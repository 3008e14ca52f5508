import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseRecordEntity } from '../database/base-record.entity';
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { ReferencedByMunicipality, SameMunicipality } from '../database/same-municipality';

/**
 * A citizen in treatment. Identifiers are encrypted in the application (`*_encrypted`, AES-256-GCM)
 * and found through keyed hashes (`cpr_hash`, `name_tokens`); birth year and sex are in the clear
 * for statistics. Consent lives in its own history (`citizen_consent`, the consents feature).
 */
@Entity('citizen')
@ReferencedByMunicipality('citizen')
@Index('citizen_cpr_unique', ['municipalityId', 'cprHash'], { unique: true, where: '"cpr_hash" IS NOT NULL' })
@Index('citizen_name_tokens', { synchronize: false })
// Row-level security keeps PostgreSQL from using the GIN index for a name search (`@>` is not
// leakproof, so it may not run before the tenant filter): the municipality's citizens, newest first,
// are read through this one instead (the figures: docs/performance.md, "Indexes added").
@Index('citizen_municipality_created', ['municipalityId', 'createdAt'])
@SameMunicipality(() => CitizenEntity, 'mergedIntoId', { name: 'citizen_merged_into_same_municipality', what: 'a citizen' })
@Check('citizen_sex_check', `"sex" IS NULL OR "sex" IN ('male', 'female')`)
export class CitizenEntity extends BaseRecordEntity {
  @Column({ type: 'uuid' })
  municipalityId!: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id' })
  municipality?: Relation<MunicipalityEntity>;

  @Column({ type: 'text', nullable: true })
  cprEncrypted!: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  cprHash!: string | null;

  @Column({ type: 'boolean', default: false })
  cprReplacement!: boolean;

  @Column({ type: 'text' })
  firstNameEncrypted!: string;

  @Column({ type: 'text' })
  lastNameEncrypted!: string;

  /** Keyed hashes of the normalised name tokens (GIN-indexed in the migration). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  nameTokens!: string[];

  @Column({ type: 'int', nullable: true })
  birthYear!: number | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  sex!: string | null;

  @Column({ type: 'text', nullable: true })
  phoneEncrypted!: string | null;

  @Column({ type: 'text', nullable: true })
  emailEncrypted!: string | null;

  @Column({ type: 'text', nullable: true })
  addressEncrypted!: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  preferredLanguage!: string | null;

  /**
   * Set while this record stands merged into another (issue 22, `citizen_merge`): a tombstone that no
   * list, lookup or duplicate check shows, kept so an undo can bring the record back as it was.
   */
  @Column({ type: 'uuid', nullable: true })
  mergedIntoId!: string | null;
}
