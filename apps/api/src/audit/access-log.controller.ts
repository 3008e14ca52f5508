import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessLogEntry, AccessLogVerification } from '@outcomes/contracts';
import type { Response } from 'express';
import { CurrentUser, Permission, SecondTransaction } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { sendPage } from '../common/crud/send-page';
import { ListQueryDto } from '../common/list-query/list-query.dto';
import { AccessLogService } from './access-log.service';

@ApiTags('access-log')
@Controller('access-log')
export class AccessLogController {
  constructor(private readonly service: AccessLogService) {}

  @Get()
  @Permission('access-log', 'list')
  @ApiOperation({ summary: 'Your municipality’s access log; filter by userId, citizenId, recordId, resource, action, outcome, at_gte, at_lte' })
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<AccessLogEntry[]> {
    return sendPage(res, 'access-log', await this.service.list(query));
  }

  @Get('verify')
  @Permission('access-log', 'read')
  // The walk reads the log on a connection of its own while the request's transaction is open.
  @SecondTransaction()
  @ApiOperation({ summary: 'Verifies the hash chains of the whole log; names the first broken row, and the verdict of your municipality’s chain' })
  verify(@CurrentUser() user: AuthUser): Promise<AccessLogVerification> {
    return this.service.verify(user);
  }
}
