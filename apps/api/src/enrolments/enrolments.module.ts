import { Module } from '@nestjs/common';
import { CitizensModule } from '../citizens/citizens.module';
import { EnrolmentsController } from './enrolments.controller';
import { EnrolmentsService } from './enrolments.service';

@Module({ imports: [CitizensModule], controllers: [EnrolmentsController], providers: [EnrolmentsService] })
export class EnrolmentsModule {}
