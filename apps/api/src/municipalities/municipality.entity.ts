import { Column, Entity } from 'typeorm';
import { BaseRecordEntity } from '../database/base-record.entity';

@Entity('municipality')
export class MunicipalityEntity extends BaseRecordEntity {
  @Column({ type: 'varchar', length: 3, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;
}
