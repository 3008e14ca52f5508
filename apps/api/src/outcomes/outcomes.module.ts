import { Module } from '@nestjs/common';
import { OutcomeCounting } from './outcome-counting.service';
import { OutcomesController } from './outcomes.controller';
import { OutcomesService } from './outcomes.service';
import { ReportBudgetService } from './report-budget.service';

@Module({ controllers: [OutcomesController], providers: [OutcomesService, ReportBudgetService, OutcomeCounting], exports: [OutcomeCounting] })
export class OutcomesModule {}
