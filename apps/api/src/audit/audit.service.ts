import { Injectable } from '@nestjs/common';
import { Db } from '../tenancy/db.service';
import type { PendingAccess } from './access-log-chain';

/** Records a use of personal data in the current request's transaction (see AccessLogWriter). */
@Injectable()
export class Audit {
  constructor(private readonly db: Db) {}

  record(access: PendingAccess): void {
    this.db.context().accesses.push(access);
  }
}
