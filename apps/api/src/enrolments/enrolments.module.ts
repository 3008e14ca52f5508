import { Module } from '@nestjs/common';
import { CitizensModule } from '../citizens/citizens.module';
import { CaseRequestsModule } from '../case-requests/case-requests.module';
import { EnrolmentsController } from './enrolments.controller';
import { EnrolmentsService } from './enrolments.service';

@Module({ imports: [CitizensModule, CaseRequestsModule], controllers: [EnrolmentsController], providers: [EnrolmentsService] })
export class EnrolmentsModule {}
