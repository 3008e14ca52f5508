import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseRecordEntity } from '../database/base-record.entity';
import { GroupEntity, GroupMeetingEntity } from '../groups/group.entity';
import { registerReferenceRule } from '../database/reference-rules';
import { ReferencedByMunicipality, SameMunicipality } from '../database/same-municipality';

/**
 * The database's rules around organisations (triggers of migration ReferencesStayInMunicipality):
 * a volunteer's organisation works with the volunteer's municipality, and a municipality adds or
 * removes only itself in an organisation's `municipality_ids` (never another municipality).
 */
export const VOLUNTEER_ORGANISATION_RULE = 'volunteer_organisation_same_municipality';
export const ORGANISATION_OWN_SIDE_RULE = 'organisation_municipalities_own_side';
registerReferenceRule(VOLUNTEER_ORGANISATION_RULE, 'organisationId', 'organisationId must name an organisation working with your municipality');
registerReferenceRule(ORGANISATION_OWN_SIDE_RULE, 'municipalityIds', 'municipalityIds may add or remove only your own municipality: another municipality joins an organisation on its own side');

/** A voluntary organisation; visible to the municipalities it works with. */
@Entity('organisation')
export class OrganisationEntity extends BaseRecordEntity {
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  contactName!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  municipalityIds!: string[];
}

/** A volunteer: names, contact and notes encrypted by the API. */
@Entity('volunteer')
@ReferencedByMunicipality('volunteer')
@Index('volunteer_municipality_status', ['municipalityId', 'status'])
@Check('volunteer_status_check', `"status" IN ('active', 'paused', 'left')`)
export class VolunteerEntity extends BaseRecordEntity {
  @Column({ type: 'uuid' })
  municipalityId!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<OrganisationEntity>;

  @Column({ type: 'text' })
  firstNameEncrypted!: string;

  @Column({ type: 'text' })
  lastNameEncrypted!: string;

  @Column({ type: 'text', nullable: true })
  phoneEncrypted!: string | null;

  @Column({ type: 'text', nullable: true })
  emailEncrypted!: string | null;

  @Column({ type: 'varchar', length: 10, default: 'active' })
  status!: string;

  @Column({ type: 'date', nullable: true })
  criminalRecordCheckedOn!: string | null;

  @Column({ type: 'text', nullable: true })
  notesEncrypted!: string | null;
}

@Entity('training')
@SameMunicipality(() => VolunteerEntity, 'volunteerId', { name: 'training_volunteer_same_municipality', what: 'a volunteer', onDelete: 'CASCADE' })
@Index('training_volunteer', ['volunteerId', 'completedOn'])
@Check('training_kind_check', `"kind" IN ('smart-facilitator', 'other')`)
export class TrainingEntity extends BaseRecordEntity {
  @Column({ type: 'uuid' })
  municipalityId!: string;

  @Column({ type: 'uuid' })
  volunteerId!: string;

  @ManyToOne(() => VolunteerEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'volunteer_id' })
  volunteer?: Relation<VolunteerEntity>;

  @Column({ type: 'varchar', length: 30 })
  kind!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'date' })
  completedOn!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  trainer!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  certificateRef!: string | null;

  @Column({ type: 'date', nullable: true })
  renewsOn!: string | null;
}

/** A volunteer assigned to a SMART group as facilitator or co-facilitator, from/to dates. */
@Entity('facilitation')
@SameMunicipality(() => GroupEntity, 'groupId', { name: 'facilitation_group_same_municipality', what: 'a group', onDelete: 'CASCADE' })
@SameMunicipality(() => VolunteerEntity, 'volunteerId', { name: 'facilitation_volunteer_same_municipality', what: 'a volunteer' })
@Index('facilitation_group', ['groupId', 'fromDate'])
@Check('facilitation_role_check', `"role" IN ('facilitator', 'co-facilitator')`)
export class FacilitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  municipalityId!: string;

  @Column({ type: 'uuid' })
  groupId!: string;

  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<GroupEntity>;

  @Column({ type: 'uuid' })
  volunteerId!: string;

  @ManyToOne(() => VolunteerEntity, { onDelete: 'RESTRICT', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'volunteer_id' })
  volunteer?: Relation<VolunteerEntity>;

  @Column({ type: 'varchar', length: 20 })
  role!: string;

  @Column({ type: 'date' })
  fromDate!: string;

  @Column({ type: 'date', nullable: true })
  toDate!: string | null;
}

/** Who facilitated a meeting, and for how long (volunteer hours per organisation and month). */
@Entity('meeting_facilitator')
@SameMunicipality(() => GroupMeetingEntity, 'meetingId', { name: 'meeting_facilitator_meeting_same_municipality', what: 'a group meeting', onDelete: 'CASCADE' })
@SameMunicipality(() => VolunteerEntity, 'volunteerId', { name: 'meeting_facilitator_volunteer_same_municipality', what: 'a volunteer' })
export class MeetingFacilitatorEntity {
  @PrimaryColumn({ type: 'uuid' })
  meetingId!: string;

  @PrimaryColumn({ type: 'uuid' })
  volunteerId!: string;

  @Column({ type: 'uuid' })
  municipalityId!: string;

  @Column({ type: 'int' })
  minutes!: number;

  @ManyToOne(() => GroupMeetingEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<GroupMeetingEntity>;

  @ManyToOne(() => VolunteerEntity, { onDelete: 'RESTRICT', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'volunteer_id' })
  volunteer?: Relation<VolunteerEntity>;
}
