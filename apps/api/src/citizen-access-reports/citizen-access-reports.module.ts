import { Module } from '@nestjs/common';
import { CitizenAccessReportsController } from './citizen-access-reports.controller';
import { CitizenAccessReportsService } from './citizen-access-reports.service';

@Module({ controllers: [CitizenAccessReportsController], providers: [CitizenAccessReportsService] })
export class CitizenAccessReportsModule {}
