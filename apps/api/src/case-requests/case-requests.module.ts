import { Module } from '@nestjs/common';
import { CitizensModule } from '../citizens/citizens.module';
import { CaseRequestsController } from './case-requests.controller';
import { CaseRequestsService } from './case-requests.service';

@Module({ imports: [CitizensModule], controllers: [CaseRequestsController], providers: [CaseRequestsService], exports: [CaseRequestsService] })
export class CaseRequestsModule {}
