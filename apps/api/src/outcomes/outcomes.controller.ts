import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { KeptOutcomeReport, OutcomeReport, ReportBudget } from '@outcomes/contracts';
import { Permission, SecondTransaction } from '../auth/auth.decorators';
import { KeptQueryDto, OutcomeQueryDto } from './dto/outcome-query.dto';
import { OutcomesService } from './outcomes.service';

@ApiTags('outcomes')
@Controller('outcomes')
export class OutcomesController {
  constructor(private readonly service: OutcomesService) {}

  @Get('report')
  @Permission('outcomes', 'list')
  // The counting runs in a read transaction of its own (the replica's, or the primary's pool).
  @SecondTransaction()
  @ApiOperation({ summary: 'Outcome report of a programme in a municipality over a referral period (evaluators: perturbed figures, whole months, a daily budget of distinct queries, granted municipalities only)' })
  report(@Query() query: OutcomeQueryDto): Promise<OutcomeReport> {
    return this.service.report(query);
  }

  @Get('kept')
  @Permission('outcomes', 'list')
  @ApiOperation({
    summary:
      'Figures kept from erased courses: per referral year, the report as it stood when retention first erased a course of that year (staff: exact; evaluators: disclosure-controlled, granted municipalities only, no budget spent)',
  })
  kept(@Query() query: KeptQueryDto): Promise<KeptOutcomeReport[]> {
    return this.service.kept(query);
  }

  @Get('budget')
  @Permission('outcomes', 'list')
  @ApiOperation({ summary: 'An evaluator’s budget of distinct report queries today (asking costs nothing); 404 for other roles, who have none' })
  budget(): Promise<ReportBudget> {
    return this.service.budget();
  }
}
