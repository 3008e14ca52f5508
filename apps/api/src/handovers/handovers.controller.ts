import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Handover, HandoverRecord } from '@outcomes/contracts';
import type { Response } from 'express';
import { Permission } from '../auth/auth.decorators';
import { sendPage } from '../common/crud/send-page';
import { ListQueryDto } from '../common/list-query/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { AcceptHandoverDto, CreateHandoverDto, HandoverReasonDto } from './dto/handover.dto';
import { HandoversService } from './handovers.service';

@ApiTags('handovers')
@Controller('handovers')
export class HandoversController {
  constructor(private readonly service: HandoversService) {}

  @Get()
  @Permission('handovers', 'list')
  @ApiOperation({ summary: "The municipality's outgoing hand-overs of citizens who move; filter by citizenId, toMunicipalityId, state" })
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<Handover[]> {
    return sendPage(res, 'handovers', await this.service.list(query));
  }

  // Before ':id', which would take "incoming" for an id.
  @Get('incoming')
  @Permission('handovers', 'list')
  @ApiOperation({ summary: 'Hand-overs addressed to the municipality: sent (to answer) and accepted; never declined or withdrawn ones' })
  incoming(): Promise<Handover[]> {
    return this.service.incoming();
  }

  @Get(':id')
  @Permission('handovers', 'read')
  get(@Param('id', ParseIdPipe) id: string): Promise<Handover> {
    return this.service.get(id);
  }

  @Get(':id/record')
  @Permission('handovers', 'read')
  @ApiOperation({ summary: "For the new municipality's staff: the old record, read-only, while an accepted hand-over lasts; logged in both municipalities" })
  record(@Param('id', ParseIdPipe) id: string): Promise<HandoverRecord> {
    return this.service.record(id);
  }

  @Post()
  @Permission('handovers', 'create')
  @ApiOperation({ summary: 'Hand a citizen who moves over to another municipality, with a message' })
  create(@Body() body: CreateHandoverDto): Promise<Handover> {
    return this.service.create(body);
  }

  @Post(':id/acceptance')
  @HttpCode(200)
  @Permission('handovers', 'update')
  @ApiOperation({ summary: 'The new municipality accepts: its own citizen record and course, in one transaction' })
  accept(@Param('id', ParseIdPipe) id: string, @Body() body: AcceptHandoverDto): Promise<Handover> {
    return this.service.accept(id, body);
  }

  @Post(':id/refusal')
  @HttpCode(200)
  @Permission('handovers', 'update')
  @ApiOperation({ summary: 'The new municipality declines, with a reason' })
  decline(@Param('id', ParseIdPipe) id: string, @Body() body: HandoverReasonDto): Promise<Handover> {
    return this.service.decline(id, body);
  }

  @Post(':id/withdrawal')
  @HttpCode(200)
  @Permission('handovers', 'update')
  @ApiOperation({ summary: 'The old municipality withdraws a hand-over not yet answered, with a reason' })
  withdraw(@Param('id', ParseIdPipe) id: string, @Body() body: HandoverReasonDto): Promise<Handover> {
    return this.service.withdraw(id, body);
  }
}
