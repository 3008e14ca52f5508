import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessHistoryCitizen, Citizen, CitizenAccess, LikelyDuplicate, TimelineEvent } from '@outcomes/contracts';
import type { Response } from 'express';
import { AccessLogService } from '../audit/access-log.service';
import { Permission } from '../auth/auth.decorators';
import { sendPage } from '../common/crud/send-page';
import { ListQueryDto } from '../common/list-query/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CitizensService } from './citizens.service';
import { AccessHistoryLookupDto, CitizenLookupDto, CreateCitizenDto, LikelyDuplicatesDto, UpdateCitizenDto } from './dto/citizen.dto';
import { TimelineService } from './timeline.service';

@ApiTags('citizens')
@Controller('citizens')
export class CitizensController {
  constructor(
    private readonly service: CitizensService,
    private readonly timelines: TimelineService,
    private readonly accessLog: AccessLogService,
  ) {}

  @Get()
  @Permission('citizens', 'list')
  @ApiOperation({ summary: 'Citizens of your municipality (no name search here: names never go in a URL; see POST /search)' })
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<Citizen[]> {
    return sendPage(res, 'citizens', await this.service.list(query));
  }

  @Post('search')
  @HttpCode(200)
  @Permission('citizens', 'list')
  @ApiOperation({ summary: 'The list, with sort/range/filter in the body; filter.q matches whole name words' })
  async search(@Body() body: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<Citizen[]> {
    return sendPage(res, 'citizens', await this.service.search(body));
  }

  @Post('lookup')
  @HttpCode(200)
  @Permission('citizens', 'list')
  @ApiOperation({ summary: 'Find a citizen by CPR number (in the body, never a URL)' })
  lookup(@Body() body: CitizenLookupDto): Promise<{ citizen: Citizen | null }> {
    return this.service.lookup(body.cpr);
  }

  @Post('likely-duplicates')
  @HttpCode(200)
  @Permission('citizens', 'create')
  @ApiOperation({ summary: 'Before registering a citizen without a CPR number: who may already be registered (shared name word, birth year and sex not contradicting); in the body, never a URL; logged as a search' })
  async likelyDuplicates(@Body() body: LikelyDuplicatesDto): Promise<{ citizens: LikelyDuplicate[] }> {
    return { citizens: await this.service.likelyDuplicates(body) };
  }

  @Post('access-history/lookup')
  @HttpCode(200)
  @Permission('access-log', 'list')
  @ApiOperation({ summary: 'For the access log: citizens by name or CPR number (in the body, never a URL), as name and birth year; logged as a search' })
  async accessHistoryLookup(@Body() body: AccessHistoryLookupDto): Promise<{ citizens: AccessHistoryCitizen[] }> {
    return { citizens: await this.service.findForAccessHistory(body.q) };
  }

  @Get(':id')
  @Permission('citizens', 'read')
  get(@Param('id', ParseIdPipe) id: string): Promise<Citizen> {
    return this.service.get(id);
  }

  @Get(':id/timeline')
  @Permission('citizens', 'read')
  @ApiOperation({ summary: 'Enrolment steps, sessions, group meetings and outreach contacts of a citizen, newest first' })
  timeline(@Param('id', ParseIdPipe) id: string): Promise<TimelineEvent[]> {
    return this.timelines.timeline(id);
  }

  @Get(':id/access-history')
  @Permission('citizens', 'read')
  @ApiOperation({ summary: 'Who has seen this citizen: the logged accesses, newest first (simple-rest list)' })
  async accessHistory(@Param('id', ParseIdPipe) id: string, @Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<CitizenAccess[]> {
    await this.service.entity(id);
    return sendPage(res, 'access-history', await this.accessLog.historyOf(id, query));
  }

  @Post()
  @Permission('citizens', 'create')
  @ApiOperation({ summary: 'Register a citizen; a CPR number already registered answers 409 with existingId' })
  create(@Body() body: CreateCitizenDto): Promise<Citizen> {
    return this.service.create(body);
  }

  @Put(':id')
  @Permission('citizens', 'update')
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateCitizenDto): Promise<Citizen> {
    return this.service.update(id, body);
  }
}
