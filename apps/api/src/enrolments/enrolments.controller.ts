import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Enrolment } from '@outcomes/contracts';
import type { Response } from 'express';
import { Permission } from '../auth/auth.decorators';
import { sendPage } from '../common/crud/send-page';
import { ListQueryDto } from '../common/list-query/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateEnrolmentDto, LinkCaseRequestDto, TransitionDto, UpdateEnrolmentDto } from './dto/enrolment.dto';
import { EnrolmentsService } from './enrolments.service';

@ApiTags('enrolments')
@Controller('enrolments')
export class EnrolmentsController {
  constructor(private readonly service: EnrolmentsService) {}

  @Get()
  @Permission('enrolments', 'list')
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<Enrolment[]> {
    return sendPage(res, 'enrolments', await this.service.list(query));
  }

  @Get(':id')
  @Permission('enrolments', 'read')
  get(@Param('id', ParseIdPipe) id: string): Promise<Enrolment> {
    return this.service.get(id);
  }

  @Post()
  @Permission('enrolments', 'create')
  @ApiOperation({ summary: 'Refer a citizen to a programme; eligibility failures are 422 unless overridden with a written reason' })
  create(@Body() body: CreateEnrolmentDto): Promise<Enrolment> {
    return this.service.create(body);
  }

  @Put(':id')
  @Permission('enrolments', 'update')
  @ApiOperation({ summary: 'Change centre, staff member, referral source or attestations (state changes go through /transitions)' })
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateEnrolmentDto): Promise<Enrolment> {
    return this.service.update(id, body);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Permission('enrolments', 'update')
  @ApiOperation({ summary: 'Move to the next state; an illegal move answers 409 with the allowed states' })
  transition(@Param('id', ParseIdPipe) id: string, @Body() body: TransitionDto): Promise<Enrolment> {
    return this.service.transition(id, body);
  }

  @Post(':id/case-request')
  @HttpCode(200)
  @Permission('enrolments', 'update')
  @ApiOperation({
    summary:
      "Link an enrolment made before its request was recorded to that request (the citizen's own, open or closed on or after the referral): the guarantee's start becomes the earliest linked start. 409: stale version, already linked, request closed before the referral, or a start before the request",
  })
  linkRequest(@Param('id', ParseIdPipe) id: string, @Body() body: LinkCaseRequestDto): Promise<Enrolment> {
    return this.service.linkRequest(id, body);
  }
}
