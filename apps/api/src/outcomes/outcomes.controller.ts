import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OutcomeReport, ReportBudget } from '@outcomes/contracts';
import { Permission } from '../auth/auth.decorators';
import { OutcomeQueryDto } from './dto/outcome-query.dto';
import { OutcomesService } from './outcomes.service';

@ApiTags('outcomes')
@Controller('outcomes')
export class OutcomesController {
  constructor(private readonly service: OutcomesService) {}

  @Get('report')
  @Permission('outcomes', 'list')
  @ApiOperation({ summary: 'Outcome report of a programme in a municipality over a referral period (evaluators: perturbed figures, whole months, a daily budget of distinct queries, granted municipalities only)' })
  report(@Query() query: OutcomeQueryDto): Promise<OutcomeReport> {
    return this.service.report(query);
  }

  @Get('budget')
  @Permission('outcomes', 'list')
  @ApiOperation({ summary: 'An evaluator’s budget of distinct report queries today (asking costs nothing); 404 for other roles, who have none' })
  budget(): Promise<ReportBudget> {
    return this.service.budget();
  }
}
