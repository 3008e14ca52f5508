import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PlanReviewDue, TreatmentPlan } from '@outcomes/contracts';
import { Permission } from '../auth/auth.decorators';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { PlanReviewQueryDto } from './dto/plan-review-query.dto';
import { CreateTreatmentPlanDto, ReviseTreatmentPlanDto } from './dto/treatment-plan.dto';
import { TreatmentPlansService } from './treatment-plans.service';

/** A plan belongs to its enrolment: the routes live under it, with the enrolment's permissions and access log. */
@ApiTags('enrolments')
@Controller('enrolments')
export class TreatmentPlansController {
  constructor(private readonly service: TreatmentPlansService) {}

  @Get(':id/treatment-plan')
  @Permission('enrolments', 'read')
  @ApiOperation({ summary: 'The enrolment\'s treatment plan (its newest revision) and every revision, newest first; current null and no revisions when none is made yet' })
  get(@Param('id', ParseIdPipe) id: string): Promise<TreatmentPlan> {
    return this.service.get(id);
  }

  @Post(':id/treatment-plan')
  @Permission('enrolments', 'update')
  @ApiOperation({ summary: 'Make the first treatment plan (§ 101 stk. 8): at least one goal, actions, duration, who does what, made with the citizen, review date' })
  create(@Param('id', ParseIdPipe) id: string, @Body() body: CreateTreatmentPlanDto): Promise<TreatmentPlan> {
    return this.service.create(id, body);
  }

  @Put(':id/treatment-plan')
  @Permission('enrolments', 'update')
  @ApiOperation({ summary: 'Revise the plan: a new revision based on the one loaded (basedOnRevision), with why; every earlier one is kept' })
  revise(@Param('id', ParseIdPipe) id: string, @Body() body: ReviseTreatmentPlanDto): Promise<TreatmentPlan> {
    return this.service.revise(id, body);
  }
}

/** The staff worklist's plan reviews: due within a week, or overdue. */
@ApiTags('worklist')
@Controller('worklist')
export class PlanReviewsController {
  constructor(private readonly service: TreatmentPlansService) {}

  @Get('plan-reviews')
  @Permission('worklist', 'list')
  @ApiOperation({ summary: 'Treatment plans of active enrolments whose review is due within 7 days or overdue, soonest first; staffUserId ("Mine borgere": the enrolment\'s staff member) and centreId narrow it as on the worklist' })
  reviews(@Query() query: PlanReviewQueryDto): Promise<PlanReviewDue[]> {
    return this.service.reviewsDue({ centreId: query.centreId || null, staffUserId: query.staffUserId || null });
  }
}
