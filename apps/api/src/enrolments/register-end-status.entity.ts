import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The national register's end statuses (Stofmisbrugsdatabasen: "status ved afslutning"), a code list
 * kept as data (docs/register.md): each code with its Danish and English label and the group Danmarks
 * Statistik publishes it in. National reference data: no municipality, read by every request, written
 * only by migrations (the API's role may only SELECT it).
 */
@Entity('register_end_status')
@Check('register_end_status_group_check', `"published_group" IN ('drug_free', 'reduced_or_stabilised', 'other')`)
export class RegisterEndStatusEntity {
  @PrimaryColumn({ type: 'varchar', length: 30 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  labelDa!: string;

  @Column({ type: 'varchar', length: 100 })
  labelEn!: string;

  /** drug_free, reduced_or_stabilised or other: how the register publishes it. */
  @Column({ type: 'varchar', length: 30 })
  publishedGroup!: string;

  @Column({ type: 'int' })
  sortOrder!: number;
}
