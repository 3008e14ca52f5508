import { Module } from '@nestjs/common';
import { OutcomesModule } from '../outcomes/outcomes.module';
import { LegalHoldsController, RetentionController } from './retention.controller';
import { RetentionJob } from './retention.job';
import { RetentionService } from './retention.service';

@Module({ imports: [OutcomesModule], controllers: [RetentionController, LegalHoldsController], providers: [RetentionService, RetentionJob], exports: [RetentionService, RetentionJob] })
export class RetentionModule {}
