import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { CitizensModule } from '../citizens/citizens.module';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { ExportsModule } from '../exports/exports.module';
import { SessionsModule } from '../sessions/sessions.module';
import { ImportRows } from './import-rows';
import { ImportRunner } from './import-runner';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({
  imports: [CitizensModule, EnrolmentsModule, SessionsModule, AssessmentsModule, ExportsModule],
  controllers: [ImportsController],
  providers: [ImportsService, ImportRows, ImportRunner],
})
export class ImportsModule {}
