import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Group, GroupMeeting } from '@outcomes/contracts';
import type { Response } from 'express';
import { Permission } from '../auth/auth.decorators';
import { sendPage } from '../common/crud/send-page';
import { ListQueryDto } from '../common/list-query/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { AttendanceDto, CreateGroupDto, CreateGroupMeetingDto, GroupMemberDto, UpdateGroupDto, UpdateGroupMeetingDto } from './dto/group.dto';
import { GroupsService } from './groups.service';

@ApiTags('groups')
@Controller('groups')
export class GroupsController {
  constructor(private readonly service: GroupsService) {}

  @Get()
  @Permission('groups', 'list')
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<Group[]> {
    return sendPage(res, 'groups', await this.service.list(query));
  }

  @Get(':id')
  @Permission('groups', 'read')
  get(@Param('id', ParseIdPipe) id: string): Promise<Group> {
    return this.service.get(id);
  }

  @Post()
  @Permission('groups', 'create')
  @ApiOperation({ summary: 'Create a course (its weekly meetings are generated from the programme protocol) or a standing group' })
  create(@Body() body: CreateGroupDto): Promise<Group> {
    return this.service.create(body);
  }

  @Put(':id')
  @Permission('groups', 'update')
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateGroupDto): Promise<Group> {
    return this.service.update(id, body);
  }

  @Post(':id/members')
  @HttpCode(200)
  @Permission('groups', 'update')
  @ApiOperation({ summary: 'Add an enrolment of the group’s programme to the cohort (idempotent)' })
  addMember(@Param('id', ParseIdPipe) id: string, @Body() body: GroupMemberDto): Promise<Group> {
    return this.service.addMember(id, body.enrolmentId);
  }

  @Delete(':id/members/:enrolmentId')
  @Permission('groups', 'update')
  removeMember(@Param('id', ParseIdPipe) id: string, @Param('enrolmentId', ParseIdPipe) enrolmentId: string): Promise<Group> {
    return this.service.removeMember(id, enrolmentId);
  }
}

@ApiTags('group-meetings')
@Controller('group-meetings')
export class GroupMeetingsController {
  constructor(private readonly service: GroupsService) {}

  @Get()
  @Permission('group-meetings', 'list')
  @ApiOperation({ summary: 'Meetings with their attendance; filter by groupId, centreId, status, startsAt_gte/_lte' })
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<GroupMeeting[]> {
    return sendPage(res, 'group-meetings', await this.service.listMeetings(query));
  }

  @Get(':id')
  @Permission('group-meetings', 'read')
  get(@Param('id', ParseIdPipe) id: string): Promise<GroupMeeting> {
    return this.service.getMeeting(id);
  }

  @Post()
  @Permission('group-meetings', 'create')
  @ApiOperation({ summary: 'Log a held meeting of a standing group (SMART Recovery) with its anonymous headcount' })
  create(@Body() body: CreateGroupMeetingDto): Promise<GroupMeeting> {
    return this.service.createMeeting(body);
  }

  @Put(':id')
  @Permission('group-meetings', 'update')
  @ApiOperation({ summary: 'Move or cancel a meeting' })
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateGroupMeetingDto): Promise<GroupMeeting> {
    return this.service.updateMeeting(id, body);
  }

  @Put(':id/attendance')
  @Permission('group-meetings', 'update')
  @ApiOperation({ summary: 'Save the whole attendance in one transaction; all members or nothing; idempotent' })
  attendance(@Param('id', ParseIdPipe) id: string, @Body() body: AttendanceDto): Promise<GroupMeeting> {
    return this.service.saveAttendance(id, body);
  }
}
