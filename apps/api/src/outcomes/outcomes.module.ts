import { Module } from '@nestjs/common';
import { OutcomesController } from './outcomes.controller';
import { OutcomesService } from './outcomes.service';
import { ReportBudgetService } from './report-budget.service';

@Module({ controllers: [OutcomesController], providers: [OutcomesService, ReportBudgetService], exports: [OutcomesService] })
export class OutcomesModule {}
