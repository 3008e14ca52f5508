import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Assessment, DueAssessment, FollowUpAttempt, WorklistItem } from '@outcomes/contracts';
import type { Response } from 'express';
import { Permission } from '../auth/auth.decorators';
import { sendPage } from '../common/crud/send-page';
import { ListQueryDto } from '../common/list-query/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { AssessmentsService } from './assessments.service';
import { CreateAssessmentDto, CreateFollowUpAttemptDto, UpdateAssessmentDto } from './dto/assessment.dto';

@ApiTags('assessments')
@Controller('assessments')
export class AssessmentsController {
  constructor(private readonly service: AssessmentsService) {}

  @Get()
  @Permission('assessments', 'list')
  @ApiOperation({ summary: 'ASI assessments; filter by enrolmentId, citizenId, timepoint, date_gte/_lte' })
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<Assessment[]> {
    return sendPage(res, 'assessments', await this.service.list(query));
  }

  @Get(':id')
  @Permission('assessments', 'read')
  get(@Param('id', ParseIdPipe) id: string): Promise<Assessment> {
    return this.service.get(id);
  }

  @Post()
  @Permission('assessments', 'create')
  @ApiOperation({ summary: 'Record an ASI; the seven composites and drug-free status are computed from the items' })
  create(@Body() body: CreateAssessmentDto): Promise<Assessment> {
    return this.service.create(body);
  }

  @Put(':id')
  @Permission('assessments', 'update')
  @ApiOperation({ summary: 'Edit the items; recomputed, and the earlier version kept' })
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateAssessmentDto): Promise<Assessment> {
    return this.service.update(id, body);
  }
}

@ApiTags('enrolments')
@Controller('enrolments')
export class FollowUpsController {
  constructor(private readonly service: AssessmentsService) {}

  @Get(':id/follow-ups')
  @Permission('enrolments', 'read')
  @ApiOperation({ summary: 'The assessments the enrolment owes (intake, end, follow-ups), each upcoming, in window, overdue or done' })
  schedule(@Param('id', ParseIdPipe) id: string): Promise<{ due: DueAssessment[]; attempts: FollowUpAttempt[] }> {
    return this.service.schedule(id);
  }

  @Post(':id/follow-up-attempts')
  @Permission('enrolments', 'update')
  @ApiOperation({ summary: 'Log an attempt to reach the citizen for a follow-up, reached or not' })
  attempt(@Param('id', ParseIdPipe) id: string, @Body() body: CreateFollowUpAttemptDto): Promise<FollowUpAttempt> {
    return this.service.addAttempt(id, body);
  }
}

@ApiTags('worklist')
@Controller('worklist')
export class WorklistController {
  constructor(private readonly service: AssessmentsService) {}

  @Get()
  @Permission('worklist', 'list')
  @ApiOperation({ summary: 'Open assessments (upcoming, in window, overdue) by staffUserId or centreId, soonest first, with attempts' })
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<WorklistItem[]> {
    return sendPage(res, 'worklist', await this.service.worklist(query));
  }
}
