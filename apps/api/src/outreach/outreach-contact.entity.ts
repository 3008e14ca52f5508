import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { CitizenEntity } from '../citizens/citizen.entity';
import { BaseRecordEntity } from '../database/base-record.entity';
import { registerProgrammeRule, SameMunicipality } from '../database/same-municipality';
import { UserEntity } from '../users/user.entity';

registerProgrammeRule('outreach_contact_referred_programme_same_municipality', 'referredProgrammeId');

/** An outreach contact: with a citizen, or with someone known only by an alias (encrypted, found by keyed hash). */
@Entity('outreach_contact')
@SameMunicipality(() => CitizenEntity, 'citizenId', { name: 'outreach_contact_citizen_same_municipality', what: 'a citizen' })
@SameMunicipality(() => UserEntity, 'staffUserId', { name: 'outreach_contact_staff_user_same_municipality', what: 'a user' })
@Index('outreach_contact_citizen_at', ['citizenId', 'contactAt'])
@Index('outreach_contact_alias', ['municipalityId', 'aliasHash'])
@Index('outreach_contact_municipality_at', ['municipalityId', 'contactAt'])
@Check('outreach_contact_person_check', `("citizen_id" IS NULL) <> ("alias_hash" IS NULL)`)
@Check('outreach_contact_duration_check', `"duration_minutes" BETWEEN 1 AND 720`)
@Check('outreach_contact_place_check', `"place_type" IN ('street', 'shelter', 'drop-in-centre', 'home', 'partner-organisation', 'treatment-centre')`)
@Check('outreach_contact_type_check', `"contact_type" IN ('first-contact', 'follow-up', 'practical-help', 'accompaniment', 'referral')`)
export class OutreachContactEntity extends BaseRecordEntity {
  @Column({ type: 'uuid' })
  municipalityId!: string;

  @Column({ type: 'timestamptz' })
  contactAt!: Date;

  @Column({ type: 'uuid' })
  staffUserId!: string;

  @Column({ type: 'varchar', length: 30 })
  placeType!: string;

  @Column({ type: 'int' })
  durationMinutes!: number;

  @Column({ type: 'varchar', length: 30 })
  contactType!: string;

  @Column({ type: 'uuid', nullable: true })
  citizenId!: string | null;

  @ManyToOne(() => CitizenEntity, { onDelete: 'RESTRICT', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'citizen_id' })
  citizen?: Relation<CitizenEntity>;

  @Column({ type: 'text', nullable: true })
  aliasEncrypted!: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  aliasHash!: string | null;

  @Column({ type: 'uuid', nullable: true })
  referredProgrammeId!: string | null;

  @Column({ type: 'boolean', nullable: true })
  referralStarted!: boolean | null;

  @Column({ type: 'date', nullable: true })
  referralStartedDate!: string | null;
}
