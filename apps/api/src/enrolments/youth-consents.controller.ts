import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { YouthConsent, YouthConsentStatus } from '@outcomes/contracts';
import type { Response } from 'express';
import { Permission } from '../auth/auth.decorators';
import { sendPage } from '../common/crud/send-page';
import { ListQueryDto } from '../common/list-query/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateYouthConsentDto, WithdrawYouthConsentDto } from './dto/youth-consent.dto';
import { YouthConsentsService } from './youth-consents.service';

@ApiTags('youth-consents')
@Controller('youth-consents')
export class YouthConsentsController {
  constructor(private readonly service: YouthConsentsService) {}

  @Get()
  @Permission('youth-consents', 'list')
  @ApiOperation({ summary: "Consents to a young person's treatment; filter by enrolmentId, citizenId, kind" })
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<YouthConsent[]> {
    return sendPage(res, 'youth-consents', await this.service.list(query));
  }

  // Before ':id', which would take "status" for an id.
  @Get('status/:enrolmentId')
  @Permission('youth-consents', 'read')
  @ApiOperation({ summary: "Whether the enrolment's citizen is under 18 on its start (or today) and which consents are still missing" })
  status(@Param('enrolmentId', ParseIdPipe) enrolmentId: string): Promise<YouthConsentStatus> {
    return this.service.status(enrolmentId);
  }

  @Get(':id')
  @Permission('youth-consents', 'read')
  get(@Param('id', ParseIdPipe) id: string): Promise<YouthConsent> {
    return this.service.get(id);
  }

  @Post()
  @Permission('youth-consents', 'create')
  @ApiOperation({ summary: "Record a custodial parent's consent (givenBy: the parent's name) or the young person's own (from 15)" })
  create(@Body() body: CreateYouthConsentDto): Promise<YouthConsent> {
    return this.service.create(body);
  }

  @Post(':id/withdrawal')
  @HttpCode(200)
  @Permission('youth-consents', 'update')
  @ApiOperation({ summary: 'Withdraw a consent from a date; it is never edited or deleted' })
  withdraw(@Param('id', ParseIdPipe) id: string, @Body() body: WithdrawYouthConsentDto): Promise<YouthConsent> {
    return this.service.withdraw(id, body);
  }
}
