import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TreatmentSession } from '@outcomes/contracts';
import type { Response } from 'express';
import { Permission } from '../auth/auth.decorators';
import { sendPage } from '../common/crud/send-page';
import { ListQueryDto } from '../common/list-query/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateSessionDto, UpdateSessionDto } from './dto/session.dto';
import { SessionsService } from './sessions.service';

@ApiTags('sessions')
@Controller('sessions')
export class SessionsController {
  constructor(private readonly service: SessionsService) {}

  @Get()
  @Permission('sessions', 'list')
  @ApiOperation({ summary: 'Individual sessions; filter by enrolmentId, citizenId, staffUserId, startsAt_gte/_lte, attendance' })
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<TreatmentSession[]> {
    return sendPage(res, 'sessions', await this.service.list(query));
  }

  @Get(':id')
  @Permission('sessions', 'read')
  get(@Param('id', ParseIdPipe) id: string): Promise<TreatmentSession> {
    return this.service.get(id);
  }

  @Post()
  @Permission('sessions', 'create')
  @ApiOperation({ summary: 'Log a session on an active enrolment (durationMinutes 1-720)' })
  create(@Body() body: CreateSessionDto): Promise<TreatmentSession> {
    return this.service.create(body);
  }

  @Put(':id')
  @Permission('sessions', 'update')
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateSessionDto): Promise<TreatmentSession> {
    return this.service.update(id, body);
  }

  @Delete(':id')
  @Permission('sessions', 'delete')
  remove(@Param('id', ParseIdPipe) id: string): Promise<TreatmentSession> {
    return this.service.remove(id);
  }
}
