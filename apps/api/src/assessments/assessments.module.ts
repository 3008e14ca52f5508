import { Module } from '@nestjs/common';
import { AssessmentsController, FollowUpsController, WorklistController } from './assessments.controller';
import { AssessmentsService } from './assessments.service';

@Module({ controllers: [AssessmentsController, FollowUpsController, WorklistController], providers: [AssessmentsService], exports: [AssessmentsService] })
export class AssessmentsModule {}
