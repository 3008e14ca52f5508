import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { registerConstraints } from './constraint-fields';

/** Teaches the error mapper which fields each unique index and constraint covers. */
@Injectable()
export class ConstraintRegistry implements OnModuleInit {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    for (const entity of this.dataSource.entityMetadatas) {
      registerConstraints(entity.indices.filter((i) => i.isUnique && i.name).map((i) => [i.name, i.columns.map((c) => c.propertyName)]));
      registerConstraints(entity.uniques.map((u) => [u.name, u.columns.map((c) => c.propertyName)]));
    }
    // Expression indexes are not in the metadata: their entity files register them (user, programme).
  }
}
