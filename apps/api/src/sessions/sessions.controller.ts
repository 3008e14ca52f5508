import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NoteHistory, TreatmentSession } from '@outcomes/contracts';
import type { Response } from 'express';
import { Permission, SignedIn } from '../auth/auth.decorators';
import { ApiException } from '../common/errors/api.exception';
import { sendPage } from '../common/crud/send-page';
import { ListQueryDto } from '../common/list-query/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateSessionDto, EnteredInErrorDto, UpdateSessionDto } from './dto/session.dto';
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

  @Get(':id/note-versions')
  @Permission('sessions', 'read')
  @ApiOperation({ summary: 'Every version of the session\'s note, oldest first: who, when, why (nothing is ever removed)' })
  noteVersions(@Param('id', ParseIdPipe) id: string): Promise<NoteHistory> {
    return this.service.noteHistory(id);
  }

  @Put(':id')
  @Permission('sessions', 'update')
  @ApiOperation({ summary: 'Change a session; a changed note needs correctionReason, or typoFix by its author within the window (the earlier text is kept)' })
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateSessionDto): Promise<TreatmentSession> {
    return this.service.update(id, body);
  }

  @Post(':id/entered-in-error')
  @HttpCode(200)
  @Permission('sessions', 'update')
  @ApiOperation({ summary: 'Mark a session entered in error, with a reason: it stays visible, marked, and leaves every figure' })
  enteredInError(@Param('id', ParseIdPipe) id: string, @Body() body: EnteredInErrorDto): Promise<TreatmentSession> {
    return this.service.markEnteredInError(id, body);
  }

  /**
   * No session is deleted by a user (docs/domain.md, "Notes that are never lost"): 405 with the way to
   * do it instead, for every signed-in role, before any record is looked up (so it tells nothing about
   * whether the id exists). Left out of the OpenAPI document: it is not an operation.
   */
  @Delete(':id')
  @SignedIn()
  @ApiExcludeEndpoint()
  refuseDelete(@Res({ passthrough: true }) res: Response): never {
    res.setHeader('Allow', 'GET, PUT');
    throw new ApiException(405, 'METHOD_NOT_ALLOWED', 'A session is never deleted: mark it entered in error with a reason (POST /api/sessions/:id/entered-in-error)');
  }
}
