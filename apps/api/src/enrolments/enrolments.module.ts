import { Module } from '@nestjs/common';
import { CitizensModule } from '../citizens/citizens.module';
import { CaseRequestsModule } from '../case-requests/case-requests.module';
import { EnrolmentsController } from './enrolments.controller';
import { EnrolmentsService } from './enrolments.service';
import { YouthConsentsController } from './youth-consents.controller';
import { YouthConsentsService } from './youth-consents.service';

@Module({ imports: [CitizensModule, CaseRequestsModule], controllers: [EnrolmentsController, YouthConsentsController], providers: [EnrolmentsService, YouthConsentsService], exports: [EnrolmentsService] })
export class EnrolmentsModule {}
