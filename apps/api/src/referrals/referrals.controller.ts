import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Referral, ReferralProgress } from '@outcomes/contracts';
import type { Response } from 'express';
import { Permission } from '../auth/auth.decorators';
import { sendPage } from '../common/crud/send-page';
import { ListQueryDto } from '../common/list-query/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { AcceptReferralDto, AnswerReasonDto, CreateReferralDto, ProviderAnswerDto, ProviderOutcomeDto } from './dto/referral.dto';
import { ReferralsService } from './referrals.service';

@ApiTags('referrals')
@Controller('referrals')
export class ReferralsController {
  constructor(private readonly service: ReferralsService) {}

  @Get()
  @Permission('referrals', 'list')
  @ApiOperation({ summary: "The municipality's outgoing referrals under free choice (§ 101 stk. 5); filter by citizenId, caseRequestId, state" })
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<Referral[]> {
    return sendPage(res, 'referrals', await this.service.list(query));
  }

  // Before ':id', which would take "incoming" for an id.
  @Get('incoming')
  @Permission('referrals', 'list')
  @ApiOperation({ summary: "Referrals addressed to the municipality's treatment places: sent (to answer) and accepted; never declined or withdrawn ones" })
  incoming(): Promise<Referral[]> {
    return this.service.incoming();
  }

  @Get(':id')
  @Permission('referrals', 'read')
  get(@Param('id', ParseIdPipe) id: string): Promise<Referral> {
    return this.service.get(id);
  }

  @Get(':id/progress')
  @Permission('referrals', 'read')
  @ApiOperation({ summary: "For the referring municipality: the course an accepted referral led to (state, dates, end status, counts of sessions)" })
  progress(@Param('id', ParseIdPipe) id: string): Promise<ReferralProgress> {
    return this.service.progress(id);
  }

  @Post()
  @Permission('referrals', 'create')
  @ApiOperation({ summary: "Refer a citizen with an open § 101 request to another municipality's treatment place (toCentreId) or an approved provider (providerId); citizenChoiceOn records the citizen's own choice (the guarantee's waiver)" })
  create(@Body() body: CreateReferralDto): Promise<Referral> {
    return this.service.create(body);
  }

  @Post(':id/acceptance')
  @HttpCode(200)
  @Permission('referrals', 'update')
  @ApiOperation({ summary: "The receiving municipality accepts: its own citizen record and an enrolment at the referral's centre" })
  accept(@Param('id', ParseIdPipe) id: string, @Body() body: AcceptReferralDto): Promise<Referral> {
    return this.service.accept(id, body);
  }

  @Post(':id/refusal')
  @HttpCode(200)
  @Permission('referrals', 'update')
  @ApiOperation({ summary: 'The receiving municipality declines, with a reason' })
  decline(@Param('id', ParseIdPipe) id: string, @Body() body: AnswerReasonDto): Promise<Referral> {
    return this.service.decline(id, body);
  }

  @Post(':id/withdrawal')
  @HttpCode(200)
  @Permission('referrals', 'update')
  @ApiOperation({ summary: 'The referring municipality withdraws a referral not yet answered, with a reason' })
  withdraw(@Param('id', ParseIdPipe) id: string, @Body() body: AnswerReasonDto): Promise<Referral> {
    return this.service.withdraw(id, body);
  }

  @Post(':id/provider-answer')
  @HttpCode(200)
  @Permission('referrals', 'update')
  @ApiOperation({ summary: "A referral to an approved provider: the referring staff record the provider's answer (accepted or declined, with its day); a provider has no users" })
  providerAnswer(@Param('id', ParseIdPipe) id: string, @Body() body: ProviderAnswerDto): Promise<Referral> {
    return this.service.recordProviderAnswer(id, body);
  }

  @Post(':id/provider-outcome')
  @HttpCode(200)
  @Permission('referrals', 'update')
  @ApiOperation({ summary: "An accepted referral to a provider: the course's end as the provider reported it (end date, the register's end status)" })
  providerOutcome(@Param('id', ParseIdPipe) id: string, @Body() body: ProviderOutcomeDto): Promise<Referral> {
    return this.service.recordProviderOutcome(id, body);
  }
}
