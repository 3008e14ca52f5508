import { Module } from '@nestjs/common';
import { CitizensModule } from '../citizens/citizens.module';
import { CaseRequestsController } from './case-requests.controller';
import { CaseRequestsService } from './case-requests.service';
import { GuaranteeFiguresController } from './guarantee-figures.controller';

@Module({ imports: [CitizensModule], controllers: [CaseRequestsController, GuaranteeFiguresController], providers: [CaseRequestsService], exports: [CaseRequestsService] })
export class CaseRequestsModule {}
