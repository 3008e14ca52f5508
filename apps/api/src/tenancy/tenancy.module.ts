import { Global, Module } from '@nestjs/common';
import { Db } from './db.service';
import { ReadTransaction } from './read-transaction.service';
import { TenantTransaction } from './tenant-transaction.service';

@Global()
@Module({ providers: [Db, TenantTransaction, ReadTransaction], exports: [Db, TenantTransaction, ReadTransaction] })
export class TenancyModule {}
