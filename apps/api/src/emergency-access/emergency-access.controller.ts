import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EmergencyAccess, EmergencyRecord } from '@outcomes/contracts';
import type { Response } from 'express';
import { Permission } from '../auth/auth.decorators';
import { sendPage } from '../common/crud/send-page';
import { ListQueryDto } from '../common/list-query/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { OpenEmergencyAccessDto, ReviewEmergencyAccessDto } from './dto/emergency-access.dto';
import { EmergencyAccessService } from './emergency-access.service';

@ApiTags('emergency-accesses')
@Controller('emergency-accesses')
export class EmergencyAccessController {
  constructor(private readonly service: EmergencyAccessService) {}

  @Get()
  @Permission('emergency-accesses', 'list')
  @ApiOperation({ summary: "Emergency accesses: an admin's review queue (their citizens opened by others) and their staff's openings elsewhere; staff their own openings" })
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<EmergencyAccess[]> {
    return sendPage(res, 'emergency-accesses', await this.service.list(query));
  }

  @Get(':id')
  @Permission('emergency-accesses', 'read')
  get(@Param('id', ParseIdPipe) id: string): Promise<EmergencyAccess> {
    return this.service.get(id);
  }

  @Get(':id/record')
  @Permission('emergency-accesses', 'read')
  @ApiOperation({ summary: 'The citizen’s record, read-only, while the access lasts, for the staff member who opened it; logged in both municipalities' })
  record(@Param('id', ParseIdPipe) id: string): Promise<EmergencyRecord> {
    return this.service.record(id);
  }

  @Post()
  @Permission('emergency-accesses', 'create')
  @ApiOperation({ summary: 'Break the glass: open another municipality’s citizen’s record by exact CPR number (in the body) with a reason' })
  open(@Body() body: OpenEmergencyAccessDto): Promise<EmergencyAccess> {
    return this.service.open(body);
  }

  @Post(':id/review')
  @HttpCode(200)
  @Permission('emergency-accesses', 'update')
  @ApiOperation({ summary: 'The owner’s admin marks an emergency access reviewed or raised, with an optional note' })
  review(@Param('id', ParseIdPipe) id: string, @Body() body: ReviewEmergencyAccessDto): Promise<EmergencyAccess> {
    return this.service.review(id, body);
  }
}
