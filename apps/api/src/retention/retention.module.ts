import { Module } from '@nestjs/common';
import { LegalHoldsController, RetentionController } from './retention.controller';
import { RetentionJob } from './retention.job';
import { RetentionService } from './retention.service';

@Module({ controllers: [RetentionController, LegalHoldsController], providers: [RetentionService, RetentionJob], exports: [RetentionService, RetentionJob] })
export class RetentionModule {}
