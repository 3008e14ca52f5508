import { Module } from '@nestjs/common';
import { PlanReviewsController, TreatmentPlansController } from './treatment-plans.controller';
import { TreatmentPlansService } from './treatment-plans.service';

@Module({ controllers: [TreatmentPlansController, PlanReviewsController], providers: [TreatmentPlansService] })
export class TreatmentPlansModule {}
