import { Body, Controller, Delete, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApiToken, CreatedApiToken } from '@outcomes/contracts';
import type { Response } from 'express';
import { Permission } from '../auth/auth.decorators';
import { sendPage } from '../common/crud/send-page';
import { ListQueryDto } from '../common/list-query/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateApiTokenDto } from './dto/api-token.dto';
import { ApiTokensService } from './api-tokens.service';

@ApiTags('api-tokens')
@Controller('api-tokens')
export class ApiTokensController {
  constructor(private readonly service: ApiTokensService) {}

  @Get()
  @Permission('api-tokens', 'list')
  @ApiOperation({ summary: 'Personal API tokens: your own; an admin also those of their municipality’s users. Never the token itself' })
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<ApiToken[]> {
    return sendPage(res, 'api-tokens', await this.service.list(query));
  }

  @Post()
  @Permission('api-tokens', 'create')
  @ApiOperation({ summary: 'Make a personal API token for a purpose, with an expiry and a scope within your own permissions; the answer’s `token` is shown this once' })
  create(@Body() body: CreateApiTokenDto): Promise<CreatedApiToken> {
    return this.service.create(body);
  }

  @Delete(':id')
  @Permission('api-tokens', 'delete')
  @ApiOperation({ summary: 'Revoke a token (yours, or as admin one of your users’); it is kept, ended, for the access log' })
  revoke(@Param('id', ParseIdPipe) id: string): Promise<ApiToken> {
    return this.service.revoke(id);
  }
}
