import { Body, Controller, Delete, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EvaluatorGrant } from '@outcomes/contracts';
import type { Response } from 'express';
import { Permission } from '../auth/auth.decorators';
import { sendPage } from '../common/crud/send-page';
import { ListQueryDto } from '../common/list-query/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateEvaluatorGrantDto } from './dto/evaluator-grant.dto';
import { EvaluatorGrantsService } from './evaluator-grants.service';

@ApiTags('evaluator-grants')
@Controller('evaluator-grants')
export class EvaluatorGrantsController {
  constructor(private readonly service: EvaluatorGrantsService) {}

  @Get()
  @Permission('evaluator-grants', 'list')
  @ApiOperation({ summary: 'Grants your municipality made, grants to your evaluators (admins), or grants made to you (evaluators)' })
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<EvaluatorGrant[]> {
    return sendPage(res, 'evaluator-grants', await this.service.list(query));
  }

  @Get(':id')
  @Permission('evaluator-grants', 'read')
  get(@Param('id', ParseIdPipe) id: string): Promise<EvaluatorGrant> {
    return this.service.get(id);
  }

  @Post()
  @Permission('evaluator-grants', 'create')
  @ApiOperation({ summary: 'Grant your municipality’s pseudonymised data to another municipality’s evaluator, for a purpose and a period (at most a year)' })
  create(@Body() body: CreateEvaluatorGrantDto): Promise<EvaluatorGrant> {
    return this.service.create(body);
  }

  @Delete(':id')
  @Permission('evaluator-grants', 'delete')
  @ApiOperation({ summary: 'Revoke: access ends at once, downloads of earlier exports included; answers the revoked grant, which stays on record' })
  revoke(@Param('id', ParseIdPipe) id: string): Promise<EvaluatorGrant> {
    return this.service.revoke(id);
  }
}
