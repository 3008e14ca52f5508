import { Module } from '@nestjs/common';
import { ExportJobsController, ExportProjectsController } from './exports.controller';
import { ExportJobsService } from './export-jobs.service';
import { ExportProjectsService } from './export-projects.service';
import { ExportRunner } from './export-runner';
import { JobQueue } from './job-queue';

@Module({
  controllers: [ExportProjectsController, ExportJobsController],
  providers: [ExportProjectsService, ExportJobsService, ExportRunner, JobQueue],
  // The one pg-boss of the process, shared with the imports' runner.
  exports: [JobQueue],
})
export class ExportsModule {}
