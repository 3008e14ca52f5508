import { Body, Controller, Get, Param, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CaseDecision, CaseRequest, CaseRequestCreated } from '@outcomes/contracts';
import type { Response } from 'express';
import { Permission } from '../auth/auth.decorators';
import { sendPage } from '../common/crud/send-page';
import { ListQueryDto } from '../common/list-query/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { Db } from '../tenancy/db.service';
import { CaseRequestsService } from './case-requests.service';
import { CreateCaseRequestDto, CreateDecisionDto, UpdateCaseRequestDto } from './dto/case-request.dto';

@ApiTags('case-requests')
@Controller('case-requests')
export class CaseRequestsController {
  constructor(
    private readonly service: CaseRequestsService,
    private readonly db: Db,
  ) {}

  @Get()
  @Permission('case-requests', 'list')
  @ApiOperation({ summary: 'Requests for treatment (henvendelser) with the treatment guarantee; filter by citizenId, status, requestedOn_gte/_lte' })
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<CaseRequest[]> {
    return sendPage(res, 'case-requests', await this.service.list(query));
  }

  @Get(':id')
  @Permission('case-requests', 'read')
  get(@Param('id', ParseIdPipe) id: string): Promise<CaseRequest> {
    return this.service.get(id);
  }

  @Post()
  @Permission('case-requests', 'create')
  @ApiOperation({
    summary: 'Register a request. 201: a new request (joined: false). 200: the citizen had an open request at most 10 days apart, and this one was joined to it (joined: true; the answer is that request). 409: an open request more than 10 days apart',
  })
  async create(@Body() body: CreateCaseRequestDto, @Res({ passthrough: true }) res: Response): Promise<CaseRequestCreated> {
    const answer = await this.service.create(body);
    if (answer.joined) res.status(200);
    return answer;
  }

  @Put(':id')
  @Permission('case-requests', 'update')
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateCaseRequestDto): Promise<CaseRequest> {
    return this.service.update(id, body);
  }

  @Get(':id/decisions')
  @Permission('case-requests', 'read')
  @ApiOperation({ summary: "The request's written decisions, newest first; earlier ones are kept" })
  decisions(@Param('id', ParseIdPipe) id: string): Promise<CaseDecision[]> {
    return this.service.decisions(id);
  }

  @Post(':id/decisions')
  @Permission('case-requests', 'update')
  @ApiOperation({ summary: 'A written decision on the request (a new one replaces, never overwrites, the earlier)' })
  decide(@Param('id', ParseIdPipe) id: string, @Body() body: CreateDecisionDto): Promise<CaseDecision> {
    return this.service.decide(id, body);
  }

  @Get(':id/decisions/:decisionId/pdf')
  @Permission('case-requests', 'read')
  @ApiOperation({ summary: 'The decision as a Danish letter (PDF)' })
  async pdf(@Param('id', ParseIdPipe) id: string, @Param('decisionId', ParseIdPipe) decisionId: string): Promise<StreamableFile> {
    const { pdf, citizenId } = await this.service.decisionPdf(id, decisionId);
    // A file carries no citizenId for the interceptor to find: logged here, with the citizen.
    const ctx = this.db.context();
    ctx.accesses.push({ action: 'read', resource: 'case-requests', recordId: decisionId, citizenId, outcome: 'ok', criterion: JSON.stringify({ document: 'decision-pdf', caseRequestId: id }) });
    ctx.selfLogged = true;
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="afgoerelse-${decisionId.slice(0, 8)}.pdf"`, length: pdf.length });
  }
}
