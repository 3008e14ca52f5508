import { Check, Column, Entity, Index } from 'typeorm';
import { BaseRecordEntity } from '../database/base-record.entity';
import { CitizenEntity } from '../citizens/citizen.entity';
import { SameMunicipality } from '../database/same-municipality';
import { UserEntity } from '../users/user.entity';

/**
 * The merge of a citizen registered without a CPR number (an alias, a no-CPR record) into the record
 * with the person's CPR number (issue 22): who, when, why, and exactly which rows moved, table by
 * table, so an undo within the municipality's period moves back those rows and no others. Never
 * deleted: an undone merge keeps its record, with who undid it, when and why. The reasons are free
 * text about a person and encrypted like every note.
 */
@Entity('citizen_merge')
@SameMunicipality(() => CitizenEntity, 'sourceCitizenId', { name: 'citizen_merge_source_same_municipality', what: 'a citizen' })
@SameMunicipality(() => CitizenEntity, 'targetCitizenId', { name: 'citizen_merge_target_same_municipality', what: 'a citizen' })
@SameMunicipality(() => UserEntity, 'mergedByUserId', { name: 'citizen_merge_merged_by_same_municipality', what: 'a user' })
@SameMunicipality(() => UserEntity, 'undoneByUserId', { name: 'citizen_merge_undone_by_same_municipality', what: 'a user' })
@Index('citizen_merge_target', ['targetCitizenId'])
@Index('citizen_merge_source', ['sourceCitizenId'])
@Check('citizen_merge_two_citizens_check', `"source_citizen_id" <> "target_citizen_id"`)
@Check('citizen_merge_undone_check', `("undone_at" IS NULL) = ("undone_by_user_id" IS NULL) AND ("undone_at" IS NULL) = ("undo_reason_encrypted" IS NULL)`)
export class CitizenMergeEntity extends BaseRecordEntity {
  @Column({ type: 'uuid' })
  municipalityId!: string;

  /** The record merged away (no CPR number); kept, marked `merged_into_id`, while the merge stands. */
  @Column({ type: 'uuid' })
  sourceCitizenId!: string;

  /** The record with the CPR number that received every row. */
  @Column({ type: 'uuid' })
  targetCitizenId!: string;

  @Column({ type: 'uuid' })
  mergedByUserId!: string;

  @Column({ type: 'timestamptz' })
  mergedAt!: Date;

  @Column({ type: 'text' })
  reasonEncrypted!: string;

  /** The ids of the rows that moved, by table (`citizen-data-tables.ts`): what an undo moves back. */
  @Column({ type: 'jsonb' })
  moved!: Record<string, string[]>;

  /** The last moment an undo is accepted: the merge's time plus the municipality's `merge_undo_days` then. */
  @Column({ type: 'timestamptz' })
  undoUntil!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  undoneAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  undoneByUserId!: string | null;

  @Column({ type: 'text', nullable: true })
  undoReasonEncrypted!: string | null;
}
