import { Global, Module } from '@nestjs/common';
import { Db } from './db.service';
import { TenantTransaction } from './tenant-transaction.service';

@Global()
@Module({ providers: [Db, TenantTransaction], exports: [Db, TenantTransaction] })
export class TenancyModule {}
