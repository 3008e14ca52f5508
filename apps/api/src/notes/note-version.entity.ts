import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CitizenEntity } from '../citizens/citizen.entity';
import { SameMunicipality } from '../database/same-municipality';
import { UserEntity } from '../users/user.entity';

/**
 * Every version of every free-text note staff write about a citizen (offentlighedsloven § 13; journal
 * practice: a note is corrected by adding, never by deleting). Appended in the same transaction as the
 * record's own write: the first text ("original"), each correction with its reason, each typo fix of the
 * author within the window. Never updated or deleted: the API's database role has only SELECT and INSERT,
 * and a trigger refuses UPDATE and DELETE for everyone (migration NotesNeverLost).
 *
 * One table for every kind of record (`record_kind`, `record_id`, `field`) rather than one per resource:
 * the rule is the same everywhere and the citizen's timeline reads the corrections in one place (decision
 * in docs/decisions.md). The text is encrypted by the API like the record's own note.
 */
@Entity('note_version')
@SameMunicipality(() => CitizenEntity, 'citizenId', { name: 'note_version_citizen_same_municipality', what: 'a citizen' })
@SameMunicipality(() => UserEntity, 'writtenBy', { name: 'note_version_user_same_municipality', what: 'a user' })
@Index('note_version_record', ['recordKind', 'recordId', 'writtenAt'])
@Index('note_version_citizen', ['citizenId', 'writtenAt'])
@Check('note_version_kind_check', `"kind" IN ('original', 'correction', 'typo')`)
@Check('note_version_record_kind_check', `"record_kind" IN ('session')`)
@Check('note_version_correction_has_reason', `"kind" <> 'correction' OR ("reason" IS NOT NULL AND length(btrim("reason")) > 0)`)
export class NoteVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  municipalityId!: string;

  /** What kind of record the note belongs to (today: 'session'; the only free-text note staff write). */
  @Column({ type: 'varchar', length: 30 })
  recordKind!: string;

  @Column({ type: 'uuid' })
  recordId!: string;

  /** The citizen the note is about: the timeline and the access log find it by them. */
  @Column({ type: 'uuid' })
  citizenId!: string;

  /** The record's field, e.g. 'note'. */
  @Column({ type: 'varchar', length: 40 })
  field!: string;

  /** The text as it was written, encrypted; null when a correction emptied the note. */
  @Column({ type: 'text', nullable: true })
  textEncrypted!: string | null;

  @Column({ type: 'varchar', length: 12 })
  kind!: string;

  /** Why it was changed: required for a correction, optional for a typo fix, none for the original. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'uuid' })
  writtenBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  writtenAt!: Date;
}
